import { AMD64, CMR, nodePoolRequest, type NodePoolRequest } from '../../analysis/node-pool-requests.js';

/**
 * Spot only, no on-demand fallback inside the pool: the taint makes the pool opt-in, and a pod that
 * tolerates it without requiring Spot still fits the untainted general-purpose pool, which is the
 * on-demand fallback. A mixed pool would silently launch on-demand nodes under the name "spot".
 */
export const SPOT_POOL: NodePoolRequest = nodePoolRequest(
  'spot',
  'spot',
  [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }, CMR, AMD64],
  { key: 'modeshift.io/spot', value: 'true', effect: 'NoSchedule' },
);
