import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { buildPlan, buildUnsimulatedPlan } from './build-plan.js';
import { uncoveredCommands } from './effect-coverage.js';
import { simulate } from '../simulate/replay.js';
import { aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';

const tolerated = { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }] };

/** Workloads on Fargate applied by Argo CD, a Flux Kustomization, Helm, and by hand. */
function managed() {
  const inventory = aFargateInventory([
    aWorkload({
      namespace: 'argo-apps',
      name: 'api',
      labels: { 'argocd.argoproj.io/instance': 'payments' },
      annotations: { 'argocd.argoproj.io/tracking-id': 'payments:apps/Deployment:argo-apps/api' },
      spec: tolerated,
    }),
    aWorkload({
      namespace: 'flux-apps',
      name: 'podinfo',
      labels: { 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' },
      spec: tolerated,
    }),
    aWorkload({
      namespace: 'helm-apps',
      name: 'cart',
      labels: { 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'meta.helm.sh/release-name': 'shop' },
    }),
    aWorkload({ namespace: 'plain', name: 'web' }),
  ]);
  const ctx = contextFor(inventory, 'auto-mode');
  return { ctx, plan: buildUnsimulatedPlan(ctx) };
}

const steps = (plan: Plan) => plan.stages.flatMap((s) => s.steps);
const step = (plan: Plan, id: string) => steps(plan).find((s) => s.id === id);

describe('pausing Argo CD and Flux around a wave', () => {
  it('pauses the sync in a step before the wave and resumes it in a step after', () => {
    const { plan } = managed();
    const pause = step(plan, 'waves/pause-sync-argo-apps')!;
    const resume = step(plan, 'waves/resume-sync-argo-apps')!;
    expect(pause.commands).toEqual(['argocd app set payments --sync-policy none']);
    expect(pause.effects).toEqual([
      {
        type: 'suspend-reconciliation',
        reconciler: { tool: 'argo-cd', kind: 'Application', namespace: null, name: 'payments' },
        workloads: ['Deployment/argo-apps/api'],
      },
    ]);
    expect(step(plan, 'waves/argo-apps')!.dependsOn).toEqual([pause.id]);
    expect(resume.dependsOn).toEqual(['waves/argo-apps']);
    expect(resume.commands.at(-1)).toBe('argocd app set payments --sync-policy automated');
    expect(resume.effects.map((e) => e.type)).toEqual(['resume-reconciliation']);
    expect(step(plan, 'waves/flux-apps')!.commands).not.toContain('flux suspend kustomization apps -n flux-system');
    expect(step(plan, 'waves/pause-sync-flux-apps')!.commands).toEqual(['flux suspend kustomization apps -n flux-system']);
    expect(step(plan, 'waves/resume-sync-flux-apps')!.commands.at(-1)).toBe('flux resume kustomization apps -n flux-system');
  });

  it('lists the pause, the wave and the resume next to each other, in the wave’s namespace', () => {
    const { plan } = managed();
    const ids = plan.stages.find((s) => s.id === 'waves')!.steps.map((s) => s.id);
    const at = ids.indexOf('waves/argo-apps');
    expect(ids.slice(at - 1, at + 2)).toEqual(['waves/pause-sync-argo-apps', 'waves/argo-apps', 'waves/resume-sync-argo-apps']);
    expect(step(plan, 'waves/pause-sync-argo-apps')!.namespaces).toEqual(['argo-apps']);
  });

  it('adds no step for Helm, which reconciles nothing, nor for workloads applied by hand', () => {
    const { plan } = managed();
    expect(
      steps(plan)
        .filter((s) => s.kind === 'pause-sync')
        .map((s) => s.id),
    ).toEqual(['waves/pause-sync-argo-apps', 'waves/pause-sync-flux-apps']);
  });

  it('covers every command of the new steps with their effects, and still holds when replayed', () => {
    const { ctx, plan } = managed();
    const around = steps(plan).filter((s) => s.kind === 'pause-sync' || s.kind === 'resume-sync');
    expect(around.flatMap(uncoveredCommands)).toEqual([]);
    expect(simulate(ctx, plan).violations).toEqual([]);
    expect(buildPlan(ctx).simulation.verdict).toBe('holds');
  });

  it('finds a pause or resume of another Application or Kustomization not covered by the step’s effects', () => {
    const { plan } = managed();
    const pause = step(plan, 'waves/pause-sync-flux-apps')!;
    const other = {
      ...pause,
      commands: [
        'flux suspend kustomization other -n flux-system',
        'flux resume kustomization apps -n flux-system',
        'argocd app set payments --sync-policy none',
      ],
    };
    expect(uncoveredCommands(other).map((u) => u.command)).toEqual(other.commands);
  });
});

describe('the simulation of a managed workload', () => {
  function drop(plan: Plan, kind: Step['kind']): Plan {
    const copy = structuredClone(plan);
    const gone = new Map(
      steps(copy)
        .filter((s) => s.kind === kind)
        .map((s) => [s.id, s.dependsOn]),
    );
    for (const stage of copy.stages) {
      stage.steps = stage.steps.filter((s) => !gone.has(s.id));
      for (const s of stage.steps) s.dependsOn = [...new Set(s.dependsOn.flatMap((d) => gone.get(d) ?? [d]))];
    }
    return copy;
  }

  it('breaks when a wave patches it while Argo CD or Flux still syncs it', () => {
    const { ctx, plan } = managed();
    const found = simulate(ctx, drop(plan, 'pause-sync')).violations.filter((v) => v.breaks.includes('undone at the next sync'));
    expect(found.map((v) => `${v.step} ${v.invariant} ${v.resource}`)).toEqual([
      'waves/argo-apps end-state Deployment/argo-apps/api',
      'waves/flux-apps end-state Deployment/flux-apps/podinfo',
    ]);
  });

  it('breaks when the plan leaves a sync paused', () => {
    const { ctx, plan } = managed();
    const found = simulate(ctx, drop(plan, 'resume-sync')).violations.filter((v) => v.breaks.includes('still paused'));
    expect(found.map((v) => v.resource)).toEqual(['Application//payments', 'Kustomization/flux-system/apps']);
  });
});
