import { SOURCES } from '../../capabilities/sources.js';
import type { Container } from '../../kube.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { listNames } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';

/**
 * Fargate sizes a VM per pod (0.25 vCPU / 0.5 GB when nothing is requested); Auto Mode bin-packs
 * pods onto shared nodes by their requests (aws-facts §5, §2 max pod size row), so a pod without
 * requests is packed as if it needed nothing and competes with its neighbours.
 */
const isSet = (v: string | number | undefined) => v !== undefined && v !== '';

/** The test below, without building anything: most containers set both, and this runs for every one. */
function requestsBoth(c: Container): boolean {
  const requests = c.resources?.requests;
  const limits = c.resources?.limits;
  return (isSet(requests?.cpu) || isSet(limits?.cpu)) && (isSet(requests?.memory) || isSet(limits?.memory));
}

export const autoModePodRequestsRule: Rule = {
  id: 'auto-mode-pod-requests',
  title: 'Pod requests',
  capability: 'pod-size',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const w of movers(ctx)) {
      if (w.template.spec.containers.every(requestsBoth)) continue;
      const missing = w.template.spec.containers
        .map((c) => {
          // A limit without a request makes Kubernetes default the request to the limit.
          const set = (k: string) => [c.resources?.requests?.[k], c.resources?.limits?.[k]].some((v) => v !== undefined && v !== '');
          const lacks = ['cpu', 'memory'].filter((k) => !set(k));
          return lacks.length > 0 ? `${c.name} (${lacks.join(', ')})` : null;
        })
        .filter((x): x is string => x !== null);
      if (missing.length === 0) continue;
      out.push({
        severity: 'advisory',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} has containers without requests: ${listNames(missing)}. Auto Mode places pods on shared nodes by their requests, so these pods may be packed too tightly and throttled or evicted.`,
        remediation:
          'Set cpu and memory requests from observed usage (on Fargate the CapacityProvisioned pod annotation shows the size it was billed for); set memory limits too.',
        sources: [SOURCES.fargatePodConfiguration],
        action: { type: 'review' },
      });
    }
    return out;
  },
};
