import type { Workload } from '../../inventory/types.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { allContainers } from '../../analysis/evidence.js';
import { listOf } from '../../analysis/names.js';
import { IRSA_ANNOTATION, POD_IDENTITY_ENV, POD_IDENTITY_VOLUME } from './facts.js';
import { movingWorkloads } from '../../analysis/fargate-scope.js';
import { shellQuote } from '../../util/shell.js';

const serviceAccountName = (w: Workload) => w.template.spec.serviceAccountName ?? w.template.spec.serviceAccount ?? 'default';

/**
 * Evidence that Pod Identity is in use: what its webhook injects into pods. Only objects read from a
 * live cluster after admission carry it (bare Pods); templates never do.
 */
function podIdentityEvidence(w: Workload): boolean {
  const spec = w.template.spec;
  if ((spec.volumes ?? []).some((v) => v.name === POD_IDENTITY_VOLUME)) return true;
  return allContainers(spec).some((c) =>
    (c.env ?? []).some(
      (e) =>
        (e.name === POD_IDENTITY_ENV.credentialsUri && (e.value ?? '').includes(POD_IDENTITY_ENV.agentAddress)) ||
        (e.name === POD_IDENTITY_ENV.tokenFile && (e.value ?? '').includes(POD_IDENTITY_VOLUME)),
    ),
  );
}

/**
 * Pod Identity does not work on Fargate; IRSA does (aws-facts §0.9). Associations live in the EKS
 * API, not in Kubernetes, so the inventory cannot list them: without evidence on a pod, the rule
 * asks for one cluster-wide check of the service accounts that have no IRSA role, rather than
 * inventing a role per service account.
 */
export const fargatePodIdentityRule: Rule = {
  id: 'fargate-pod-identity',
  title: 'EKS Pod Identity',
  capability: 'pod-identity',
  targets: ['fargate'],
  check(ctx, row) {
    const evidenced = new Set<string>();
    const unchecked = new Set<string>();
    for (const w of movingWorkloads(ctx)) {
      const sa = `${w.metadata.namespace}/${serviceAccountName(w)}`;
      const annotated = ctx.index.serviceAccount(w.metadata.namespace, serviceAccountName(w))?.metadata.annotations[IRSA_ANNOTATION];
      if (annotated) continue;
      if (podIdentityEvidence(w)) evidenced.add(sa);
      else unchecked.add(sa);
    }
    const drafts: FindingDraft[] = [...evidenced].sort().map((sa) => {
      const [namespace = '', name = ''] = sa.split('/');
      return {
        severity: 'change',
        resource: { kind: 'ServiceAccount', namespace, name },
        message: `Pods of service account ${sa} carry EKS Pod Identity credentials. ${row.summary}`,
        remediation: `Create an IAM role with the same permissions, trusted by the cluster's OIDC provider for system:serviceaccount:${sa.replace('/', ':')}, and annotate the service account with ${IRSA_ANNOTATION}; then delete the Pod Identity association.`,
        action: { type: 'prerequisite', task: { kind: 'irsa-role', serviceAccount: sa } },
      };
    });
    for (const sa of evidenced) unchecked.delete(sa);
    if (unchecked.size > 0) {
      const list = [...unchecked].sort();
      const shown = list.length > 10 ? `${list.slice(0, 10).join(', ')} and ${list.length - 10} more` : listOf(list);
      const cluster = ctx.inventory.cluster?.name ?? '<cluster-name>';
      drafts.push({
        severity: 'change',
        resource: null,
        message: `${list.length} service account${list.length === 1 ? '' : 's'} of moving workloads ha${list.length === 1 ? 's' : 've'} no IRSA role (${shown}); if any of them gets AWS credentials through EKS Pod Identity, those credentials stop on Fargate. Pod Identity associations are not visible in Kubernetes objects.`,
        remediation: `Run \`aws eks list-pod-identity-associations --cluster-name ${shellQuote(cluster)}\`. For each association of a listed service account, create an IAM role with the same permissions trusted by the cluster's OIDC provider (IRSA), annotate the service account with ${IRSA_ANNOTATION}, and restart its pods before they move.`,
        // Done in the prerequisites, before the wave that moves the pods: Pod Identity credentials stop on Fargate.
        action: { type: 'prerequisite', task: { kind: 'pod-identity-to-irsa', serviceAccounts: list } },
      });
    }
    return drafts;
  },
};
