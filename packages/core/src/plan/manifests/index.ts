// Pure builders for the Kubernetes objects and IAM documents a plan's steps carry (and the Pulumi generator reuses).
export * from './node-pool.js';
export * from './node-class.js';
export * from './security-group-policy.js';
export * from './log-agent.js';
export * from './aws-logging.js';
export * from './load-balancers.js';
export * from './ingress-class-params-annotations.js';
export * from './storage-class.js';
export * from './iam.js';
export { renderFluentBitOutput, renderFluentBitOutputs } from './fluent-bit.js';
export { blueGreenName } from './meta.js';
export * from './network-policy.js';
export * from './log-shipping-role.js';
