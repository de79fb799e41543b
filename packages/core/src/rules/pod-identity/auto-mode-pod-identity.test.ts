import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aServiceAccount } from '../../testing/kube-objects.js';
import { autoModePodIdentityRule as rule } from './auto-mode-pod-identity.js';

const irsa = aServiceAccount('carts', { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/carts' } });
const as = (name: string, serviceAccountName: string) => aWorkload({ name, spec: { serviceAccountName } });

describe('auto-mode-pod-identity', () => {
  it('notes Pod Identity as a gain once per IRSA service account of moving workloads', () => {
    const inventory = aFargateInventory([as('carts', 'carts'), as('carts-worker', 'carts')], { serviceAccounts: [irsa] });
    const findings = runRule(rule, inventory, { target: 'auto-mode' });
    expect(findings).toMatchObject([
      { id: 'auto-mode-pod-identity:ServiceAccount/shop/carts', severity: 'gain', capability: 'pod-identity', action: { type: 'review' } },
    ]);
    expect(findings[0]?.message).toContain('IRSA keeps working');
  });

  it('ignores service accounts without a role and unused IRSA service accounts', () => {
    const plain = aServiceAccount('web');
    expect(runRule(rule, aFargateInventory([as('web', 'web')], { serviceAccounts: [plain, irsa] }), { target: 'auto-mode' })).toEqual([]);
  });
});
