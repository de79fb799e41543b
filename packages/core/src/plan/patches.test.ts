import { describe, expect, it } from 'vitest';
import { aWorkload } from '../testing/builders.js';
import { patchCommands, rollbackCommands, strategicPatch } from './patches.js';

describe('strategicPatch', () => {
  it('sets and removes pod-template annotations and node selectors in one patch', () => {
    const w = aWorkload({ spec: { nodeSelector: { 'karpenter.sh/capacity-type': 'spot' } } });
    expect(
      strategicPatch(w, [
        { op: 'set-pod-annotation', key: 'eks.amazonaws.com/compute-type', value: 'ec2' },
        { op: 'remove-node-selector', key: 'karpenter.sh/capacity-type' },
      ]),
    ).toEqual({
      spec: {
        template: { metadata: { annotations: { 'eks.amazonaws.com/compute-type': 'ec2' } }, spec: { nodeSelector: { 'karpenter.sh/capacity-type': null } } },
      },
    });
  });

  it('patches a CronJob under jobTemplate', () => {
    const w = aWorkload({ kind: 'CronJob' });
    expect(strategicPatch(w, [{ op: 'remove-topology-spread' }])).toEqual({
      spec: { jobTemplate: { spec: { template: { spec: { topologySpreadConstraints: null } } } } },
    });
  });

  it('writes the whole toleration list, without duplicates, since tolerations have no merge key', () => {
    const existing = { key: 'team', operator: 'Equal', value: 'a', effect: 'NoSchedule' };
    const w = aWorkload({ spec: { tolerations: [existing] } });
    const added = { key: 'modeshift.io/spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' };
    const patch = strategicPatch(w, [
      { op: 'add-toleration', toleration: added },
      { op: 'add-toleration', toleration: added },
    ]);
    expect(patch).toEqual({ spec: { template: { spec: { tolerations: [existing, added] } } } });
  });

  it('puts edits of init containers into initContainers', () => {
    const w = aWorkload({
      containers: [{ name: 'app', image: 'app:1' }],
      spec: { initContainers: [{ name: 'setup', image: 'setup:1', securityContext: { capabilities: { add: ['NET_ADMIN'] } } }] },
    });
    expect(strategicPatch(w, [{ op: 'remove-added-capabilities', container: 'setup' }])).toEqual({
      spec: { template: { spec: { initContainers: [{ name: 'setup', securityContext: { capabilities: { add: null } } }] } } },
    });
  });

  it('replaces the ports list to drop hostPort, because ports merge by containerPort and would keep it', () => {
    const w = aWorkload({
      containers: [
        {
          name: 'dns',
          image: 'dns',
          ports: [
            { containerPort: 53, hostPort: 53, protocol: 'UDP', name: 'dns' },
            { containerPort: 53, hostPort: 53, hostIP: '0.0.0.0', protocol: 'TCP', name: 'dns-tcp' },
          ],
        },
      ],
    });
    expect(strategicPatch(w, [{ op: 'remove-host-ports', container: 'dns' }])).toEqual({
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'dns',
                ports: [{ $patch: 'replace' }, { containerPort: 53, protocol: 'UDP', name: 'dns' }, { containerPort: 53, protocol: 'TCP', name: 'dns-tcp' }],
              },
            ],
          },
        },
      },
    });
  });

  it('returns null when there is nothing to change', () => {
    expect(strategicPatch(aWorkload(), [])).toBeNull();
  });
});

describe('patchCommands', () => {
  it('emits one kubectl patch a shell can paste', () => {
    const [cmd] = patchCommands(aWorkload({ namespace: 'shop', name: "o'brien" }), [{ op: 'set-pod-annotation', key: 'a', value: "it's" }]);
    expect(cmd).toBe(`kubectl patch 'deployment/o'\\''brien' -n shop -p '{"spec":{"template":{"metadata":{"annotations":{"a":"it'\\''s"}}}}}'`);
  });

  it('says how to re-create a Job, whose pod template is immutable', () => {
    const [cmd] = patchCommands(aWorkload({ kind: 'Job', name: 'once' }), [{ op: 'set-pod-annotation', key: 'a', value: 'b' }]);
    expect(cmd).toMatch(/^# Job shop\/once: its pod template is immutable/);
  });

  it('rolls back Deployments with rollout undo and CronJobs with the inverse patch', () => {
    const edit = [{ op: 'set-pod-annotation' as const, key: 'eks.amazonaws.com/compute-type', value: 'ec2' }];
    expect(rollbackCommands(aWorkload(), edit)).toEqual(['kubectl rollout undo deployment/web -n shop']);
    expect(rollbackCommands(aWorkload({ kind: 'CronJob', name: 'nightly' }), edit)[0]).toContain('"eks.amazonaws.com/compute-type":null');
  });
});

describe("an operator's custom resource", () => {
  const worker = {
    ...aWorkload({ kind: 'RayCluster', namespace: 'ml', name: 'ray' }),
    operator: { resource: 'raycluster.ray.io', templatePath: 'spec.workerGroupSpecs[0].template', part: 'worker gpu-group' },
  };

  it('gets its move as an instruction naming the field to edit, never a kubectl patch that would replace its lists', () => {
    const [command] = patchCommands(worker, [{ op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: 'gpu' }]);
    expect(command).toMatch(
      /^# RayCluster ml\/ray \(worker gpu-group\): its operator makes these pods from spec\.workerGroupSpecs\[0\]\.template; edit it there \(kubectl edit raycluster\.ray\.io\/ray -n ml/,
    );
    expect(command).toContain('{"spec":{"nodeSelector":{"karpenter.sh/nodepool":"gpu"}}}');
    expect(rollbackCommands(worker, [])).toEqual(['# re-apply the original manifest of RayCluster ml/ray']);
  });
});
