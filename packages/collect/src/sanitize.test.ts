import { describe, expect, it } from 'vitest';
import { KINDS, type KindSpec } from './kinds.js';
import { compareItems, sanitize, type KubeItem } from './kube/sanitize.js';

const kind = (name: string): KindSpec => {
  const spec = KINDS.find((k) => k.kind === name);
  if (spec === undefined) throw new Error(name);
  return spec;
};

describe('sanitize', () => {
  it('keeps a Secret to name, namespace and labels whatever the server sent', () => {
    const full = {
      metadata: {
        name: 'db',
        namespace: 'shop',
        labels: { app: 'cart' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"p":"c2VjcmV0"}}', other: 'c2VjcmV0' },
        uid: 'u',
      },
      type: 'Opaque',
      data: { p: 'c2VjcmV0' },
      stringData: { p: 'secret' },
    };
    const item = sanitize(full, kind('Secret'), 'v1');
    expect(item).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop', labels: { app: 'cart' } } });
    expect(JSON.stringify(item)).not.toMatch(/c2VjcmV0|secret"/);
  });

  it('puts apiVersion and kind first, then metadata, the body in server order, and kept status last', () => {
    const item = sanitize(
      { status: { phase: 'Bound', conditions: [] }, spec: { volumeName: 'pv' }, metadata: { name: 'data', namespace: 'shop', generation: 2, annotations: {} } },
      kind('PersistentVolumeClaim'),
      'v1',
    );
    expect(JSON.stringify(item)).toBe(
      '{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data","namespace":"shop"},"spec":{"volumeName":"pv"},"status":{"phase":"Bound"}}',
    );
  });

  it('drops ConfigMap binaryData and items without a name', () => {
    expect(sanitize({ metadata: { name: 'c', namespace: 'a' }, data: { k: 'v' }, binaryData: { b: 'AA==' } }, kind('ConfigMap'), 'v1')).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'a' },
      data: { k: 'v' },
    });
    expect(sanitize({ metadata: {} }, kind('Pod'), 'v1')).toBeNull();
    expect(sanitize('nonsense', kind('Pod'), 'v1')).toBeNull();
  });

  it('orders by namespace, then name, the same on every machine', () => {
    const item = (namespace: string | undefined, name: string): KubeItem => ({
      apiVersion: 'v1',
      kind: 'X',
      metadata: namespace === undefined ? { name } : { name, namespace },
    });
    const sorted = [item('b', 'a'), item('a', 'b'), item(undefined, 'z'), item('a', 'B'), item('a', 'a')].sort(compareItems);
    expect(sorted.map((i) => `${i.metadata.namespace ?? ''}/${i.metadata.name}`)).toEqual(['/z', 'a/B', 'a/a', 'a/b', 'b/a']);
  });
});
