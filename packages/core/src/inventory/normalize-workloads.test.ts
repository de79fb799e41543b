import { describe, expect, it } from 'vitest';
import { deployment, normalize, object, podSpec, template } from './__fixtures__/raw.js';
import { finishedState } from './workloads.js';

const owned = (kind: string, name: string, controller = true) => [{ apiVersion: 'apps/v1', kind, name, uid: 'u-1', controller }];

describe('workloads', () => {
  it('reads every workload kind with its pod template', () => {
    const { inventory, problems } = normalize(
      deployment('web', 'shop', { replicas: 3 }),
      object('apps/v1', 'StatefulSet', 'db', 'shop', { spec: { template: template({ app: 'db' }) } }),
      object('apps/v1', 'DaemonSet', 'agent', 'kube-system', { spec: { template: template({ app: 'agent' }) } }),
      object('batch/v1', 'Job', 'migrate', 'shop', { spec: { template: template({ app: 'migrate' }) } }),
      object('batch/v1', 'CronJob', 'cleanup', 'shop', {
        spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: template({ app: 'cleanup' }) } } },
      }),
      object('apps/v1', 'ReplicaSet', 'legacy', 'shop', { spec: { template: template({ app: 'legacy' }) } }),
      object('v1', 'Pod', 'debug', 'shop', {
        metadata: { name: 'debug', namespace: 'shop', labels: { run: 'debug' } },
        spec: { ...podSpec(), nodeName: 'fargate-ip-10-0-1-2' },
      }),
    );
    expect(problems).toEqual([]);
    expect(inventory.workloads.map((w) => [w.key, w.replicas, w.nodeName])).toEqual([
      ['CronJob/shop/cleanup', null, null],
      ['DaemonSet/kube-system/agent', null, null],
      ['Deployment/shop/web', 3, null],
      ['Job/shop/migrate', null, null],
      ['Pod/shop/debug', 1, 'fargate-ip-10-0-1-2'],
      ['ReplicaSet/shop/legacy', 1, null],
      ['StatefulSet/shop/db', 1, null],
    ]);
    const cron = inventory.workloads[0];
    expect(cron?.template.metadata.labels).toEqual({ app: 'cleanup' });
    expect(cron?.template.spec.containers[0]?.name).toBe('main');
    const pod = inventory.workloads[4];
    expect(pod?.template).toEqual({ metadata: { labels: { run: 'debug' }, annotations: {} }, spec: { ...podSpec(), nodeName: 'fargate-ip-10-0-1-2' } });
    expect(pod?.apiVersion).toBe('v1');
  });

  it('gives labels and annotations as objects even when the manifest has none', () => {
    const { inventory } = normalize(object('apps/v1', 'Deployment', 'bare', 'shop', { spec: { template: { spec: podSpec() } } }));
    const [workload] = inventory.workloads;
    expect(workload?.metadata.labels).toEqual({});
    expect(workload?.metadata.annotations).toEqual({});
    expect(workload?.template.metadata).toEqual({ labels: {}, annotations: {} });
  });

  it('puts namespaced objects without a namespace in "default"', () => {
    const { inventory } = normalize(deployment('web'), deployment('api', ''));
    expect(inventory.workloads.map((w) => w.key)).toEqual(['Deployment/default/api', 'Deployment/default/web']);
    expect(inventory.workloads[0]?.metadata.namespace).toBe('default');
  });

  it('keeps StatefulSet volumeClaimTemplates by name', () => {
    const claim = {
      metadata: { name: 'data' },
      spec: { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
    };
    const { inventory } = normalize(
      object('apps/v1', 'StatefulSet', 'db', 'shop', { spec: { replicas: 0, template: template(), volumeClaimTemplates: [claim] } }),
    );
    expect(inventory.workloads[0]?.replicas).toBe(0);
    expect(inventory.workloads[0]?.volumeClaimTemplates).toEqual([{ name: 'data', spec: claim.spec }]);
  });

  it('folds objects a controller made into the object the operator edits', () => {
    const { inventory, problems } = normalize(
      deployment('web', 'shop'),
      object('apps/v1', 'ReplicaSet', 'web-5d8f', 'shop', {
        metadata: { name: 'web-5d8f', namespace: 'shop', ownerReferences: owned('Deployment', 'web') },
        spec: { template: template() },
      }),
      object('v1', 'Pod', 'web-5d8f-x1', 'shop', {
        metadata: { name: 'web-5d8f-x1', namespace: 'shop', ownerReferences: owned('ReplicaSet', 'web-5d8f') },
        spec: podSpec(),
      }),
      object('batch/v1', 'Job', 'cleanup-2891', 'shop', {
        metadata: { name: 'cleanup-2891', namespace: 'shop', ownerReferences: owned('CronJob', 'cleanup') },
        spec: { template: template() },
      }),
      // Controllers of any kind, even ones not in the inventory, make their pods.
      object('v1', 'Pod', 'agent-abc', 'kube-system', {
        metadata: { name: 'agent-abc', namespace: 'kube-system', ownerReferences: owned('DaemonSet', 'agent') },
        spec: podSpec(),
      }),
    );
    expect(problems).toEqual([]);
    expect(inventory.workloads.map((w) => w.key)).toEqual(['Deployment/shop/web']);
  });

  it('keeps objects whose owner is not a controller they fold into', () => {
    const { inventory } = normalize(
      // An Argo Rollout's ReplicaSet is the only view of its pods.
      object('apps/v1', 'ReplicaSet', 'canary-7f9', 'shop', {
        metadata: { name: 'canary-7f9', namespace: 'shop', ownerReferences: owned('Rollout', 'canary') },
        spec: { template: template() },
      }),
      object('batch/v1', 'Job', 'once', 'shop', {
        metadata: { name: 'once', namespace: 'shop', ownerReferences: owned('Workflow', 'w') },
        spec: { template: template() },
      }),
      // An owner reference that is not the controller does not make the pod someone else's.
      object('v1', 'Pod', 'pinned', 'shop', {
        metadata: { name: 'pinned', namespace: 'shop', ownerReferences: owned('ConfigMap', 'x', false) },
        spec: podSpec(),
      }),
    );
    expect(inventory.workloads.map((w) => w.key)).toEqual(['Job/shop/once', 'Pod/shop/pinned', 'ReplicaSet/shop/canary-7f9']);
    expect(inventory.workloads[1]?.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ConfigMap', name: 'x', controller: false }]);
  });

  it('reads legacy extensions/v1beta1 Deployments as Deployments', () => {
    const legacy = { ...deployment('old', 'shop'), apiVersion: 'extensions/v1beta1' };
    const { inventory } = normalize(legacy);
    expect(inventory.workloads.map((w) => [w.key, w.apiVersion])).toEqual([['Deployment/shop/old', 'extensions/v1beta1']]);
  });

  it('treats a Deployment of another API group as an unknown kind', () => {
    const { inventory } = normalize({ ...deployment('x', 'shop'), apiVersion: 'example.com/v1' });
    expect(inventory.workloads).toEqual([]);
    expect(inventory.other.map((o) => `${o.apiVersion} ${o.kind} ${o.namespace}/${o.name}`)).toEqual(['example.com/v1 Deployment shop/x']);
  });

  it('reports a malformed workload with file, line and the offending field, and reads the rest', () => {
    const { inventory, problems } = normalize(
      deployment('good', 'shop'),
      object('apps/v1', 'Deployment', 'no-template', 'shop', { spec: { replicas: 2 } }),
      object('apps/v1', 'Deployment', 'bad-port', 'shop', { spec: { template: { spec: { containers: [{ name: 'a', ports: 'http' }] } } } }),
      object('apps/v1', 'Deployment', 'bad-replicas', 'shop', { spec: { replicas: 'three', template: template() } }),
      object('batch/v1', 'CronJob', 'no-job', 'shop', { spec: { schedule: '@daily' } }),
      object('v1', 'Pod', 'no-spec', 'shop'),
    );
    expect(inventory.workloads.map((w) => w.key)).toEqual(['Deployment/shop/good']);
    expect(problems).toEqual([
      { file: 'inventory.yaml', line: 20, severity: 'error', message: 'Deployment shop/no-template: spec.template is required' },
      { file: 'inventory.yaml', line: 30, severity: 'error', message: 'Deployment shop/bad-port: spec.template.spec.containers[0].ports must be a list' },
      { file: 'inventory.yaml', line: 40, severity: 'error', message: 'Deployment shop/bad-replicas: spec.replicas must be an integer' },
      { file: 'inventory.yaml', line: 50, severity: 'error', message: 'CronJob shop/no-job: spec.jobTemplate is required' },
      { file: 'inventory.yaml', line: 60, severity: 'error', message: 'Pod shop/no-spec: spec is required' },
    ]);
  });

  it('reports an object without metadata.name as an error', () => {
    const { inventory, problems } = normalize(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { generateName: 'web-' }, spec: { template: template() } },
      { apiVersion: 'v1', kind: 'ConfigMap' },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { namespace: 'shop' } },
    );
    expect(inventory.workloads).toEqual([]);
    expect(problems).toEqual([
      { file: 'inventory.yaml', line: 10, severity: 'error', message: 'Deployment: metadata.name is required' },
      { file: 'inventory.yaml', line: 20, severity: 'error', message: 'ConfigMap: metadata is required' },
      { file: 'inventory.yaml', line: 30, severity: 'error', message: 'Widget: metadata.name is required' },
    ]);
  });
});

describe('finishedState', () => {
  it('reads a Job as finished from its Complete or Failed condition, and a bare Pod from its phase', () => {
    expect(finishedState('Job', { conditions: [{ type: 'Complete', status: 'True' }] })).toBe('succeeded');
    expect(finishedState('Job', { conditions: [{ type: 'Failed', status: 'True' }] })).toBe('failed');
    expect(finishedState('Job', { conditions: [{ type: 'Complete', status: 'False' }], active: 1 })).toBeNull();
    expect(finishedState('Pod', { phase: 'Succeeded' })).toBe('succeeded');
    expect(finishedState('Deployment', { conditions: [{ type: 'Complete', status: 'True' }] })).toBeNull();
  });

  it("carries a Job's finished state from the exported status into the inventory", () => {
    const done = object('batch/v1', 'Job', 'reindex', 'batch', {
      spec: { template: template({ app: 'reindex' }) },
      status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
    });
    expect(normalize(done).inventory.workloads[0]?.finished).toBe('succeeded');
  });
});
