export * from './builders.js';
export * from './builders-auto-mode.js';
export * from './schemas.js';
export * as fargateBuilders from './builders-fargate.js';
