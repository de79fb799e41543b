import { validateAgainstSchema } from '@modeshift/core/testing';
import { describe, expect, it } from 'vitest';
import { nodeClassSchema, schemaErrors } from '../testing/checks.js';
import { EXAMPLES, examplePlan } from '../testing/examples.js';
import { infraFromPlan } from './infra-from-plan.js';

describe.each(EXAMPLES)('every Kubernetes object of the %s stack', (name) => {
  const model = infraFromPlan(examplePlan(name));

  it.each(model.kubernetes.map((o) => [o.logicalName, o.object] as const))('%s validates against its CRD schema', (_name, object) => {
    expect(schemaErrors(object)).toEqual([]);
  });

  it("NodeClasses still validate with a new cluster's role and security group put in", () => {
    for (const o of model.kubernetes.filter((x) => x.object['kind'] === 'NodeClass')) {
      const spec = { ...(o.object['spec'] as object), role: 'shop-prod-auto-node', securityGroupSelectorTerms: [{ id: 'sg-0123456789abcdef0' }] };
      expect(validateAgainstSchema({ ...o.object, spec }, nodeClassSchema)).toEqual([]);
    }
  });
});

describe('the schema check itself', () => {
  it('rejects a misspelt NodePool field and an SGP with no groups', () => {
    expect(
      schemaErrors({
        apiVersion: 'karpenter.sh/v1',
        kind: 'NodePool',
        metadata: { name: 'x' },
        spec: { template: { spec: { nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'd' }, requirements: [], taintz: [] } } },
      }).length,
    ).toBeGreaterThan(0);
    expect(
      schemaErrors({
        apiVersion: 'vpcresources.k8s.aws/v1beta1',
        kind: 'SecurityGroupPolicy',
        metadata: { name: 'x', namespace: 'n' },
        spec: { podSelector: {}, securityGroups: { groupIds: [] } },
      }).length,
    ).toBeGreaterThan(0);
  });
});
