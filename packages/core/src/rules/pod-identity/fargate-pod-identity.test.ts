import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aServiceAccount } from '../../testing/kube-objects.js';
import { fargatePodIdentityRule } from './fargate-pod-identity.js';

const withSa = (name: string, sa: string) => aWorkload({ name, spec: { serviceAccountName: sa } });

describe('fargate-pod-identity', () => {
  it('asks once, cluster-wide, in the prerequisites, to check Pod Identity associations for service accounts without IRSA', () => {
    const findings = runRule(
      fargatePodIdentityRule,
      anAutoModeInventory([withSa('a', 'carts'), withSa('b', 'carts'), withSa('c', 'orders')], {
        serviceAccounts: [aServiceAccount('carts'), aServiceAccount('orders')],
      }),
      { target: 'fargate' },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'fargate-pod-identity:cluster',
      severity: 'change',
      capability: 'pod-identity',
      action: { type: 'prerequisite', task: { kind: 'pod-identity-to-irsa', serviceAccounts: ['shop/carts', 'shop/orders'] } },
    });
    expect(findings[0]?.message).toContain('shop/carts and shop/orders');
    expect(findings[0]?.remediation).toContain('aws eks list-pod-identity-associations --cluster-name demo');
  });

  it('asks for an IRSA role per service account only with evidence of Pod Identity on its pods', () => {
    const pod = aWorkload({
      kind: 'Pod',
      name: 'worker',
      containers: [{ name: 'w', env: [{ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }] }],
      spec: { serviceAccountName: 'worker' },
    });
    const [f] = runRule(fargatePodIdentityRule, anAutoModeInventory([pod]), { target: 'fargate' });
    expect(f).toMatchObject({
      id: 'fargate-pod-identity:ServiceAccount/shop/worker',
      resource: { kind: 'ServiceAccount', namespace: 'shop', name: 'worker' },
      action: { type: 'prerequisite', task: { kind: 'irsa-role', serviceAccount: 'shop/worker' } },
    });
  });

  it('passes service accounts that already use IRSA', () => {
    const sa = aServiceAccount('carts', { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/carts' } });
    expect(runRule(fargatePodIdentityRule, anAutoModeInventory([withSa('a', 'carts')], { serviceAccounts: [sa] }), { target: 'fargate' })).toEqual([]);
  });
});
