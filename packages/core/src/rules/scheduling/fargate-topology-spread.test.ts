import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateTopologySpreadRule } from './fargate-topology-spread.js';

describe('fargate-topology-spread', () => {
  it('removes topologySpreadConstraints', () => {
    const w = aWorkload({
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }] },
    });
    const [f] = runRule(fargateTopologySpreadRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'change', capability: 'scheduling', action: { type: 'workload', edits: [{ op: 'remove-topology-spread' }] } });
    expect(f?.remediation).toContain('PodDisruptionBudget');
  });

  it('passes workloads without constraints', () => {
    expect(runRule(fargateTopologySpreadRule, anAutoModeInventory([aWorkload({ spec: { topologySpreadConstraints: [] } })]), { target: 'fargate' })).toEqual(
      [],
    );
  });
});
