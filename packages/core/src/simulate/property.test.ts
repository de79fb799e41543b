import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mode } from '@modeshift/plan';
import { buildUnsimulatedPlan } from '../plan/build-plan.js';
import { resourceKey } from '../rules/engine/run.js';
import { contextFor } from '../testing/builders.js';
import { inventoryArb } from './__fixtures__/random-inventory.js';
import { simulate } from './replay.js';
import type { Violation } from './types.js';

/**
 * Planner defects the simulator finds today (the specialist review's items): a violation of one of
 * these kinds is reported, not a surprise. Any other violation, or one for a resource without a
 * blocker, fails the property.
 */
function knownDefect(v: Violation): string | null {
  if (v.step.startsWith('capacity/fargate-profile-') || v.step === 'capacity/coredns-on-fargate')
    return 'profiles created before the pod fixes, policies, logging and CoreDNS (review item 7)';
  if (v.resource === 'IngressClass/alb') return "the controller chart's IngressClass alb (item 3)";
  if (v.invariant === 'load-balancers' && v.step.startsWith('waves/load-balancer-')) return 'blue/green copies (items 1, 2, 3, 15)';
  if (v.invariant === 'end-state' && v.resource.startsWith('Job/')) return 'a completed Job re-created (item 11)';
  if (v.invariant === 'security-groups' && v.breaks.includes('SecurityGroupPolicy')) return 'a SecurityGroupPolicy left in place (item 10)';
  if (v.step === 'decommission/disable-auto-mode' && (v.invariant === 'load-balancers' || v.invariant === 'end-state'))
    return 'the controller left on Auto Mode nodes (item 8)';
  if (v.invariant === 'logs' && v.step.startsWith('waves/')) return 'aws-logging outputs and Match (item 5)';
  return null;
}

describe('plan then simulate, on random inventories in both directions', () => {
  it.each(['auto-mode', 'fargate'] as Mode[])('to %s: every broken invariant is a blocker the plan already has, or a known planner defect', (target) => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const ctx = contextFor(inventory, target);
        const plan = buildUnsimulatedPlan(ctx);
        const blocked = new Set(plan.findings.filter((f) => f.severity === 'blocker' && f.resource).map((f) => resourceKey(f.resource)));
        const surprises = simulate(ctx, plan).violations.filter((v) => !blocked.has(v.resource) && knownDefect(v) === null);
        expect(surprises).toEqual([]);
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });
});
