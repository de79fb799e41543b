// Which workloads the Fargate rules look at, and which of them move. Every blocker rule reports
// through its own finding; this module restates their tests once so that change-level rules
// (profiles, edits, sizing) skip what stays behind, and the plan never edits a workload it keeps.
import type { CapabilityId } from '@modeshift/plan';
import { FARGATE_LIMITS } from '../capabilities/limits.js';
import { remembered } from '../util/memo.js';
import type { InventoryIndex } from '../inventory/index-lookups.js';
import type { Workload } from '../inventory/types.js';
import type { RuleContext } from '../rules/engine/types.js';
import { arm64Evidence, gpuEvidence, hostPathVolumes, neuronEvidence, privilegedContainers, windowsEvidence } from './evidence.js';
import { hostPorts } from './host-ports.js';
import { usedCapabilities } from './capability-uses.js';
import { claimUses } from './volumes.js';
import { isCoreDns } from './workload.js';
import { isKarpenterController } from './karpenter.js';
import { runsOnce } from './finished-runs.js';
import { daemonSetFate, daemonSetStays } from './daemonset-fate.js';
import { fargateSize, podRequirement } from './fargate-size.js';
import { GIB_BYTES } from './quantities.js';
import { publicNodeClassOf } from './node-class.js';
import { meshMembership } from './service-mesh.js';
import { affinityExcludes } from '../placement/affinity-exclusion.js';

export interface Blocker {
  capability: CapabilityId;
  reason: string;
}

interface Scope {
  candidates: Workload[];
  daemonSets: Workload[];
  /** Only candidates with at least one blocker: most have none, and a map of every candidate costs more than it answers. */
  blockers: Map<string, Blocker[]>;
  /** Per capability, the candidates it blocks, in candidate order. */
  blockedBy: Map<CapabilityId, Workload[]>;
  moving: Workload[];
  movingKeys: Set<string>;
  /** Namespace → moving workloads no existing Fargate profile selects: each needs a new profile. */
  unprofiled: Map<string, Workload[]>;
}

const cache = new WeakMap<InventoryIndex, Scope>();

/** Exposed on the node's own address, which only EC2 capacity has. */
export const exposedOnNode = (index: InventoryIndex, w: Workload): boolean => w.template.spec.hostNetwork === true || hostPorts(index, w).length > 0;

export function blockersOf(ctx: RuleContext, w: Workload): Blocker[] {
  const out = podBlockers(ctx.index, w);
  const pool = currentNodePool(ctx, w);
  if (pool !== null && exposedOnNode(ctx.index, w) && publicNodeClassOf(ctx, pool) !== null)
    out.push({ capability: 'public-ip', reason: 'exposed on a public node address' });
  return out;
}

/** What keeps the pod template itself off Fargate, wherever it runs today: every blocker but the node's public address. */
export function podBlockers(index: InventoryIndex, w: Workload): Blocker[] {
  const spec = w.template.spec;
  const out: Blocker[] = [];
  const add = (capability: CapabilityId, reason: string | null | false) => {
    if (reason) out.push({ capability, reason });
  };
  add('windows', windowsEvidence(spec));
  add('gpu', gpuEvidence(spec));
  add('neuron', neuronEvidence(spec));
  add('arm64', arm64Evidence(spec));
  add('host-network', spec.hostNetwork === true && 'hostNetwork');
  add('host-network', hostPorts(index, w).some((p) => !p.reachable) && 'hostPort without a Service');
  add('privileged', privilegedContainers(spec).length > 0 && 'privileged');
  // A mesh proxy needs the NET_ADMIN its init container adds: never removed, always a blocker.
  add('privileged', meshMembership(index, w) !== null && 'service mesh sidecar');
  add('scheduling', affinityExcludes(spec, 'fargate') !== null && 'required node affinity excludes Fargate');
  add('privileged', [...spec.containers, ...(spec.initContainers ?? [])].some((c) => usedCapabilities(c).length > 0) && 'a capability its command uses');
  add('host-path', hostPathVolumes(spec).length > 0 && 'hostPath');
  add('ebs-volume', claimUses(index, w).some((u) => u.kind === 'ebs') && 'EBS volume');
  add('efs-volume', claimUses(index, w).some((u) => u.kind === 'other' || u.kind === 'unknown') && 'a volume Fargate cannot mount');
  const req = podRequirement(spec);
  add('pod-size', fargateSize(req) === null && 'larger than Fargate allows');
  add('ephemeral-storage', req.ephemeralBytes > FARGATE_LIMITS.maxEphemeralGib * GIB_BYTES && 'ephemeral storage above the Fargate maximum');
  return out;
}

