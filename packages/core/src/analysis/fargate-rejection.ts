// Why Fargate does not run a workload a profile selects. Fargate admission refuses the pod, or
// nothing Fargate offers fits it (GPUs, arm64, more than 16 vCPU / 120 GB, EBS volumes, a service
// mesh proxy's capabilities): its pods stay Pending. Such a workload does not run on Fargate today,
// whatever profile selects it, and no output may say it does.
import type { InventoryIndex } from '../inventory/index-lookups.js';
import type { Workload } from '../inventory/types.js';
import { fargateRejects } from '../simulate/fargate-admission.js';
import { podBlockers } from './fargate-scope.js';

/** Why Fargate would not run the workload's pods, or null when it would. DaemonSets never run there. */
export function whyFargateCannotRun(index: InventoryIndex, w: Workload): string | null {
  const refused = fargateRejects(w);
  if (refused) return refused;
  const reasons = [...new Set(podBlockers(index, w).map((b) => b.reason))];
  return reasons.length > 0 ? reasons.join('; ') : null;
}
