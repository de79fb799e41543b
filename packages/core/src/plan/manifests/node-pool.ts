import type { CapacityRequest, Taint } from '@modeshift/plan';
import type { NodeSelectorRequirement, StringMap } from '../../kube.js';
import { managedLabels, sortedMap } from './meta.js';

type NodePoolRequest = Extract<CapacityRequest, { kind: 'node-pool' }>;

/** Auto Mode's documented default node lifetime (aws-facts §1: 336 h; the upstream CRD default of 720 h does not apply). */
export const NODE_POOL_EXPIRE_AFTER = '336h';

// A runaway guard, not a sizing decision: the same figures AWS uses in its NodePool example (aws-facts §4.1).
// Callers that know the pool's demand pass their own `limits`, which win.
const DEFAULT_LIMITS: StringMap = { cpu: '1000', memory: '1000Gi' };

const INSTANCE_SHAPE_KEYS = [
  'eks.amazonaws.com/instance-category',
  'eks.amazonaws.com/instance-family',
  'node.kubernetes.io/instance-type',
  'eks.amazonaws.com/instance-gpu-name',
  'eks.amazonaws.com/instance-gpu-manufacturer',
  'eks.amazonaws.com/instance-gpu-count',
];

/**
 * A `karpenter.sh/v1` NodePool for Auto Mode. The request's requirements are kept as given; requirements it
 * leaves open are pinned so the pool behaves like the capacity the workloads came from:
 * - `karpenter.sh/capacity-type: on-demand` — what Karpenter picks anyway, stated so the YAML shows it.
 * - `kubernetes.io/arch: amd64` — EKS Fargate is x86-only, so moved images may be amd64-only; an open arch
 *   lets Karpenter pick cheaper Graviton (or g5g GPU) nodes and the pods die with `exec format error`.
 * - instance category c/m/r and generation > 4 (general-purpose pools only) — custom pools do not inherit the
 *   built-in pools' guardrails (aws-facts §4.4); without them burstable `t` or old generations are eligible.
 * `kubernetes.io/os` is never added: Auto Mode does not support that label in requirements (aws-facts §4.3).
 */
export function nodePoolManifest(req: NodePoolRequest, nodeClassName: string): Record<string, unknown> {
  const taints = req.taints.map(taint);
  const templateSpec: Record<string, unknown> = {
    nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: nodeClassName },
    requirements: requirementsFor(req),
    ...(taints.length > 0 ? { taints } : {}),
    expireAfter: NODE_POOL_EXPIRE_AFTER,
    // Auto Mode applies 24 h to NodeClaims when unset; stating it shows operators the bound on a PDB-blocked drain.
    terminationGracePeriod: '24h',
  };
  const labels = req.labels ?? {};
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: req.name, labels: managedLabels() },
    spec: {
      ...(req.weight !== undefined ? { weight: req.weight } : {}),
      template: { ...(Object.keys(labels).length > 0 ? { metadata: { labels: sortedMap(labels) } } : {}), spec: templateSpec },
      // A re-created Karpenter pool keeps its original's limits, or none; the others get the runaway guard.
      ...(req.purpose !== 'karpenter'
        ? { limits: sortedMap({ ...DEFAULT_LIMITS, ...req.limits }) }
        : Object.keys(req.limits).length > 0
          ? { limits: sortedMap(req.limits) }
          : {}),
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: consolidateAfter(req.purpose),
        // The Auto Mode default, written out because it is the knob operators reach for first.
        budgets: [{ nodes: '10%' }],
      },
    },
  };
}

// Workloads from Fargate never saw consolidation; a few minutes of settling stops a wave's rollout from
// being reshuffled onto fewer nodes while it is still starting. Accelerated nodes take minutes to become
// useful (drivers, multi-GB images, model loading), so they are given longer before being judged idle.
function consolidateAfter(purpose: NodePoolRequest['purpose']): string {
  return purpose === 'gpu' || purpose === 'neuron' ? '15m' : '5m';
}

function requirementsFor(req: NodePoolRequest): NodeSelectorRequirement[] {
  const out = req.requirements.map(requirement);
  // A re-created Karpenter pool keeps its original's requirements, as AWS's migration asks, adding nothing but
  // the one requirement every Auto Mode NodePool must have (AWS's example: instance category c, m or r).
  if (req.purpose === 'karpenter') return out.length > 0 ? out : [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] }];
  const has = (key: string): boolean => out.some((r) => r.key === key);
  if (!has('karpenter.sh/capacity-type')) out.push({ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] });
  if (!has('kubernetes.io/arch')) out.push({ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] });
  // Accelerated pools name their own families (g4dn is generation 4); only general pools get the guardrails.
  const accelerated = req.purpose === 'gpu' || req.purpose === 'neuron';
  const shapeOpen = !INSTANCE_SHAPE_KEYS.some(has);
  if (!accelerated && shapeOpen) {
    out.push({ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] });
    if (!has('eks.amazonaws.com/instance-generation')) {
      out.push({ key: 'eks.amazonaws.com/instance-generation', operator: 'Gt', values: ['4'] });
    }
  }
  return out;
}

// Exists/DoesNotExist must carry no values (the CRD rejects them otherwise), so empty arrays are dropped.
function requirement(r: NodeSelectorRequirement): NodeSelectorRequirement {
  const values = r.values ?? [];
  if (r.operator === 'Exists' || r.operator === 'DoesNotExist' || values.length === 0) return { key: r.key, operator: r.operator };
  return { key: r.key, operator: r.operator, values: [...values] };
}

function taint(t: Taint): Record<string, string> {
  return t.value === undefined || t.value === '' ? { key: t.key, effect: t.effect } : { key: t.key, value: t.value, effect: t.effect };
}