function build(ctx: RuleContext): Scope {
  const candidates: Workload[] = [];
  const daemonSets: Workload[] = [];
  const blockers = new Map<string, Blocker[]>();
  const blockedBy = new Map<CapabilityId, Workload[]>();
  const moving: Workload[] = [];
  for (const w of ctx.inventory.workloads) {
    const current = ctx.placement.workloads.get(w.key)?.current.type;
    // A Job runs once: the finished-jobs rule says so, and nothing moves it (re-creating it runs it again).
    if (current === undefined || current === 'fargate' || runsOnce(w)) continue;
    if (w.kind === 'DaemonSet') {
      daemonSets.push(w);
      continue;
    }
    // Karpenter's controller keeps running where it is until the plan removes it (fargate-retire-karpenter).
    if (isCoreDns(w) || isKarpenterController(w)) continue;
    candidates.push(w);
    const found = blockersOf(ctx, w);
    if (found.length > 0) blockers.set(w.key, found);
    for (const b of found) {
      const list = blockedBy.get(b.capability);
      // One workload can be blocked twice for one capability (hostNetwork and a hostPort): listed once.
      if (!list) blockedBy.set(b.capability, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    }
    // Pending workloads run nowhere today; the plan has nothing to move for them.
    if (found.length === 0 && (current === 'auto-mode' || current === 'managed-nodes')) moving.push(w);
  }
  const existing = new Set(ctx.inventory.fargateProfiles.map((p) => p.name));
  const unprofiled = new Map<string, Workload[]>();
  for (const w of moving) {
    const target = ctx.placement.workloads.get(w.key)?.target;
    if (target?.type !== 'fargate' || existing.has(target.profile)) continue;
    const list = unprofiled.get(w.metadata.namespace);
    if (list) list.push(w);
    else unprofiled.set(w.metadata.namespace, [w]);
  }
  return { candidates, daemonSets, blockers, blockedBy, moving, movingKeys: new Set(moving.map((w) => w.key)), unprofiled };
}

const scopeOf = (ctx: RuleContext): Scope => remembered(cache, ctx.index, () => build(ctx));

/** Non-DaemonSet workloads not on Fargate today (including pending ones), CoreDNS and Karpenter's controller aside. */
export const candidates = (ctx: RuleContext): readonly Workload[] => scopeOf(ctx).candidates;

/**
 * The candidates a capability keeps off Fargate, by the same tests blockersOf makes: a blocker rule
 * reports exactly these, so it need not test every candidate again.
 */
export const blockedBy = (ctx: RuleContext, capability: CapabilityId): readonly Workload[] => scopeOf(ctx).blockedBy.get(capability) ?? [];

/** DaemonSets not on Fargate today: the DaemonSet and log-agent rules judge them. */
export const daemonSets = (ctx: RuleContext): readonly Workload[] => scopeOf(ctx).daemonSets;

/** DaemonSets that cannot follow their pods to Fargate and stay on the EC2 capacity they run on. */
export const stayingDaemonSets = (ctx: RuleContext): readonly Workload[] => daemonSets(ctx).filter((w) => daemonSetStays(daemonSetFate(w)));

/** Candidates running on EC2 today with nothing that keeps them off Fargate. */
export const movingWorkloads = (ctx: RuleContext): readonly Workload[] => scopeOf(ctx).moving;

export const isMoving = (ctx: RuleContext, w: Workload): boolean => scopeOf(ctx).movingKeys.has(w.key);

export const stays = (ctx: RuleContext, w: Workload): boolean => (scopeOf(ctx).blockers.get(w.key) ?? []).length > 0;

/** Namespaces whose moving workloads need a new Fargate profile, sorted, with those workloads. */
export const unprofiledNamespaces = (ctx: RuleContext): ReadonlyMap<string, readonly Workload[]> => scopeOf(ctx).unprofiled;

export const anyMoving = (ctx: RuleContext): boolean => scopeOf(ctx).moving.length > 0;

/** Where a workload that cannot move keeps running: the EC2 capacity it has today. */
export function stayOn(ctx: RuleContext, w: Workload): 'auto-mode' | 'managed-nodes' {
  return ctx.placement.workloads.get(w.key)?.current.type === 'managed-nodes' ? 'managed-nodes' : 'auto-mode';
}

export function capacityName(on: 'auto-mode' | 'managed-nodes'): string {
  return on === 'auto-mode' ? 'Auto Mode' : 'its EC2 node group';
}

/** The NodePool a workload runs on today, when it runs on Auto Mode or Karpenter capacity. */
export function currentNodePool(ctx: RuleContext, w: Workload): string | null {
  const current = ctx.placement.workloads.get(w.key)?.current;
  return current?.type === 'auto-mode' ? current.nodePool : null;
}
