import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodeClass, aNodePool } from '../../testing/kube-objects.js';
import { aSecurityGroup } from '../../testing/aws-objects.js';
import { fargatePodSecurityGroupsRule } from './fargate-pod-security-groups.js';

const pool = aNodePool('secure', { nodeClass: 'secure', labels: { pool: 'secure' } });
const pinned = (name: string, namespace = 'pay') => aWorkload({ namespace, name, spec: { nodeSelector: { pool: 'secure' } } });

describe('fargate-pod-security-groups', () => {
  it('turns NodeClass pod security groups into a SecurityGroupPolicy per namespace, with the cluster group', () => {
    const nc = aNodeClass('secure', { podSecurityGroupSelectorTerms: [{ id: 'sg-pods' }] });
    const [f] = runRule(fargatePodSecurityGroupsRule, anAutoModeInventory([pinned('api'), pinned('worker')], { nodePools: [pool], nodeClasses: [nc] }), {
      target: 'fargate',
    });
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
    const [f] = runRule(
      fargatePodSecurityGroupsRule,
      anAutoModeInventory([pinned('api'), pinned('worker'), ...others], { nodePools: [pool], nodeClasses: [nc] }),
      { target: 'fargate' },
    );
    expect(f?.action).toMatchObject({ change: { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'worker'] }] } } });
    expect(f?.remediation).toContain("selects only these workloads' pods (app in (api, worker))");
    const [one] = runRule(fargatePodSecurityGroupsRule, anAutoModeInventory([pinned('api'), ...others], { nodePools: [pool], nodeClasses: [nc] }), {
      target: 'fargate',
    });
    expect(one?.action).toMatchObject({ change: { podSelector: { matchLabels: { app: 'api' } } } });
  });

  it('asks for a label instead of over-granting when no label tells the pods apart', () => {
    const nc = aNodeClass('secure', { podSecurityGroupSelectorTerms: [{ id: 'sg-pods' }] });
    const same = { tier: 'backend' };
    const secure = aWorkload({ namespace: 'pay', name: 'api', podLabels: same, spec: { nodeSelector: { pool: 'secure' } } });
    const plain = aWorkload({ namespace: 'pay', name: 'docs', podLabels: same });
    const [f] = runRule(fargatePodSecurityGroupsRule, anAutoModeInventory([secure, plain], { nodePools: [pool], nodeClasses: [nc] }), { target: 'fargate' });
    expect(f?.action).toEqual({ type: 'review' });
    expect(f?.remediation).toContain('give these workloads a label of their own');
  });

  it('resolves selectors by tag through describe-security-groups output', () => {
    const nc = aNodeClass('secure', { securityGroupSelectorTerms: [{ tags: { role: 'payments' } }] });
    const [f] = runRule(
      fargatePodSecurityGroupsRule,
      anAutoModeInventory([pinned('api')], {
        nodePools: [pool],
        nodeClasses: [nc],
        securityGroups: [aSecurityGroup('sg-pay', { name: 'payments', tags: { role: 'payments' } })],
      }),
      { target: 'fargate' },
    );
    expect(f?.action).toMatchObject({ change: { groupIds: ['sg-cluster', 'sg-pay'] } });
  });

  it('says when a selector cannot be resolved offline instead of guessing', () => {
    const nc = aNodeClass('secure', { securityGroupSelectorTerms: [{ tags: { Name: 'demo-node' } }] });
    const [f] = runRule(fargatePodSecurityGroupsRule, anAutoModeInventory([pinned('api')], { nodePools: [pool], nodeClasses: [nc] }), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'change', action: { type: 'review' } });
    expect(f?.message).toContain('tag Name=demo-node cannot be resolved');
  });

  it('passes workloads on the default NodeClass and NodeClasses that only use the cluster group', () => {
    const nc = aNodeClass('secure', { securityGroupSelectorTerms: [{ id: 'sg-cluster' }] });
    expect(
      runRule(fargatePodSecurityGroupsRule, anAutoModeInventory([pinned('api'), aWorkload()], { nodePools: [pool], nodeClasses: [nc] }), { target: 'fargate' }),
    ).toEqual([]);
  });
});
