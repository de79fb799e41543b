export * from './builders.js';
export * from './kube-objects.js';
export * from './aws-objects.js';
export * from './schemas.js';
export * from './plan-steps.js';
export * from './bash.js';
