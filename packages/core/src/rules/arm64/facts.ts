import { CMR, nodePoolRequest, ON_DEMAND, type NodePoolRequest } from '../../analysis/node-pool-requests.js';

/** Tainted so that amd64-only pods never land on it by chance (the built-in pool is amd64 only, §4.4). */
export const ARM64_POOL: NodePoolRequest = nodePoolRequest(
  'arm64',
  'arm64',
  [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }, CMR, ON_DEMAND],
  { key: 'modeshift.io/arch', value: 'arm64', effect: 'NoSchedule' },
);
