import { simulate } from '@modeshift/core/base';
import { expect, it } from 'vitest';
import { planCases } from './cases.js';

/**
 * What today's plans really break, per case (every other case simulates clean). Each line is a
 * planner defect the simulator finds, not a tolerance: fixing one makes this test fail until its
 * line is removed, and a new one fails it until it is understood.
 */
const KNOWN: Record<string, string[]> = {};

it('both examples and every corpus case, in both directions, break exactly the known invariants', async () => {
  const found: Record<string, string[]> = {};
  for (const c of await planCases()) {
    const violations = simulate(c.ctx, c.plan).violations.map((v) => `${v.step} ${v.invariant} ${v.resource}`);
    if (violations.length > 0) found[c.name] = violations;
  }
  expect(found).toEqual(KNOWN);
});
