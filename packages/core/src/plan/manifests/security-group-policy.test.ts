import { describe, expect, it } from 'vitest';
import { validateAgainstCrd } from '../../testing/index.js';
import { securityGroupPolicyManifest } from './security-group-policy.js';

const JSON_SCHEMA = 'vpcresources.k8s.aws_securitygrouppolicy_v1beta1.schema.json';
const CRD = 'vpcresources.k8s.aws_securitygrouppolicies.yaml';

describe('securityGroupPolicyManifest', () => {
  const policy = securityGroupPolicyManifest({
    name: 'modeshift-catalog',
    namespace: 'catalog',
    groupIds: ['sg-0bbb', 'sg-0aaa', 'sg-0bbb'],
    podSelector: { matchLabels: { tier: 'db', app: 'catalog' }, matchExpressions: [{ key: 'env', operator: 'Exists' }] },
  });

  it('validates against both the community schema and the upstream CRD', () => {
    expect(validateAgainstCrd(policy, JSON_SCHEMA)).toEqual([]);
    expect(validateAgainstCrd(policy, CRD)).toEqual([]);
  });

  it('has the v1beta1 shape with sorted, de-duplicated group IDs and sorted labels', () => {
    expect(policy).toEqual({
      apiVersion: 'vpcresources.k8s.aws/v1beta1',
      kind: 'SecurityGroupPolicy',
      metadata: { name: 'modeshift-catalog', namespace: 'catalog', labels: { 'app.kubernetes.io/managed-by': 'modeshift' } },
      spec: {
        podSelector: { matchLabels: { app: 'catalog', tier: 'db' }, matchExpressions: [{ key: 'env', operator: 'Exists' }] },
        securityGroups: { groupIds: ['sg-0aaa', 'sg-0bbb'] },
      },
    });
    const selector = (policy as { spec: { podSelector: { matchLabels: object } } }).spec.podSelector.matchLabels;
    expect(Object.keys(selector)).toEqual(['app', 'tier']);
  });

  it('keeps an empty podSelector (every pod in the namespace), as the planner uses it', () => {
    const all = securityGroupPolicyManifest({ name: 'all', namespace: 'shop', groupIds: ['sg-0aaa'], podSelector: {} });
    expect((all as { spec: { podSelector: object } }).spec.podSelector).toEqual({});
    expect(validateAgainstCrd(all, JSON_SCHEMA)).toEqual([]);
  });

  it('the validators bite: no group IDs fails both; six fails the schema that still has the 5-ID quota', () => {
    const none = securityGroupPolicyManifest({ name: 'x', namespace: 'shop', groupIds: [], podSelector: {} });
    expect(validateAgainstCrd(none, JSON_SCHEMA).join('\n')).toContain('must NOT have fewer than 1 items');
    expect(validateAgainstCrd(none, CRD).join('\n')).toContain('must NOT have fewer than 1 items');
    const six = securityGroupPolicyManifest({
      name: 'x',
      namespace: 'shop',
      groupIds: ['sg-01', 'sg-02', 'sg-03', 'sg-04', 'sg-05', 'sg-06'],
      podSelector: {},
    });
    expect(validateAgainstCrd(six, JSON_SCHEMA).join('\n')).toContain('must NOT have more than 5 items');
  });

  it('is deterministic', () => {
    const input = { name: 'p', namespace: 'n', groupIds: ['sg-0b', 'sg-0a'], podSelector: { matchLabels: { b: '2', a: '1' } } };
    expect(JSON.stringify(securityGroupPolicyManifest(input))).toBe(
      JSON.stringify(securityGroupPolicyManifest({ ...input, groupIds: ['sg-0a', 'sg-0b'], podSelector: { matchLabels: { a: '1', b: '2' } } })),
    );
  });
});
