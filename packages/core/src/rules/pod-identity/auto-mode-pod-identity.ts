import type { ServiceAccount, Workload } from '../../inventory/types.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { listNames } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';

const ROLE_ARN = 'eks.amazonaws.com/role-arn';

/** Fargate only supports IRSA; Auto Mode has EKS Pod Identity built in and keeps IRSA working (aws-facts §0.9). */
export const autoModePodIdentityRule: Rule = {
  id: 'auto-mode-pod-identity',
  title: 'EKS Pod Identity',
  capability: 'pod-identity',
  targets: ['auto-mode'],
  check(ctx) {
    const users = new Map<string, { sa: ServiceAccount; workloads: Workload[] }>();
    for (const w of movers(ctx)) {
      const sa = ctx.index.serviceAccountOf(w);
      if (!sa || sa.metadata.annotations[ROLE_ARN] === undefined) continue;
      const key = `${sa.metadata.namespace}/${sa.metadata.name}`;
      const entry = users.get(key);
      if (entry) entry.workloads.push(w);
      else users.set(key, { sa, workloads: [w] });
    }
    const out: FindingDraft[] = [];
    for (const [key, { sa, workloads }] of users) {
      out.push({
        severity: 'gain',
        resource: { kind: 'ServiceAccount', name: sa.metadata.name, namespace: sa.metadata.namespace },
        message: `ServiceAccount ${key} uses IAM roles for service accounts (used by ${listNames(workloads.map(describeWorkload))}); IRSA keeps working on Auto Mode, and EKS Pod Identity, which Fargate does not support, is built in.`,
        remediation:
          'Nothing is required for the move. Later, consider a Pod Identity association for this service account (`aws eks create-pod-identity-association`) and trusting pods.eks.amazonaws.com in the role, then remove the role-arn annotation; no agent is needed on Auto Mode.',
        action: { type: 'review' },
      });
    }
    return out;
  },
};
