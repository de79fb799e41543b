import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan.js';
import { aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { renderText } from './text.js';

const secondLine = (text: string) => text.split('\n')[1];

describe('the text plan header', () => {
  it('names both modes by their display names going to Auto Mode', () => {
    const plan = buildPlan(contextFor(aFargateInventory([aWorkload({ name: 'web' })]), 'auto-mode'));
    expect(secondLine(renderText(plan, { color: false }))).toBe('from EKS on Fargate to EKS Auto Mode');
  });

  it('names both modes by their display names going to Fargate', () => {
    const plan = buildPlan(contextFor(anAutoModeInventory([aWorkload({ name: 'web' })]), 'fargate'));
    expect(secondLine(renderText(plan, { color: false }))).toBe('from EKS Auto Mode to EKS on Fargate');
  });
});
