// Workloads whose scheduling constraints name capacity an inventory of plain manifests does not show:
// a Spot capacity type, and a GPU NodePool by name.
import type { Workload } from '../inventory/types.js';
import { aWorkload } from './builders.js';

export const gpuContainers = [{ name: 'main', image: 'public.ecr.aws/example/infer:1.0', resources: { limits: { 'nvidia.com/gpu': '1' } } }];

/** A Spot game server: `karpenter.sh/capacity-type: spot`, no pool named. */
export const spotGame: Workload = aWorkload({ namespace: 'game', name: 'spot', spec: { nodeSelector: { 'karpenter.sh/capacity-type': 'spot' } } });

/** GPU inference on NodePool `gpu`, tolerating its taint. */
export const gpuInference: Workload = aWorkload({
  namespace: 'ml',
  name: 'infer',
  containers: gpuContainers,
  spec: { nodeSelector: { 'karpenter.sh/nodepool': 'gpu' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] },
});
