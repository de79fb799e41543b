// The simulator starts from the cluster placement assumed: workloads on capacity the inventory does
// not show run there before the first step, so a step that takes that capacity away breaks them.
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { buildUnsimulatedPlan } from '../plan/build-plan.js';
import { anInventory, aWorkload, contextFor } from '../testing/builders.js';
import { simulate } from './replay.js';

const inference = aWorkload({
  namespace: 'ml',
  name: 'infer',
  containers: [{ name: 'main', image: 'public.ecr.aws/example/infer:1.0', resources: { limits: { 'nvidia.com/gpu': '1' } } }],
  spec: { nodeSelector: { 'karpenter.sh/nodepool': 'gpu' } },
});

function withStep(plan: Plan, step: Step): Plan {
  const copy = structuredClone(plan);
  copy.stages.find((s) => s.id === 'decommission')!.steps.push(step);
  return copy;
}

describe('simulating a plan of manifests without their capacity', () => {
  const ctx = contextFor(anInventory({ workloads: [inference] }), 'fargate');
  const plan = buildUnsimulatedPlan(ctx);

  it('holds: the GPU workload keeps the Auto Mode NodePool it was assumed to run on', () => {
    expect(simulate(ctx, plan).violations).toEqual([]);
  });

  it('breaks capacity for it when a step disables Auto Mode under it', () => {
    const disable: Step = {
      ...plan.stages[0]!.steps[0]!,
      id: 'decommission/disable-auto-mode',
      title: 'Disable EKS Auto Mode',
      kind: 'disable-auto-mode',
      dependsOn: [],
      commands: [],
      effects: [{ type: 'disable-auto-mode' }],
    };
    const found = simulate(ctx, withStep(plan, disable)).violations.map((v) => `${v.step} ${v.invariant} ${v.resource}`);
    expect(found).toContain(`decommission/disable-auto-mode capacity ${inference.key}`);
  });
});
