import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aNodeClass, aNodePool, aSecurityGroup, planToFargate } from '../../testing/builders-fargate.js';
import { fargatePodSecurityGroupsRule } from './fargate-pod-security-groups.js';

const pool = aNodePool('secure', { nodeClass: 'secure', labels: { pool: 'secure' } });
const pinned = (name: string, namespace = 'pay') => aWorkload({ namespace, name, spec: { nodeSelector: { pool: 'secure' } } });

describe('fargate-pod-security-groups', () => {
  it('turns NodeClass pod security groups into a SecurityGroupPolicy per namespace, with the cluster group', () => {
    const nc = aNodeClass('secure', { podSecurityGroupSelectorTerms: [{ id: 'sg-pods' }] });
    const [f] = planToFargate([pinned('api'), pinned('worker')], [fargatePodSecurityGroupsRule], { nodePools: [pool], nodeClasses: [nc] });
    expect(f).toMatchObject({
      id: 'fargate-pod-security-groups:Namespace/pay#secure',
      severity: 'change',
      capability: 'pod-security-groups',
      action: { type: 'security-groups', change: { kind: 'security-group-policy', namespace: 'pay', groupIds: ['sg-cluster', 'sg-pods'], podSelector: {} } },
    });
    expect(f?.remediation).toContain('cluster security group sg-cluster');
  });

  it('selects only the pods that had the groups when other pods share the namespace', () => {
    const nc = aNodeClass('secure', { podSecurityGroupSelectorTerms: [{ id: 'sg-pods' }] });
    const others = [aWorkload({ namespace: 'pay', name: 'docs' })];
    const [f] = planToFargate([pinned('api'), pinned('worker'), ...others], [fargatePodSecurityGroupsRule], { nodePools: [pool], nodeClasses: [nc] });
    expect(f?.action).toMatchObject({ change: { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'worker'] }] } } });
    expect(f?.remediation).toContain('selects only these workloads\' pods (app in (api, worker))');
    const [one] = planToFargate([pinned('api'), ...others], [fargatePodSecurityGroupsRule], { nodePools: [pool], nodeClasses: [nc] });
    expect(one?.action).toMatchObject({ change: { podSelector: { matchLabels: { app: 'api' } } } });
  });

  it('asks for a label instead of over-granting when no label tells the pods apart', () => {
    const nc = aNodeClass('secure', { podSecurityGroupSelectorTerms: [{ id: 'sg-pods' }] });
    const same = { tier: 'backend' };
    const secure = aWorkload({ namespace: 'pay', name: 'api', podLabels: same, spec: { nodeSelector: { pool: 'secure' } } });
    const plain = aWorkload({ namespace: 'pay', name: 'docs', podLabels: same });
    const [f] = planToFargate([secure, plain], [fargatePodSecurityGroupsRule], { nodePools: [pool], nodeClasses: [nc] });
    expect(f?.action).toEqual({ type: 'review' });
    expect(f?.remediation).toContain('give these workloads a label of their own');
  });

  it('resolves selectors by tag through describe-security-groups output', () => {
    const nc = aNodeClass('secure', { securityGroupSelectorTerms: [{ tags: { role: 'payments' } }] });
    const [f] = planToFargate([pinned('api')], [fargatePodSecurityGroupsRule], { nodePools: [pool], nodeClasses: [nc], securityGroups: [aSecurityGroup('sg-pay', 'payments', { role: 'payments' })] });
    expect(f?.action).toMatchObject({ change: { groupIds: ['sg-cluster', 'sg-pay'] } });
  });

  it('says when a selector cannot be resolved offline instead of guessing', () => {
    const nc = aNodeClass('secure', { securityGroupSelectorTerms: [{ tags: { Name: 'demo-node' } }] });
    const [f] = planToFargate([pinned('api')], [fargatePodSecurityGroupsRule], { nodePools: [pool], nodeClasses: [nc] });
    expect(f).toMatchObject({ severity: 'change', action: { type: 'review' } });
    expect(f?.message).toContain('tag Name=demo-node cannot be resolved');
  });

  it('passes workloads on the default NodeClass and NodeClasses that only use the cluster group', () => {
    const nc = aNodeClass('secure', { securityGroupSelectorTerms: [{ id: 'sg-cluster' }] });
    expect(planToFargate([pinned('api'), aWorkload()], [fargatePodSecurityGroupsRule], { nodePools: [pool], nodeClasses: [nc] })).toEqual([]);
  });
});
