export { collect } from './collect.js';
export { formatProgress, formatReport, stderrProgress, type StderrProgress } from './progress.js';
export { KINDS, type KindSpec } from './kinds.js';
export { parseEksArn } from './kube/eks-identity.js';
export type { CollectOptions, CollectReport, NotCollectedEntry, ProgressEvent, ProgressListener } from './types.js';
export { currentContextSummary, type ContextSummary } from './kube/context-summary.js';
