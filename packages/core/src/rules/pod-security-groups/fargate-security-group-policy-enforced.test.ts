import { describe, expect, it } from 'vitest';
import { anAutoModeCluster, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aSecurityGroupPolicy } from '../../testing/kube-objects.js';
import { fargateSecurityGroupPolicyEnforcedRule } from './fargate-security-group-policy-enforced.js';

const catalog = aWorkload({ name: 'catalog', podLabels: { app: 'catalog' } });
const policy = aSecurityGroupPolicy('catalog-rds-access', ['sg-0123456789abcdef0'], { pods: { matchLabels: { app: 'catalog' } } });

describe('fargate-security-group-policy-enforced', () => {
  it('raises a policy Auto Mode below 1.36 ignored, with the DNS, control-plane and probe rules its groups need', () => {
    const [f] = runRule(fargateSecurityGroupPolicyEnforcedRule, anAutoModeInventory([catalog], { securityGroupPolicies: [policy] }), { target: 'fargate' });
    expect(f).toMatchObject({
      severity: 'change',
      capability: 'pod-security-groups',
      resource: { kind: 'SecurityGroupPolicy', namespace: 'shop', name: 'catalog-rds-access' },
    });
    expect(f?.message).toContain('selects catalog, which run on Auto Mode at Kubernetes 1.31, where it is ignored; on Fargate it is enforced');
    expect(f?.remediation).toContain('inbound from the cluster security group sg-cluster');
    expect(f?.remediation).toContain('TCP and UDP 53 to CoreDNS');
    expect(f?.remediation).toContain('probes');
  });

  it('says nothing where Auto Mode already enforced the policy (1.36 and later)', () => {
    const inventory = anAutoModeInventory([catalog], { cluster: anAutoModeCluster({ version: '1.36' }), securityGroupPolicies: [policy] });
    expect(runRule(fargateSecurityGroupPolicyEnforcedRule, inventory, { target: 'fargate' })).toEqual([]);
  });

  it('ignores a policy that selects no moving workload', () => {
    const other = aSecurityGroupPolicy('orders', ['sg-0123456789abcdef0'], { pods: { matchLabels: { app: 'orders' } } });
    expect(runRule(fargateSecurityGroupPolicyEnforcedRule, anAutoModeInventory([catalog], { securityGroupPolicies: [other] }), { target: 'fargate' })).toEqual(
      [],
    );
  });
});
