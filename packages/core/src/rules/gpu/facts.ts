import { AMD64, nodePoolRequest, ON_DEMAND, type NodePoolRequest } from '../../analysis/node-pool-requests.js';

/** §2 NVIDIA GPU row, §4.3 labels: NVIDIA only (g4ad is AMD), amd64 (g5g is Graviton). */
export function gpuPool(totalGpus: number): NodePoolRequest {
  return nodePoolRequest(
    'gpu',
    'gpu',
    [
      { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g', 'p'] },
      { key: 'eks.amazonaws.com/instance-gpu-manufacturer', operator: 'In', values: ['nvidia'] },
      AMD64,
      ON_DEMAND,
    ],
    { key: 'nvidia.com/gpu', effect: 'NoSchedule' },
    { 'nvidia.com/gpu': String(totalGpus) },
  );
}
