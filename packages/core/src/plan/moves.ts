import type { CapacityRequest, Finding, WorkloadEdit } from '@modeshift/plan';
import type { Workload } from '../inventory/types.js';
import { resourceKey } from '../rules/engine/run.js';
import { isKarpenterController } from '../analysis/karpenter.js';
import type { PlanInput } from './plan-input.js';
import { runsOnce } from '../analysis/finished-runs.js';

export interface Move {
  workload: Workload;
  edits: WorkloadEdit[];
  /** Optional edits the operator may opt into (e.g. Spot). */
  optional: { label: string; edits: WorkloadEdit[] }[];
  findings: string[];
}

/** Whether a workload changes compute in this plan (before stays are taken out). */
function movesToTarget(input: PlanInput, w: Workload): boolean {
  const placement = input.ctx.placement.workloads.get(w.key);
  // Jobs and finished runs stay where they ran: re-creating a Job would run it again (finished-runs.ts).
  if (!placement || w.kind === 'DaemonSet' || runsOnce(w)) return false;
  if (w.metadata.namespace === 'kube-system' && w.metadata.name === 'coredns') return false;
  // Karpenter's controller is removed last, never moved, in both directions; what its NodePools run moves.
  if (isKarpenterController(w)) return false;
  const current = placement.current;
  // Pods a Fargate profile holds Pending (Fargate cannot run them) start on Auto Mode with the same wave patch.
  if (input.ctx.target === 'auto-mode')
    return (
      current.type === 'fargate' ||
      (current.type === 'pending' && current.fargateProfile !== undefined) ||
      (current.type === 'managed-nodes' && current.nodePool !== undefined)
    );
  return current.type === 'auto-mode' || current.type === 'managed-nodes';
}

function tolerationsFor(req: Extract<CapacityRequest, { kind: 'node-pool' }>): WorkloadEdit[] {
  return [
    { op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: req.name },
    ...req.taints.map((t): WorkloadEdit => ({
      op: 'add-toleration',
      toleration: { key: t.key, operator: 'Equal', ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect },
    })),
  ];
}

const computed = new WeakMap<PlanInput, readonly Move[]>();

/**
 * Every workload that moves, with the edits all findings ask of it, in inventory order.
 * Linear: findings are bucketed by resource key once. The waves and the outcomes both need the
 * moves of one plan, so they are worked out once per PlanInput.
 */
export function collectMoves(input: PlanInput): readonly Move[] {
  let moves = computed.get(input);
  if (!moves) computed.set(input, (moves = findMoves(input)));
  return moves;
}

/** Findings by resource key, as the workload with that key looks them up. */
function byResourceKey(findings: readonly Finding[]): (w: Workload) => Finding[] | undefined {
  const byResource = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.resource) continue;
    const key = resourceKey(f.resource);
    const list = byResource.get(key);
    if (list) list.push(f);
    else byResource.set(key, [f]);
  }
  return (w) => byResource.get(w.key);
}

/**
 * The same lookup on kind, namespace and name in nested maps: those strings come from the input and
 * are hashed once, where a joined key would be built and hashed for each of tens of thousands of
 * findings. The two agree unless a resource's kind, namespace or name holds a '/', which Kubernetes
 * does not allow; such an inventory is looked up by joined keys.
 */
function byResourceName(findings: readonly Finding[]): (w: Workload) => Finding[] | undefined {
  const byKind = new Map<string, Map<string | null, Map<string, Finding[]>>>();
  for (const f of findings) {
    const r = f.resource;
    if (!r) continue;
    if (r.kind.includes('/') || r.name.includes('/') || (r.namespace !== null && r.namespace.includes('/'))) return byResourceKey(findings);
    let byNamespace = byKind.get(r.kind);
    if (!byNamespace) byKind.set(r.kind, (byNamespace = new Map<string | null, Map<string, Finding[]>>()));
    let byName = byNamespace.get(r.namespace);
    if (!byName) byNamespace.set(r.namespace, (byName = new Map<string, Finding[]>()));
    const list = byName.get(r.name);
    if (list) list.push(f);
    else byName.set(r.name, [f]);
  }
  return (w) => byKind.get(w.kind)?.get(w.metadata.namespace)?.get(w.metadata.name);
}

function findMoves(input: PlanInput): Move[] {
  const findingsOf = byResourceName(input.findings);
  const moves: Move[] = [];
  for (const w of input.ctx.inventory.workloads) {
    if (input.staying.has(w.key) || !movesToTarget(input, w)) continue;
    const findings = findingsOf(w) ?? [];
    const edits: WorkloadEdit[] = [];
    const optional: Move['optional'] = [];
    for (const f of findings) {
      if (f.action.type === 'workload') edits.push(...f.action.edits);
      if (f.action.type === 'capacity' && f.action.request.kind === 'node-pool') {
        const req = f.action.request;
        // Pools a workload needs (GPU, arm64) come with their own toleration findings; Spot is opt-in.
        if (req.purpose === 'spot') optional.push({ label: `run on the ${req.name} NodePool (Spot)`, edits: tolerationsFor(req) });
      }
    }
    // A workload already pinned to a pool (e.g. its security groups' NodePool) cannot also opt into Spot.
    const pinned = edits.some((e) => e.op === 'set-node-selector' && e.key === 'karpenter.sh/nodepool');
    moves.push({ workload: w, edits, optional: pinned ? [] : optional, findings: findings.map((f) => f.id) });
  }
  return moves;
}
