import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan.js';
import { simulate } from '../../simulate/replay.js';
import { aFargateInventory, aWorkload, contextFor, runRule } from '../../testing/builders.js';
import { aKarpenterCluster } from '../../testing/karpenter.js';
import { autoModeFinishedJobsRule as rule } from './auto-mode-finished-jobs.js';

const reindex = aWorkload({ kind: 'Job', namespace: 'shop', name: 'reindex', finished: 'succeeded' });

describe('auto-mode-finished-jobs', () => {
  it('says a completed one-off Job has finished and is left alone', () => {
    const [finding] = runRule(rule, aFargateInventory([reindex]), { target: 'auto-mode' });
    expect(finding).toMatchObject({ severity: 'advisory', action: { type: 'review' } });
    expect(finding?.message).toContain('Job shop/reindex has already completed');
    expect(finding?.message).toContain('neither moves nor re-creates it');
  });

  it('asks the operator to confirm a Job whose completion the inventory does not show, rather than re-creating it', () => {
    const unknown = aWorkload({ kind: 'Job', namespace: 'shop', name: 'reindex' });
    const [finding] = runRule(rule, aFargateInventory([unknown]), { target: 'auto-mode' });
    expect(finding).toMatchObject({ severity: 'change', action: { type: 'review' } });
    expect(finding?.message).toContain('does not show whether it has completed');
    expect(finding?.message).toContain('neither moves nor re-creates it');
  });

  it('leaves a Job of unknown status where it runs and waits for it before the decommission stage', () => {
    const unknown = aWorkload({ kind: 'Job', namespace: 'shop', name: 'reindex' });
    const plan = buildPlan(contextFor(aFargateInventory([unknown, aWorkload({ name: 'web' })]), 'auto-mode'));
    const steps = plan.stages.flatMap((s) => s.steps);
    expect(steps.flatMap((s) => s.effects).filter((e) => 'workload' in e && e.workload === unknown.key)).toEqual([]);
    expect(plan.workloads.find((o) => o.workload === unknown.key)?.outcome).toBe('unchanged');
    const wait = steps.find((s) => s.id === 'verification/jobs-finished');
    expect(wait?.commands).toHaveLength(1);
    expect(wait?.commands[0]).toMatch(/^for j in reindex; do until s=\$\(kubectl get job "\$j" -n shop /);
    const decommission = plan.stages.find((s) => s.id === 'decommission');
    expect(decommission?.steps.length).toBeGreaterThan(0);
    expect(simulate(contextFor(aFargateInventory([unknown, aWorkload({ name: 'web' })]), 'auto-mode'), plan).violations).toEqual([]);
  });

  it('answers the Job’s finding with the wait step, not again among the changes to decide on', () => {
    const unknown = aWorkload({ kind: 'Job', namespace: 'shop', name: 'reindex' });
    const plan = buildPlan(contextFor(aFargateInventory([unknown, aWorkload({ name: 'web' })]), 'auto-mode'));
    const id = plan.findings.find((f) => f.rule === 'auto-mode-finished-jobs')?.id;
    const steps = plan.stages.flatMap((s) => s.steps);
    expect(steps.filter((s) => id !== undefined && s.findings.includes(id)).map((s) => s.id)).toEqual(['verification/jobs-finished']);
  });

  it('says nothing else of a Job on a Karpenter pool: it is not moved to the Auto Mode pool that replaces it', () => {
    const onPool = aWorkload({ kind: 'Job', namespace: 'shop', name: 'reindex', spec: { nodeSelector: { 'karpenter.sh/nodepool': 'spot' } } });
    const plan = buildPlan(contextFor(aKarpenterCluster([onPool]), 'auto-mode'));
    expect(plan.findings.filter((f) => f.resource?.name === 'reindex').map((f) => f.rule)).toEqual(['auto-mode-finished-jobs']);
    expect(plan.workloads.find((o) => o.workload === onPool.key)?.outcome).not.toBe('moves');
  });

  it('never re-creates or patches a finished Job in the plan', () => {
    const plan = buildPlan(contextFor(aFargateInventory([reindex, aWorkload({ name: 'web' })]), 'auto-mode'));
    const commands = plan.stages.flatMap((s) => s.steps).flatMap((s) => [...s.commands, ...s.rollback.commands]);
    expect(commands.filter((c) => c.includes('reindex'))).toEqual([]);
    expect(plan.findings.filter((f) => f.resource?.name === 'reindex').map((f) => f.rule)).toEqual(['auto-mode-finished-jobs']);
  });
});
