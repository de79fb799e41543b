import { afterEach, describe, expect, it } from 'vitest';
import { startOnPlan, type Harness } from './__fixtures__/harness.js';
import { managedNotes, managedSuffix } from './managed.js';

let h: (Harness & { inventory: string }) | undefined;
afterEach(() => h?.unmount());

describe('managed workloads in the walk-through', () => {
  it('marks the wave that moves a Helm release and says where its change belongs', async () => {
    h = await startOnPlan();
    const steps = h.model.plan!.stages.flatMap((s) => s.steps);
    const kubeSystem = steps.find((s) => s.id === 'waves/kube-system')!;
    expect(managedSuffix(h.model, kubeSystem)).toBe(' · managed by Helm');
    expect(managedNotes(h.model, kubeSystem)).toEqual([
      'Deployment/kube-system/aws-load-balancer-controller is managed by Helm release aws-load-balancer-controller (chart aws-load-balancer-controller-1.11.0): change it in the values of Helm release aws-load-balancer-controller (chart aws-load-balancer-controller-1.11.0) and upgrade the release, not in the cluster: the next upgrade would undo a live patch.',
    ]);
  });

  it('leaves waves of hand-applied workloads and steps that are not waves unmarked', async () => {
    h = await startOnPlan();
    const steps = h.model.plan!.stages.flatMap((s) => s.steps);
    expect(managedSuffix(h.model, steps.find((s) => s.id === 'waves/shop')!)).toBe('');
    expect(steps.filter((s) => s.kind !== 'wave').every((s) => managedSuffix(h!.model, s) === '')).toBe(true);
  });
});
