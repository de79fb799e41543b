export * from './base.js';
export * from './render/markdown/index.js';
