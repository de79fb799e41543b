import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan.js';
import { simulate } from '../../simulate/replay.js';
import { aFargateProfile, anAutoModeInventory, aWorkload, contextFor, runRule } from '../../testing/builders.js';
import { fargateProfileQuotaRule as rule } from './fargate-profile-quota.js';

const inNamespaces = (n: number) => Array.from({ length: n }, (_, i) => aWorkload({ name: 'web', namespace: `team-${i}` }));

describe('fargate-profile-quota', () => {
  it('says nothing while the namespaces alone stay within the default quota of 10 profiles', () => {
    expect(runRule(rule, anAutoModeInventory(inNamespaces(10)), { target: 'fargate' })).toEqual([]);
  });

  it('still has the plan ask for the quota when the profiles it adds for CoreDNS take the cluster past 10', () => {
    const plan = buildPlan(contextFor(anAutoModeInventory(inNamespaces(10)), 'fargate'));
    const steps = plan.stages.flatMap((s) => s.steps);
    const created = steps.flatMap((s) => s.infrastructure).filter((i) => i.kind === 'fargate-profile').length;
    expect(created).toBeGreaterThan(10);
    expect(steps.find((s) => s.id === 'prerequisites/fargate-profile-quota')?.title).toBe(`Make sure the cluster may have ${created} Fargate profiles`);
  });

  it('asks for a quota of every profile the cluster will have, the ones it has included', () => {
    const [finding] = runRule(
      rule,
      anAutoModeInventory(inNamespaces(9), {
        fargateProfiles: [aFargateProfile('legacy', [{ namespace: 'old' }]), aFargateProfile('jobs', [{ namespace: 'batch' }])],
      }),
      {
        target: 'fargate',
      },
    );
    expect(finding).toMatchObject({
      severity: 'change',
      resource: null,
      action: { type: 'prerequisite', task: { kind: 'fargate-profile-quota' } },
    });
    expect(finding?.message).toContain('The plan creates 9 Fargate profiles for namespaces beside the 2 the cluster has, so at least 11');
  });

  it('is a prerequisite: every profile the plan creates waits for it, and the plan still holds', () => {
    const ctx = () => contextFor(anAutoModeInventory(inNamespaces(12)), 'fargate');
    const plan = buildPlan(ctx());
    const steps = plan.stages.flatMap((s) => s.steps);
    const quota = steps.find((s) => s.id === 'prerequisites/fargate-profile-quota');
    // Every profile the plan creates counts, CoreDNS's kube-system profile included, not only one per namespace.
    const created = steps.flatMap((s) => s.infrastructure).filter((i) => i.kind === 'fargate-profile').length;
    expect(created).toBeGreaterThan(12);
    expect(quota?.title).toBe(`Make sure the cluster may have ${created} Fargate profiles`);
    expect(quota?.effects).toEqual([]);
    const profiles = steps.filter((s) => s.kind === 'fargate-profile');
    expect(profiles.length).toBeGreaterThan(0);
    for (const p of profiles) expect(p.dependsOn, p.id).toContain('prerequisites/fargate-profile-quota');
    expect(simulate(ctx(), plan).violations).toEqual([]);
  });
});
