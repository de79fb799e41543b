import { sortedClone } from '../../util/sorted-clone.js';
import { needsGpu } from '../../placement/pod-needs.js';
import type { Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { onReplacedKarpenterPool } from '../../analysis/karpenter.js';
import { describeWorkload } from '../../analysis/workload.js';
import { gpuPool } from './facts.js';
import { perPod, poolFindings } from '../../analysis/pool-findings.js';

const GPU = 'nvidia.com/gpu';

/**
 * GPU workloads on EC2 nodes today get an Auto Mode GPU NodePool (drivers and device plugin are
 * built in, aws-facts §2). The pool's GPU limit covers all of them at their replica counts, and
 * every finding carries the same request so the planner's merge by name is exact.
 */
export const autoModeGpuPoolRule: Rule = {
  id: 'auto-mode-gpu-pool',
  title: 'GPU NodePool',
  capability: 'gpu',
  targets: ['auto-mode'],
  check(ctx) {
    const users = movers(ctx).filter((w) => needsGpu(w.template.spec) && !onReplacedKarpenterPool(ctx, w));
    if (users.length === 0) return [];
    const total = users.reduce((sum, w) => sum + perPod(w, GPU) * Math.max(w.replicas ?? 1, 1), 0);
    const pool = sortedClone(gpuPool(Math.max(total, 1)));
    return users.flatMap((w) =>
      poolFindings(
        w,
        pool,
        `${describeWorkload(w)} requests ${perPod(w, GPU) || 'some'} NVIDIA GPU${perPod(w, GPU) === 1 ? '' : 's'} per pod; Auto Mode runs it on a GPU NodePool with the NVIDIA driver and device plugin built in.`,
        `The plan adds NodePool ${pool.name} (NVIDIA g/p instances, on-demand, tainted ${GPU}:NoSchedule, limit ${total} GPUs). Do not carry the NVIDIA device plugin DaemonSet over to Auto Mode nodes. Raise the limit before scaling out.`,
      ),
    );
  },
};
