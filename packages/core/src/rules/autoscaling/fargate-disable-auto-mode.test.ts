import { describe, expect, it } from 'vitest';
import { aCluster, anAutoModeCluster, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodePool } from '../../testing/kube-objects.js';
import { fargateDisableAutoModeRule } from './fargate-disable-auto-mode.js';

const gpuPool = aNodePool('gpu', { requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['g5'] }] });
const gpu = aWorkload({ name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });

describe('fargate-disable-auto-mode', () => {
  it('disables Auto Mode last', () => {
    const [f] = runRule(fargateDisableAutoModeRule, anAutoModeInventory([aWorkload()]), { target: 'fargate' });
    expect(f).toMatchObject({
      id: 'fargate-disable-auto-mode:cluster',
      severity: 'change',
      capability: 'autoscaling',
      action: { type: 'decommission', task: { kind: 'disable-auto-mode' } },
    });
    expect(f?.message).toContain('deletes the load balancers');
  });

  it('says Auto Mode stays enabled while workloads stay on it', () => {
    expect(runRule(fargateDisableAutoModeRule, anAutoModeInventory([aWorkload(), gpu], { nodePools: [gpuPool] }), { target: 'fargate' })[0]?.message).toContain(
      '1 workload stays on Auto Mode',
    );
  });

  it('passes clusters without Auto Mode', () => {
    expect(runRule(fargateDisableAutoModeRule, anAutoModeInventory([aWorkload()], { cluster: aCluster() }), { target: 'fargate' })).toEqual([]);
    expect(anAutoModeCluster().autoMode.enabled).toBe(true);
  });
});
