import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan.js';
import { aFargateInventory, aWorkload, contextFor, runRule } from '../../testing/builders.js';
import { autoModeFinishedJobsRule as rule } from './auto-mode-finished-jobs.js';

const reindex = aWorkload({ kind: 'Job', namespace: 'shop', name: 'reindex', finished: 'succeeded' });

describe('auto-mode-finished-jobs', () => {
  it('says a completed one-off Job has finished and is left alone', () => {
    const [finding] = runRule(rule, aFargateInventory([reindex]), { target: 'auto-mode' });
    expect(finding).toMatchObject({ severity: 'advisory', action: { type: 'review' } });
    expect(finding?.message).toContain('Job shop/reindex has already completed');
    expect(finding?.message).toContain('neither moves nor re-creates it');
  });

  it('reports nothing for a Job that is still running', () => {
    const running = aWorkload({ kind: 'Job', namespace: 'shop', name: 'reindex' });
    expect(runRule(rule, aFargateInventory([running]), { target: 'auto-mode' })).toEqual([]);
  });

  it('never re-creates or patches a finished Job in the plan', () => {
    const plan = buildPlan(contextFor(aFargateInventory([reindex, aWorkload({ name: 'web' })]), 'auto-mode'));
    const commands = plan.stages.flatMap((s) => s.steps).flatMap((s) => [...s.commands, ...s.rollback.commands]);
    expect(commands.filter((c) => c.includes('reindex'))).toEqual([]);
    expect(plan.findings.filter((f) => f.resource?.name === 'reindex').map((f) => f.rule)).toEqual(['auto-mode-finished-jobs']);
  });
});
