import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodeClass, aNodePool } from '../../testing/kube-objects.js';
import { aSubnet } from '../../testing/aws-objects.js';
import { fargatePublicSubnetsRule } from './fargate-public-subnets.js';

const pool = aNodePool('edge', { nodeClass: 'edge', labels: { pool: 'edge' } });
const onEdge = (name: string, extra = {}) => aWorkload({ name, spec: { nodeSelector: { pool: 'edge' }, ...extra } });

describe('fargate-public-subnets', () => {
  it('blocks a hostNetwork pod on a NodeClass whose subnets are all public', () => {
    const nc = aNodeClass('edge', { subnetSelectorTerms: [{ tags: { tier: 'public' } }] });
    const subnets = [
      aSubnet('subnet-pub-a', { isPublic: true, tags: { tier: 'public' } }),
      aSubnet('subnet-pub-b', { isPublic: true, tags: { tier: 'public' } }),
    ];
    const findings = runRule(
      fargatePublicSubnetsRule,
      anAutoModeInventory([onEdge('proxy', { hostNetwork: true })], { nodePools: [pool], nodeClasses: [nc], subnets }),
      { target: 'fargate' },
    );
    expect(findings[0]).toMatchObject({
      id: 'fargate-public-subnets:Deployment/shop/proxy',
      severity: 'blocker',
      capability: 'public-ip',
      action: { type: 'stay', on: 'auto-mode' },
    });
    expect(findings[0]?.message).toContain('subnet-pub-a, subnet-pub-b');
  });

  it('is one advisory per public NodeClass for the workloads that move', () => {
    const nc = aNodeClass('edge', { advancedNetworking: { associatePublicIPAddress: true } });
    const findings = runRule(fargatePublicSubnetsRule, anAutoModeInventory([onEdge('a'), onEdge('b')], { nodePools: [pool], nodeClasses: [nc] }), {
      target: 'fargate',
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'fargate-public-subnets:NodeClass/edge', severity: 'advisory' });
    expect(findings[0]?.remediation).toContain('NAT');
  });

  it('passes private or unresolvable subnets', () => {
    const privateNc = aNodeClass('edge', { subnetSelectorTerms: [{ id: 'subnet-priv' }] });
    expect(
      runRule(
        fargatePublicSubnetsRule,
        anAutoModeInventory([onEdge('proxy', { hostNetwork: true })], { nodePools: [pool], nodeClasses: [privateNc], subnets: [aSubnet('subnet-priv')] }),
        { target: 'fargate' },
      ),
    ).toEqual([]);
    const unknownNc = aNodeClass('edge', { subnetSelectorTerms: [{ tags: { Name: '${cluster}-public*' } }] });
    expect(
      runRule(fargatePublicSubnetsRule, anAutoModeInventory([onEdge('proxy', { hostNetwork: true })], { nodePools: [pool], nodeClasses: [unknownNc] }), {
        target: 'fargate',
      }),
    ).toEqual([]);
  });
});
