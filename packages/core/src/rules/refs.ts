import type { ResourceRef, Workload } from '../inventory/types.js';
import type { KubeObject } from '../kube.js';

export function workloadRef(w: Workload): ResourceRef {
  return { kind: w.kind, namespace: w.metadata.namespace, name: w.metadata.name };
}

export function objectRef(o: KubeObject | { kind: string; metadata: { name: string; namespace?: string } }): ResourceRef {
  return { kind: o.kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name };
}

/** Workloads whose pods run on the given compute today, in inventory order. */
export function workloadsOn(
  ctx: { inventory: { workloads: Workload[] }; placement: { workloads: Map<string, { current: { type: string } }> } },
  type: 'fargate' | 'auto-mode' | 'managed-nodes' | 'pending',
): Workload[] {
  return ctx.inventory.workloads.filter((w) => ctx.placement.workloads.get(w.key)?.current.type === type);
}
