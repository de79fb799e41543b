import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { planToFargate } from '../../testing/builders-fargate.js';
import { fargateTopologySpreadRule } from './fargate-topology-spread.js';

describe('fargate-topology-spread', () => {
  it('removes topologySpreadConstraints', () => {
    const w = aWorkload({ spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }] } });
    const [f] = planToFargate([w], [fargateTopologySpreadRule]);
    expect(f).toMatchObject({ severity: 'change', capability: 'scheduling', action: { type: 'workload', edits: [{ op: 'remove-topology-spread' }] } });
    expect(f?.remediation).toContain('PodDisruptionBudget');
  });

  it('passes workloads without constraints', () => {
    expect(planToFargate([aWorkload({ spec: { topologySpreadConstraints: [] } })], [fargateTopologySpreadRule])).toEqual([]);
  });
});
