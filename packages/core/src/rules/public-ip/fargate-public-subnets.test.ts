import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aNodeClass, aNodePool, aSubnet, planToFargate } from '../../testing/builders-fargate.js';
import { fargatePublicSubnetsRule } from './fargate-public-subnets.js';

const pool = aNodePool('edge', { nodeClass: 'edge', labels: { pool: 'edge' } });
const onEdge = (name: string, extra = {}) => aWorkload({ name, spec: { nodeSelector: { pool: 'edge' }, ...extra } });

describe('fargate-public-subnets', () => {
  it('blocks a hostNetwork pod on a NodeClass whose subnets are all public', () => {
    const nc = aNodeClass('edge', { subnetSelectorTerms: [{ tags: { tier: 'public' } }] });
    const subnets = [aSubnet('subnet-pub-a', true, { tier: 'public' }), aSubnet('subnet-pub-b', true, { tier: 'public' })];
    const findings = planToFargate([onEdge('proxy', { hostNetwork: true })], [fargatePublicSubnetsRule], { nodePools: [pool], nodeClasses: [nc], subnets });
    expect(findings[0]).toMatchObject({ id: 'fargate-public-subnets:Deployment/shop/proxy', severity: 'blocker', capability: 'public-ip', action: { type: 'stay', on: 'auto-mode' } });
    expect(findings[0]?.message).toContain('subnet-pub-a, subnet-pub-b');
  });

  it('is one advisory per public NodeClass for the workloads that move', () => {
    const nc = aNodeClass('edge', { advancedNetworking: { associatePublicIPAddress: true } });
    const findings = planToFargate([onEdge('a'), onEdge('b')], [fargatePublicSubnetsRule], { nodePools: [pool], nodeClasses: [nc] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'fargate-public-subnets:NodeClass/edge', severity: 'advisory' });
    expect(findings[0]?.remediation).toContain('NAT');
  });

  it('passes private or unresolvable subnets', () => {
    const privateNc = aNodeClass('edge', { subnetSelectorTerms: [{ id: 'subnet-priv' }] });
    expect(planToFargate([onEdge('proxy', { hostNetwork: true })], [fargatePublicSubnetsRule], { nodePools: [pool], nodeClasses: [privateNc], subnets: [aSubnet('subnet-priv', false)] })).toEqual([]);
    const unknownNc = aNodeClass('edge', { subnetSelectorTerms: [{ tags: { Name: '${cluster}-public*' } }] });
    expect(planToFargate([onEdge('proxy', { hostNetwork: true })], [fargatePublicSubnetsRule], { nodePools: [pool], nodeClasses: [unknownNc] })).toEqual([]);
  });
});
