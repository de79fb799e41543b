import { describe, expect, it } from 'vitest';
import { autoModeNodeClassSchema, validateAgainstSchema } from '../../testing/index.js';
import { nodeClassManifest, type NodeClassInput } from './node-class.js';

// The community NodeClass schema predates pod subnets/security groups; autoModeNodeClassSchema() is a copy
// extended with the fields listed in aws-facts §4.2 (see testing/schemas.ts).
const schema = autoModeNodeClassSchema();

const input = (overrides: Partial<NodeClassInput> = {}): NodeClassInput => ({
  name: 'sg-1a2b3c4d',
  role: 'AmazonEKSAutoNodeRole',
  subnetIds: ['subnet-0bbb', 'subnet-0aaa'],
  securityGroupIds: ['sg-0cluster'],
  podSecurityGroupIds: ['sg-0pods2', 'sg-0pods1', 'sg-0pods2'],
  ...overrides,
});
type Spec = Record<string, unknown>;
const spec = (i: NodeClassInput): Spec => (nodeClassManifest(i) as { spec: Spec }).spec;

describe('nodeClassManifest', () => {
  it('emits a NodeClass the (extended) schema accepts, with and without pod security groups', () => {
    expect(validateAgainstSchema(nodeClassManifest(input()), schema)).toEqual([]);
    expect(validateAgainstSchema(nodeClassManifest(input({ podSecurityGroupIds: [] })), schema)).toEqual([]);
  });

  it('selects by ID, sorted and de-duplicated, and pairs pod security groups with pod subnets', () => {
    expect(spec(input())).toEqual({
      role: 'AmazonEKSAutoNodeRole',
      subnetSelectorTerms: [{ id: 'subnet-0aaa' }, { id: 'subnet-0bbb' }],
      securityGroupSelectorTerms: [{ id: 'sg-0cluster' }],
      podSubnetSelectorTerms: [{ id: 'subnet-0aaa' }, { id: 'subnet-0bbb' }],
      podSecurityGroupSelectorTerms: [{ id: 'sg-0pods1' }, { id: 'sg-0pods2' }],
    });
    expect(spec(input({ podSubnetIds: ['subnet-0pod'] }))['podSubnetSelectorTerms']).toEqual([{ id: 'subnet-0pod' }]);
  });

  it('leaves pod selector terms out when there are no pod security groups', () => {
    const s = spec(input({ podSecurityGroupIds: [], podSubnetIds: ['subnet-0pod'] }));
    expect(s).not.toHaveProperty('podSecurityGroupSelectorTerms');
    expect(s).not.toHaveProperty('podSubnetSelectorTerms');
  });

  it('reduces a role ARN to the role name', () => {
    expect(spec(input({ role: 'arn:aws:iam::111122223333:role/eks/AmazonEKSAutoNodeRole' }))['role']).toBe('AmazonEKSAutoNodeRole');
  });

  it('uses visible placeholders when the inventory lacks IDs', () => {
    const s = spec(input({ role: '', subnetIds: [], securityGroupIds: [] }));
    expect(s['role']).toBe('<node-role-name>');
    expect(s['subnetSelectorTerms']).toEqual([{ id: '<private-subnet-id>' }]);
    expect(s['securityGroupSelectorTerms']).toEqual([{ id: '<cluster-security-group-id>' }]);
  });

  it('refuses the name "default", which belongs to the built-in NodeClass', () => {
    expect(() => nodeClassManifest(input({ name: 'default' }))).toThrow(/built-in NodeClass/);
  });

  it('is deterministic whatever order the IDs were collected in', () => {
    const a = nodeClassManifest(input());
    const b = nodeClassManifest(input({ subnetIds: ['subnet-0aaa', 'subnet-0bbb'], podSecurityGroupIds: ['sg-0pods1', 'sg-0pods2'] }));
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('the validator bites: a NodeClass without a role or with a malformed subnet ID is rejected', () => {
    const bad = structuredClone(nodeClassManifest(input())) as { spec: Spec };
    delete bad.spec['role'];
    bad.spec['subnetSelectorTerms'] = [{ id: 'SUBNET_0AAA' }];
    const errors = validateAgainstSchema(bad, schema).join('\n');
    expect(errors).toContain("must have required property 'role'");
    expect(errors).toContain('/spec/subnetSelectorTerms/0/id: must match pattern');
  });
});
