// Findings for workloads that need a NodePool of their own on Auto Mode (GPU, Neuron, Arm).
import type { CapacityRequest } from '@modeshift/plan';
import type { Workload } from '../inventory/types.js';
import type { Toleration } from '../kube.js';
import { tolerates } from '../placement/pod-needs.js';
import { workloadRef } from './refs.js';
import type { FindingDraft } from '../rules/engine/types.js';
import { describeWorkload } from './workload.js';

type NodePoolRequest = Extract<CapacityRequest, { kind: 'node-pool' }>;

export function tolerationFor(taint: { key: string; value?: string; effect: string }): Toleration {
  return taint.value === undefined
    ? { key: taint.key, operator: 'Exists', effect: taint.effect }
    : { key: taint.key, operator: 'Equal', value: taint.value, effect: taint.effect };
}

/**
 * The pool request (a gain: the capability Fargate lacks), plus a change adding the toleration for
 * the pool's taint when the pod template lacks it; without it the pods would stay Pending. `request`
 * is shared by every finding of the rule: make it once per plan with sortedClone.
 */
export function poolFindings(w: Workload, request: NodePoolRequest, message: string, remediation: string): FindingDraft[] {
  const out: FindingDraft[] = [{ severity: 'gain', resource: workloadRef(w), message, remediation, action: { request, type: 'capacity' } }];
  const missing = request.taints.filter((t) => !tolerates(w.template.spec.tolerations, t));
  if (missing.length > 0) {
    const taints = missing.map((t) => `${t.key}${t.value === undefined ? '' : `=${t.value}`}:${t.effect}`).join(', ');
    out.push({
      severity: 'change',
      resource: workloadRef(w),
      discriminator: `${request.name}-toleration`,
      message: `${describeWorkload(w)} does not tolerate the taint ${taints} of NodePool ${request.name}, so its pods would stay Pending on Auto Mode.`,
      remediation: `Add the toleration to the pod template in the wave that moves it.`,
      action: { type: 'workload', edits: missing.map((t) => ({ op: 'add-toleration' as const, toleration: tolerationFor(t) })) },
    });
  }
  return out;
}

/** Sum over containers of a countable extended resource (GPUs, Neuron devices), limits winning over requests. */
export function perPod(w: Workload, resource: string): number {
  let n = 0;
  for (const c of w.template.spec.containers) {
    const v = Number(c.resources?.limits?.[resource] ?? c.resources?.requests?.[resource] ?? 0);
    if (Number.isFinite(v) && v > 0) n += v;
  }
  return n;
}
