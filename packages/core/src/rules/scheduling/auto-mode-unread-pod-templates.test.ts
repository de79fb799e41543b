import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, contextFor, runRule } from '../../testing/builders.js';
import { buildPlan } from '../../plan/build-plan.js';
import type { OtherObject } from '../../inventory/types.js';
import { autoModeUnreadPodTemplatesRule } from './auto-mode-unread-pod-templates.js';

const widget: OtherObject = {
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  namespace: 'ml',
  name: 'trainer',
  holdsPods: 'a pod spec at spec.runner.template.spec',
  origin: { file: 'widgets.yaml', line: 1 },
};
const plain: OtherObject = { apiVersion: 'example.com/v1', kind: 'Widget', namespace: 'ml', name: 'config', origin: { file: 'widgets.yaml', line: 9 } };

describe('auto-mode-unread-pod-templates', () => {
  it('names each custom resource that keeps pods modeshift does not read, and where the pods are', () => {
    const findings = runRule(autoModeUnreadPodTemplatesRule, aFargateInventory([aWorkload()], { other: [widget, plain] }), { target: 'auto-mode' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'blocker', resource: { kind: 'Widget', namespace: 'ml', name: 'trainer' }, action: { type: 'review' } });
    expect(findings[0]?.message).toContain('Widget ml/trainer (example.com/v1) keeps a pod spec at spec.runner.template.spec');
  });

  it('holds decommission back and calls the plan incomplete while such an object is in the inventory', () => {
    const plan = buildPlan(contextFor(aFargateInventory([aWorkload()], { other: [widget] }), 'auto-mode'));
    expect(plan.summary.readiness).toBe('incomplete');
    expect(plan.stages.find((s) => s.id === 'decommission')?.steps).toEqual([]);
    expect(plan.heldBack.length).toBeGreaterThan(0);
    expect(plan.incomplete).toEqual([
      { kind: 'Widget', namespace: 'ml', reason: expect.stringContaining('trainer (example.com/v1) keeps a pod spec at spec.runner.template.spec') as string },
    ]);
  });
});
