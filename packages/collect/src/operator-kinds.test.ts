// Kinds the rules read beyond the built-in ones: operators' objects whose pod templates are workloads,
// and service-mesh objects that show injected sidecars. A collect that skipped them would hand the
// planner an inventory without a Ray GPU fleet or a mesh, which a plan could then disable Auto Mode under.
import { loadInventory } from '@modeshift/inventory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import type { CollectReport } from './types.js';
import { apiGroup, type KubeObject } from './testing/data.js';
import { startWorld, type World } from './testing/world.js';
import { recorded } from './__fixtures__/recorded.js';

const rayCluster: KubeObject = {
  metadata: { name: 'llm', namespace: 'ml', uid: 'rc1' },
  spec: {
    headGroupSpec: { template: { spec: { containers: [{ name: 'head', image: 'rayproject/ray:2.9.0' }] } } },
    workerGroupSpecs: [
      {
        groupName: 'gpu',
        replicas: 2,
        template: { spec: { containers: [{ name: 'worker', image: 'rayproject/ray:2.9.0-gpu', resources: { limits: { 'nvidia.com/gpu': '1' } } }] } },
      },
    ],
  },
};
const knative: KubeObject = {
  metadata: { name: 'hello', namespace: 'serving', uid: 'ks1' },
  // Knative's webhook names the container user-container when the manifest does not.
  spec: { template: { spec: { containers: [{ name: 'user-container', image: 'ghcr.io/knative/helloworld-go:latest' }] } } },
};
const peerAuthentication: KubeObject = { metadata: { name: 'default', namespace: 'shop', uid: 'pa1' }, spec: { mtls: { mode: 'STRICT' } } };

function cluster() {
  const data = recorded();
  const lists = new Map(data.kube.lists);
  lists.set('ray.io/v1/rayclusters', [rayCluster]);
  lists.set('serving.knative.dev/v1/services', [knative]);
  lists.set('security.istio.io/v1/peerauthentications', [peerAuthentication]);
  const groups = [...data.kube.groups, apiGroup('ray.io', ['v1']), apiGroup('serving.knative.dev', ['v1']), apiGroup('security.istio.io', ['v1'])];
  return { ...data, kube: { groups, lists } };
}

describe('collect on a cluster with operators and a service mesh', () => {
  let world: World;
  let report: CollectReport;
  beforeAll(async () => {
    world = await startWorld({ data: cluster() });
    report = await collect(world.options());
  });
  afterAll(() => world.close());

  it("lists the operators' and the mesh's objects the rules read, Knative's Service apart from the core one", () => {
    expect(report.files).toEqual(
      expect.arrayContaining([
        'kubernetes/rayclusters.json',
        'kubernetes/services.serving.knative.dev.json',
        'kubernetes/services.json',
        'kubernetes/peerauthentications.json',
      ]),
    );
    expect(report.counts).toMatchObject({ RayCluster: 1, 'Service (serving.knative.dev)': 1, PeerAuthentication: 1 });
    expect(report.notCollected).toEqual([]);
  });

  it('asks only for the groups the server serves', () => {
    expect(world.kube.requests.some((r) => r.path.includes('argoproj.io') || r.path.includes('policy.linkerd.io'))).toBe(false);
  });

  it('writes an inventory in which the Ray worker group and the Knative Service are workloads and the mesh is seen', async () => {
    const { inventory, problems } = await loadInventory([world.out]);
    expect(problems).toEqual([]);
    expect(inventory.workloads.map((w) => w.key)).toEqual(
      expect.arrayContaining(['RayCluster/ml/llm/head', 'RayCluster/ml/llm/worker gpu', 'KnativeService/serving/hello']),
    );
    expect(inventory.other).toEqual([expect.objectContaining({ kind: 'PeerAuthentication', namespace: 'shop', name: 'default' })]);
  });
});
