// Plans of inventories that do not show the capacity their workloads run on (plain manifests, a
// collect without AWS access): the workloads are planned where they evidently run, never "unchanged",
// and the plan says it assumed so and what to collect.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/plan';
import { anInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aNodePool } from '../testing/kube-objects.js';
import { gpuInference as inference, spotGame as spot } from '../testing/unseen-capacity.js';
import { buildPlan } from './build-plan.js';

const web = aWorkload({ namespace: 'shop', name: 'web' });

const outcome = (plan: Plan, key: string) => plan.workloads.find((w) => w.workload === key);

describe('a plan of manifests without the capacity they run on', () => {
  const toFargate = buildPlan(contextFor(anInventory({ workloads: [web, spot, inference] }), 'fargate'));

  it('moves them from where they evidently run instead of leaving them unchanged', () => {
    expect(toFargate.from).toBe('auto-mode');
    expect(outcome(toFargate, web.key)).toMatchObject({
      outcome: 'moves',
      from: 'Auto Mode (NodePool general-purpose) (assumed: the inventory does not show it)',
    });
    expect(outcome(toFargate, spot.key)?.outcome).toBe('moves');
    expect(toFargate.summary.workloads.unchanged).toBe(0);
    expect(toFargate.stages.find((s) => s.id === 'waves')?.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['waves/shop', 'waves/game']));
  });

  it('keeps what cannot move on the capacity it was assumed to run on', () => {
    expect(outcome(toFargate, inference.key)).toMatchObject({ outcome: 'stays', from: 'Auto Mode (NodePool gpu) (assumed: the inventory does not show it)' });
  });

  it('is incomplete, names what to collect for each assumption, and holds decommission back', () => {
    expect(toFargate.summary.readiness).toBe('incomplete');
    const reasons = toFargate.incomplete.map((e) => `${e.kind}: ${e.reason}`);
    expect(reasons).toHaveLength(2);
    expect(reasons.find((r) => r.includes('on Auto Mode NodePool gpu'))).toContain(
      'kubectl get nodepools.karpenter.sh,nodeclasses.eks.amazonaws.com,nodes -o yaml',
    );
    expect(reasons.find((r) => r.includes('Deployment/game/spot (karpenter.sh/capacity-type=spot)'))).toContain(
      'aws eks describe-cluster --name <cluster-name> (its Auto Mode settings)',
    );
    expect(toFargate.stages.find((s) => s.id === 'decommission')?.steps).toEqual([]);
    expect(toFargate.heldBack.map((s) => s.id)).toContain('decommission/disable-auto-mode');
  });

  it('moving to Auto Mode, plans plain manifests as Fargate workloads and asks for the Fargate profiles', () => {
    const plan = buildPlan(contextFor(anInventory({ workloads: [web] }), 'auto-mode'));
    expect(outcome(plan, web.key)).toMatchObject({ outcome: 'moves', from: 'Fargate (profile unknown) (assumed: the inventory does not show it)' });
    expect(plan.incomplete.map((e) => e.kind)).toEqual(['FargateProfile']);
    expect(plan.incomplete[0]?.reason).toContain('aws eks list-fargate-profiles');
  });

  it('assumes nothing, and stays complete, when the inventory shows the capacity', () => {
    const pools = [
      aNodePool('spot', { requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }] }),
      aNodePool('gpu', {
        requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['g6'] }],
        taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
      }),
    ];
    const plan = buildPlan(contextFor(anInventory({ nodePools: pools, workloads: [spot, inference] }), 'fargate'));
    expect(plan.incomplete).toEqual([]);
    expect(outcome(plan, spot.key)?.from).toBe('Auto Mode (NodePool spot)');
  });
});
