import { describe, expect, it } from 'vitest';
import { anAutoModeCluster, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from './build-plan.js';

describe('Pod Identity on the way to Fargate', () => {
  const inventory = anAutoModeInventory([aWorkload({ namespace: 'api', name: 'orders' })], {
    cluster: anAutoModeCluster({ version: '1.32', oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC123' }),
  });
  const plan = buildPlan(contextFor(inventory, 'fargate'));
  const stageOf = (id: string) => plan.stages.find((s) => s.steps.some((st) => st.id === id))?.id;

  it('moves service accounts to IRSA in the prerequisites, before any wave, not in the review after them', () => {
    expect(stageOf('prerequisites/pod-identity-to-irsa')).toBe('prerequisites');
    const finding = plan.findings.find((f) => f.rule === 'fargate-pod-identity');
    expect(finding?.action).toEqual({ type: 'prerequisite', task: { kind: 'pod-identity-to-irsa', serviceAccounts: ['api/default'] } });
  });

  it('checks the association, creates the OIDC provider only when missing, and annotates the service account', () => {
    const step = plan.stages.flatMap((s) => s.steps).find((s) => s.id === 'prerequisites/pod-identity-to-irsa')!;
    const commands = step.commands.join('\n');
    expect(commands).toContain(
      'aws iam list-open-id-connect-providers --output text | grep -F ABC123 || aws iam create-open-id-connect-provider --url https://oidc.eks.us-east-1.amazonaws.com/id/ABC123 --client-id-list sts.amazonaws.com',
    );
    expect(commands).toContain('aws eks list-pod-identity-associations --cluster-name');
    expect(commands).toContain('kubectl annotate serviceaccount default -n api eks.amazonaws.com/role-arn=');
    expect(step.manifests.map((m) => m.file)).toEqual(['irsa-api-default.json']);
  });
});
