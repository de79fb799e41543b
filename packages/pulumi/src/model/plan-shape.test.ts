import type { Plan } from '@modeshift/core';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, examplePlan } from '../testing/examples.js';
import type { PlanLike } from './plan-shape.js';

// Compile-time: core's Plan must stay assignable to the shape the shipped components read (`npm run typecheck`).
const assignable = (plan: Plan): PlanLike => plan;

describe('PlanLike', () => {
  it('is what core plans are', () => {
    expect(typeof assignable).toBe('function');
  });

  it.each(EXAMPLES)('reads the plan.json of %s', (name) => {
    const plan = examplePlan(name);
    expect(plan.schemaVersion).toBe(1);
    expect(plan.stages.map((s) => s.id)).toContain('capacity');
  });
});
