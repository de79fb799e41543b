import type { ResourceRef, Workload } from '../inventory/types.js';
import type { KubeObject } from '../kube.js';

// Keys in sorted order, as the plan JSON writes them: refs are in every finding, and objects built in
// that order are written without being copied first.
export function workloadRef(w: Workload): ResourceRef {
  return { kind: w.kind, name: w.metadata.name, namespace: w.metadata.namespace };
}

export function objectRef(o: KubeObject | { kind: string; metadata: { name: string; namespace?: string } }): ResourceRef {
  return { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace ?? null };
}

/** Workloads whose pods run on the given compute today, in inventory order. */
export function workloadsOn(
  ctx: { inventory: { workloads: Workload[] }; placement: { workloads: Map<string, { current: { type: string } }> } },
  type: 'fargate' | 'auto-mode' | 'managed-nodes' | 'pending',
): Workload[] {
  return ctx.inventory.workloads.filter((w) => ctx.placement.workloads.get(w.key)?.current.type === type);
}
