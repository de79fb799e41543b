// Required node affinity that rules a whole compute mode out. Placement already matches pods to
// NodePools requirement by requirement; this answers the coarser question the plan must ask before
// moving a workload at all: can any node of the target mode ever satisfy it? Only exclusions are
// read (NotIn, DoesNotExist): a pin such as `compute-type In [auto]` names today's platform and is
// what a migration rewrites, while an exclusion states that the workload must not run there. The
// Karpenter chart's `karpenter.sh/nodepool DoesNotExist`, for one, keeps its controller off every
// node a NodePool made, and every Auto Mode node is one.
import type { Mode } from '@modeshift/plan';
import type { NodeSelectorRequirement, PodSpec } from '../kube.js';
import { COMPUTE_TYPE_ANNOTATION } from './fargate-profiles.js';
import { schedulingTerms } from './pod-needs.js';

/** Labels every node of a mode carries (with their value, or null when the value varies). */
const NODE_LABELS: Record<Mode, Record<string, string | null>> = {
  // aws-facts §2 scheduling model row: Auto Mode nodes carry compute-type auto and their NodePool's name.
  'auto-mode': { [COMPUTE_TYPE_ANNOTATION]: 'auto', 'karpenter.sh/nodepool': null },
  // Fargate nodes carry compute-type fargate (same row) and no NodePool label.
  fargate: { [COMPUTE_TYPE_ANNOTATION]: 'fargate' },
};

function excludes(mode: Mode, r: NodeSelectorRequirement): boolean {
  const labels = NODE_LABELS[mode];
  if (!(r.key in labels)) return false;
  const value = labels[r.key];
  if (r.operator === 'DoesNotExist') return true;
  return r.operator === 'NotIn' && value !== null && value !== undefined && (r.values ?? []).includes(value);
}

const describe = (r: NodeSelectorRequirement) => `${r.key} ${r.operator}${r.values?.length ? ` [${r.values.join(', ')}]` : ''}`;

/**
 * The requirement that keeps the pod off every node of `mode`, as "key Operator [values]", or null
 * when some node of that mode could take it. Terms are alternatives: every one must exclude the mode.
 */
export function affinityExcludes(spec: PodSpec, mode: Mode): string | null {
  let first: string | null = null;
  for (const term of schedulingTerms(spec)) {
    const hit = term.find((r) => excludes(mode, r));
    if (!hit) return null;
    first ??= describe(hit);
  }
  return first;
}
