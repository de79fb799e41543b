// What each workload asks of compute on one side of the move: how many pods, of what size, where.
import type { PodSpec } from '../kube.js';
import type { InventoryIndex } from '../inventory/index-lookups.js';
import type { Workload } from '../inventory/types.js';
import type { Compute } from '../placement/types.js';
import { podRequirement } from '../analysis/fargate-size.js';
import { GPU_RESOURCES } from '../placement/pod-needs.js';
import { parseQuantity } from '../analysis/quantities.js';
import { replacedBy } from '../analysis/replaced-daemonsets.js';
import { runTimeOf, type RunTime, type RunTimes } from './run-time.js';

export interface PodSize {
  millicpu: number;
  memoryBytes: number;
  gpus: number;
}

export function podSize(spec: PodSpec): PodSize {
  const need = podRequirement(spec);
  let gpus = 0;
  for (const c of spec.containers) {
    for (const r of GPU_RESOURCES) gpus += parseQuantity(c.resources?.limits?.[r] ?? c.resources?.requests?.[r]) ?? 0;
  }
  return { millicpu: need.millicpu, memoryBytes: need.memoryBytes, gpus };
}

export type Replicas =
  | { count: number; from: 'spec' | 'hpa-min' | 'one-pod' }
  /** A Job or CronJob with a run time: one pod at a time, for the pod-hours the run time gives. */
  | { count: 1; from: 'run-time'; runTime: RunTime }
  | { count: null; reason: string };

/** Why a finished Job is left out: nothing of it runs, and Fargate's billing of its pods ends when they are deleted. */
const FINISHED =
  'a Job that has run to its end runs nothing more, so it costs nothing on either side (on Fargate its finished pods are billed until they are deleted: ttlSecondsAfterFinished deletes them)';

/**
 * Pods a workload runs: the HPA's minimum where an HPA scales it, else its spec; a Job or CronJob
 * for the run time the operator gave, else left out.
 */
export function replicasOf(workload: Workload, index: InventoryIndex, runTimes: RunTimes): Replicas {
  switch (workload.kind) {
    case 'Job':
    case 'CronJob': {
      if (workload.finished !== null) return { count: null, reason: FINISHED };
      const runTime = runTimeOf(workload, runTimes);
      return 'missing' in runTime ? { count: null, reason: runTime.missing } : { count: 1, from: 'run-time', runTime };
    }
    case 'RayJob':
    case 'SparkApplication':
    case 'ScheduledSparkApplication':
    case 'ScaledJob':
      return { count: null, reason: `a ${workload.kind} costs what its runs take; its run time is not known, so it is not priced` };
    case 'DaemonSet': {
      const replaced = replacedBy(workload);
      return {
        count: null,
        reason: replaced
          ? `Auto Mode provides ${replaced} itself, so this DaemonSet takes no room on its nodes, and Fargate runs none`
          : 'a DaemonSet runs one pod on every node: on Auto Mode it is priced in each node’s overhead, and Fargate runs none',
      };
    }
    case 'Pod':
      return { count: 1, from: 'one-pod' };
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      const hpa = index.hpasFor(workload)[0];
      if (hpa) {
        const min = (hpa.spec as { minReplicas?: unknown }).minReplicas;
        return { count: typeof min === 'number' && min >= 0 ? min : 1, from: 'hpa-min' };
      }
      return { count: workload.replicas ?? 1, from: 'spec' };
    }
    case 'RayCluster':
    case 'RayService':
    case 'Rollout':
    case 'KnativeService':
    case 'StrimziPodSet':
    case 'FlinkDeployment':
      // Operators scale these themselves (Ray's autoscaler, Knative to zero): the spec's count is the best known.
      return { count: workload.replicas ?? 1, from: 'spec' };
  }
}

/** Why a compute cannot be priced here, or null when it can (Fargate, Auto Mode). */
export function unpricedCompute(c: Compute): string | null {
  switch (c.type) {
    case 'fargate':
    case 'auto-mode':
      return null;
    case 'managed-nodes':
      return `runs on ${c.nodegroup ? `managed node group ${c.nodegroup}` : 'EC2 nodes outside Auto Mode'}, billed whatever the move does`;
    case 'pending':
      return `has no compute (${c.reason})`;
  }
}
