import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aNetworkPolicy, aSecurityGroupPolicy } from '../testing/kube-objects.js';
import { buildPlan } from './build-plan.js';

const step = (plan: Plan, id: string): Step | undefined => plan.stages.flatMap((s) => s.steps).find((s) => s.id === id);

function expectCountsAgree(plan: Plan) {
  const expected = plan.findings.filter((f) => f.severity === 'advisory' || f.severity === 'gain').map((f) => f.id);
  const review = step(plan, 'verification/review-advisories');
  expect([...(review?.findings ?? [])].sort()).toEqual([...expected].sort());
  expect(review?.title ?? '').toContain(`Review ${plan.summary.bySeverity.advisory + plan.summary.bySeverity.gain} advisor`);
}

describe('verification: the review step', () => {
  it('lists exactly the advisories and gains the summary counts, and puts changes to decide in a step of their own', () => {
    const catalog = aWorkload({ name: 'catalog', podLabels: { app: 'catalog' } });
    const inventory = anAutoModeInventory([catalog], {
      securityGroupPolicies: [aSecurityGroupPolicy('catalog', ['sg-0123456789abcdef0'], { pods: { matchLabels: { app: 'catalog' } } })],
    });
    const plan = buildPlan(contextFor(inventory, 'fargate'));
    expectCountsAgree(plan);
    expect(step(plan, 'verification/review-changes')?.findings).toContain('fargate-security-group-policy-enforced:SecurityGroupPolicy/shop/catalog');
  });

  it('agrees with the summary going to Auto Mode too', () => {
    expectCountsAgree(
      buildPlan(contextFor(aFargateInventory([aWorkload({ name: 'web', replicas: 1 }), aWorkload({ kind: 'Pod', name: 'debug' })]), 'auto-mode')),
    );
  });
});

describe('verification: the changes to decide on', () => {
  it('lists each change to review once: what an earlier review step or the wait for Jobs answers is not repeated', () => {
    const inventory = aFargateInventory([aWorkload({ name: 'web' }), aWorkload({ kind: 'Job', name: 'reindex' })], {
      networkPolicies: [aNetworkPolicy('deny-all')],
    });
    const plan = buildPlan(contextFor(inventory, 'auto-mode'));
    const reviews = plan.findings.filter((f) => f.severity === 'change' && f.action.type === 'review');
    expect(new Set(reviews.map((f) => f.capability))).toEqual(new Set(['network-policy', 'scheduling']));
    const steps = plan.stages.flatMap((s) => s.steps);
    // Other steps may name the finding too (the network policy controller's); among those that ask a person, one does.
    const asks = steps.filter((s) => s.kind === 'review' || s.id === 'verification/jobs-finished');
    for (const f of reviews) expect(asks.filter((s) => s.findings.includes(f.id)).length, f.id).toBe(1);
    expect(step(plan, 'verification/review-changes')).toBeUndefined();
  });
});
