import { FARGATE_LIMITS } from '../../capabilities/limits.js';
import { SOURCES } from '../../capabilities/sources.js';
import { proposedProfileName } from '../../placement/place.js';
import type { Rule } from '../engine/types.js';
import { listOf } from '../../analysis/names.js';
import { candidates, stays, unprofiledNamespaces } from '../../analysis/fargate-scope.js';

/**
 * A pod runs on Fargate only when a profile selects it. The plan proposes one profile per namespace
 * with a single namespace selector: profiles are immutable, so one per namespace lets a namespace be
 * added or dropped without replacing a shared profile, and no profile ever nears the limit of five
 * selectors. (Merging namespaces would save profiles at the cost of replacing one on every change.)
 */
export const fargateProfilesRule: Rule = {
  id: 'fargate-profiles',
  title: 'Fargate profiles',
  capability: 'scheduling',
  targets: ['fargate'],
  check(ctx) {
    const namespaces = [...unprofiledNamespaces(ctx).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (namespaces.length === 0) return [];
    const staying = new Map<string, string[]>();
    for (const w of candidates(ctx)) {
      if (!stays(ctx, w)) continue;
      staying.set(w.metadata.namespace, [...(staying.get(w.metadata.namespace) ?? []), w.metadata.name]);
    }
    return namespaces.map(([ns, workloads]) => {
      const name = proposedProfileName(ns);
      const names = workloads.map((w) => w.metadata.name);
      const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : listOf(names);
      const kept = staying.get(ns) ?? [];
      return {
        severity: 'change' as const,
        resource: { kind: 'Namespace', name: ns, namespace: null },
        message: `${names.length} workload${names.length === 1 ? '' : 's'} in namespace ${ns} (${shown}) move${names.length === 1 ? 's' : ''} to Fargate, but no Fargate profile selects the namespace.`,
        remediation:
          `The plan creates Fargate profile ${name} with one selector (namespace ${ns}; a profile takes at most ${FARGATE_LIMITS.maxSelectorsPerProfile}), in private subnets only, with the pod execution role.` +
          (kept.length > 0
            ? ` ${listOf(kept)} stay${kept.length === 1 ? 's' : ''} on EC2 and first get${kept.length === 1 ? 's' : ''} the pod annotation eks.amazonaws.com/compute-type: ec2 so that the profile does not take ${kept.length === 1 ? 'it' : 'them'}.`
            : ''),
        sources: [SOURCES.createFargateProfileApi],
        action: { request: { kind: 'fargate-profile' as const, name, selectors: [{ labels: {}, namespace: ns }] }, type: 'capacity' as const },
      };
    });
  },
};
