import { describe, expect, it } from 'vitest';
import type { RawDocument } from './documents.js';
import { normalizeDocuments } from './normalize.js';
import { deployment, documents, object, podSpec, template } from './__fixtures__/raw.js';

/** A small deterministic PRNG, so a failing shuffle can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const mixed: RawDocument[] = documents(
  deployment('web', 'shop'),
  deployment('web', 'admin'),
  deployment('api', 'shop'),
  object('apps/v1', 'StatefulSet', 'web', 'shop', { spec: { template: template() } }),
  object('v1', 'Service', 'web', 'shop', { spec: {} }),
  object('v1', 'Service', 'api', 'shop', { spec: {} }),
  object('v1', 'ConfigMap', 'a', 'z-last', { data: {} }),
  object('v1', 'ConfigMap', 'a', 'a-first', { data: {} }),
  object('v1', 'Namespace', 'shop'),
  object('v1', 'Namespace', 'admin'),
  object('eks.amazonaws.com/v1', 'NodeClass', 'default', undefined, { spec: {} }),
  object('karpenter.k8s.aws/v1', 'EC2NodeClass', 'default', undefined, { spec: {} }),
  object('example.com/v1', 'Widget', 'w', 'shop'),
  object('other.example.com/v1', 'Widget', 'w', 'shop'),
  { SecurityGroups: [{ GroupId: 'sg-2' }, { GroupId: 'sg-1' }] },
  {
    notCollected: [
      { kind: 'Secret', reason: 'forbidden' },
      { kind: 'NodePool', reason: 'not installed' },
    ],
  },
);

describe('determinism', () => {
  it('gives the same inventory whatever order the documents come in', () => {
    const expected = JSON.stringify(normalizeDocuments(mixed).inventory);
    for (const seed of [1, 7, 42, 2026]) {
      expect(JSON.stringify(normalizeDocuments(shuffled(mixed, seed)).inventory)).toBe(expected);
    }
  });

  it('sorts every bucket by namespace, then name; workloads by key', () => {
    const { inventory } = normalizeDocuments(mixed);
    expect(inventory.workloads.map((w) => w.key)).toEqual(['Deployment/admin/web', 'Deployment/shop/api', 'Deployment/shop/web', 'StatefulSet/shop/web']);
    expect(inventory.configMaps.map((c) => c.metadata.namespace)).toEqual(['a-first', 'z-last']);
    expect(inventory.namespaces.map((n) => n.metadata.name)).toEqual(['admin', 'shop']);
    expect(inventory.other.map((o) => o.apiVersion)).toEqual(['example.com/v1', 'other.example.com/v1']);
    expect(inventory.securityGroups.map((g) => g.id)).toEqual(['sg-1', 'sg-2']);
    expect(inventory.notCollected.map((n) => n.kind)).toEqual(['NodePool', 'Secret']);
  });
});

describe('duplicates', () => {
  it('keep the last one read and name both places', () => {
    const first = { value: deployment('web', 'shop', { replicas: 1 }), origin: { file: 'a.yaml', line: 3 } };
    const second = { value: deployment('web', 'shop', { replicas: 5 }), origin: { file: 'b.yaml', line: 12 } };
    const { inventory, problems } = normalizeDocuments([first, second]);
    expect(inventory.workloads.map((w) => [w.replicas, w.origin.file])).toEqual([[5, 'b.yaml']]);
    expect(problems).toEqual([
      { file: 'a.yaml', line: 3, severity: 'skipped', message: 'Deployment shop/web is defined twice, here and at b.yaml:12; the later one is used' },
    ]);
  });

  it('are the same object whether written with or without the default namespace', () => {
    const { inventory, problems } = normalizeDocuments(documents(deployment('web'), deployment('web', 'default')));
    expect(inventory.workloads).toHaveLength(1);
    expect(problems.map((p) => p.message)).toEqual(['Deployment default/web is defined twice, here and at inventory.yaml:20; the later one is used']);
  });
});

describe('scale', () => {
  it('normalises 20,000 workloads with their ReplicaSets and Pods in linear time', () => {
    const docs: RawDocument[] = [];
    for (let i = 0; i < 20_000; i++) {
      const ns = `team-${i % 97}`;
      const owner = (kind: string, name: string) => ({
        name: `${name}-x`,
        namespace: ns,
        ownerReferences: [{ apiVersion: 'apps/v1', kind, name, controller: true }],
      });
      docs.push({ value: deployment(`app-${i}`, ns, { replicas: 2 }), origin: { file: 'big.yaml', line: i * 3 + 1 } });
      docs.push({
        value: object('apps/v1', 'ReplicaSet', '', ns, { metadata: owner('Deployment', `app-${i}`), spec: { template: template() } }),
        origin: { file: 'big.yaml', line: i * 3 + 2 },
      });
      docs.push({
        value: object('v1', 'Pod', '', ns, { metadata: owner('ReplicaSet', `app-${i}-x`), spec: podSpec() }),
        origin: { file: 'big.yaml', line: i * 3 + 3 },
      });
    }
    const started = performance.now();
    const { inventory, problems } = normalizeDocuments(docs);
    const elapsed = performance.now() - started;
    expect(problems).toEqual([]);
    expect(inventory.workloads).toHaveLength(20_000);
    // About half a second on a laptop; the bound only catches an accidental quadratic step.
    expect(elapsed).toBeLessThan(15_000);
  });
});
