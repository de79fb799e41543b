import { describe, expect, it } from 'vitest';
import { DATA_IN_PODS_WORKLOADS, expectDataInPods } from '../../testing/__fixtures__/data-in-pods-workloads.js';
import { anAutoModeInventory, contextFor, runRule } from '../../testing/builders.js';
import { buildPlan } from '../../plan/build-plan.js';
import { fargateDataInPodsRule } from './fargate-data-in-pods.js';

const workloads = DATA_IN_PODS_WORKLOADS;

describe('fargate-data-in-pods', () => {
  it('names the datastores whose data goes with their pods when they move from Auto Mode', () => {
    expectDataInPods(runRule(fargateDataInPodsRule, anAutoModeInventory(workloads), { target: 'fargate' }));
  });

  it('is decided in the prerequisites, before the plan restarts anything, and not again after the waves', () => {
    const plan = buildPlan(contextFor(anAutoModeInventory(workloads), 'fargate'));
    const [first, ...rest] = plan.stages[0]!.steps;
    expect(first?.id).toBe('prerequisites/review-data-in-pods');
    expect([...(first?.workloads ?? [])].sort()).toEqual(['Deployment/shop/checkout-redis', 'StatefulSet/shop/catalog-mysql']);
    expect(rest.map((s) => s.id)).not.toContain(first?.id);
    // Pinning the moving workloads to EC2 until their wave restarts them: it waits for the decision.
    const pin = plan.stages.find((s) => s.id === 'capacity')!.steps.find((s) => s.id === 'capacity/pin-moving-workloads');
    expect(pin?.dependsOn).toContain('prerequisites/review-data-in-pods');
    const later = plan.stages.find((s) => s.id === 'verification')!.steps.flatMap((s) => s.findings);
    expect(later.filter((id) => id.startsWith('fargate-data-in-pods:'))).toEqual([]);
  });
});
