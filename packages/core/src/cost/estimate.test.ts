import { describe, expect, it } from 'vitest';
import type { Container } from '../kube.js';
import { buildPlan } from '../plan/build-plan.js';
import { aCluster, aDaemonSet, aFargateInventory, anAutoModeCluster, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';

const heavy: Container[] = [{ name: 'agent', image: 'agent', resources: { requests: { cpu: '1', memory: '2Gi' } } }];
const costTo = (daemonSets: ReturnType<typeof aDaemonSet>[]) => {
  const inventory = aFargateInventory([aWorkload({ replicas: 3 }), ...daemonSets], {
    cluster: aCluster({ region: 'us-east-1', arn: 'arn:aws:eks:us-east-1:111122223333:cluster/demo' }),
  });
  return buildPlan(contextFor(inventory, 'auto-mode')).cost!.target.monthly;
};

describe('the Auto Mode side of the cost estimate', () => {
  it('leaves out the node overhead of DaemonSets Auto Mode replaces (aws-node, kube-proxy)', () => {
    const without = costTo([]);
    expect(
      costTo([
        aDaemonSet({ namespace: 'kube-system', name: 'aws-node', containers: heavy }),
        aDaemonSet({ namespace: 'kube-system', name: 'kube-proxy', containers: heavy }),
      ]),
    ).toBe(without);
  });

  it('says why a DaemonSet Auto Mode replaces is not priced', () => {
    const inventory = aFargateInventory([aWorkload(), aDaemonSet({ namespace: 'kube-system', name: 'aws-node', containers: heavy })], {
      cluster: aCluster({ region: 'us-east-1', arn: 'arn:aws:eks:us-east-1:111122223333:cluster/demo' }),
    });
    expect(buildPlan(contextFor(inventory, 'auto-mode')).cost!.excluded).toContainEqual({
      workload: 'DaemonSet/kube-system/aws-node',
      reason: 'Auto Mode provides the Amazon VPC CNI itself, so this DaemonSet takes no room on its nodes, and Fargate runs none',
    });
  });

  it('counts a DaemonSet of the operator’s own on every node', () => {
    expect(costTo([aDaemonSet({ name: 'log-agent', containers: heavy })])).toBeGreaterThan(costTo([]));
  });
});

describe('cost per wave', () => {
  it('prices the waves that move workloads, not the steps that pin them until their wave', () => {
    const inventory = anAutoModeInventory([aWorkload({ name: 'web', namespace: 'shop' }), aWorkload({ name: 'api', namespace: 'orders' })], {
      cluster: anAutoModeCluster({ region: 'us-east-1', arn: 'arn:aws:eks:us-east-1:111122223333:cluster/demo' }),
    });
    const plan = buildPlan(contextFor(inventory, 'fargate'));
    expect(plan.stages.flatMap((s) => s.steps).some((s) => s.id === 'capacity/pin-moving-workloads' && s.kind === 'wave')).toBe(true);
    const waves = plan.stages.find((s) => s.id === 'waves')!.steps.filter((s) => s.kind === 'wave');
    expect(plan.cost!.byWave.map((w) => w.step)).toEqual(waves.map((w) => w.id));
  });
});
