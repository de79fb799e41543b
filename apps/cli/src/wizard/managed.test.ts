import { afterEach, describe, expect, it } from 'vitest';
import { tempTree } from '../testing.js';
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
    expect(
      managedSuffix(
        h.model,
        steps.find((s) => s.id === 'waves/shop')!,
      ),
    ).toBe('');
    expect(steps.filter((s) => s.kind !== 'wave').every((s) => managedSuffix(h!.model, s) === '')).toBe(true);
  });

  it('marks the steps that pause and resume Argo CD around a wave, with where the change belongs', async () => {
    const inventory = tempTree({
      'profile.json': JSON.stringify({
        fargateProfile: { fargateProfileName: 'apps', clusterName: 'demo', selectors: [{ namespace: 'argo-apps' }], status: 'ACTIVE' },
      }),
      'api.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: api, namespace: argo-apps, labels: { argocd.argoproj.io/instance: payments } }',
        'spec:',
        '  replicas: 2',
        '  selector: { matchLabels: { app: api } }',
        '  template:',
        '    metadata: { labels: { app: api } }',
        '    spec:',
        '      tolerations: [{ key: dedicated, operator: Equal, value: web, effect: NoSchedule }]',
        '      containers: [{ name: app, image: nginx, resources: { requests: { cpu: 250m, memory: 256Mi } } }]',
      ].join('\n'),
    });
    h = await startOnPlan({ inventory });
    const steps = h.model.plan!.stages.flatMap((s) => s.steps);
    for (const id of ['waves/pause-sync-argo-apps', 'waves/argo-apps', 'waves/resume-sync-argo-apps']) {
      const step = steps.find((s) => s.id === id)!;
      expect(managedSuffix(h.model, step), id).toBe(' · managed by Argo CD');
      expect(managedNotes(h.model, step)[0], id).toMatch(/^Deployment\/argo-apps\/api is managed by Argo CD Application payments: change it in the source/);
    }
  });
});
