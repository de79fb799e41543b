import { describe, expect, it } from 'vitest';
import { conform, conformShared, int, listOf, nullable, numberOrString, object, quantity, required, ShapeError, str, stringMap } from './shape.js';

const container = object({ name: required(str), ports: listOf(object({ containerPort: required(int) })) });
const spec = object({ containers: required(listOf(container)), nodeSelector: stringMap, storageClassName: nullable(str) });

function failure(shape: Parameters<typeof conform>[0], value: unknown): string {
  try {
    conform(shape, value);
  } catch (error) {
    if (error instanceof ShapeError) return error.describe();
    throw error;
  }
  throw new Error('expected a ShapeError');
}

describe('conform', () => {
  it('returns a copy with undeclared fields kept as they are', () => {
    const extra = { dnsPolicy: 'ClusterFirst' };
    const input = { containers: [{ name: 'a', extra }], terminationGracePeriodSeconds: 30 };
    const out = conform(spec, input) as typeof input;
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(out.containers[0]?.extra).toBe(extra);
  });

  it('drops null optional fields but keeps nulls where null means something', () => {
    expect(conform(spec, { containers: [], nodeSelector: null, storageClassName: null })).toEqual({
      containers: [],
      storageClassName: null,
    });
  });

  it('reads a key with no value in a string map as an empty string, as the API does', () => {
    expect(conform(stringMap, { a: null, b: 'x' })).toEqual({ a: '', b: 'x' });
  });

  it('names the path of the first mismatch, never the value', () => {
    expect(failure(spec, { containers: [{ name: 'a', ports: 'secret-value' }] })).toBe('containers[0].ports must be a list');
    expect(failure(spec, { containers: [{ name: 'a', ports: [{ containerPort: '80' }] }] })).toBe('containers[0].ports[0].containerPort must be an integer');
    expect(failure(spec, { containers: [{ ports: [] }] })).toBe('containers[0].name is required');
    expect(failure(spec, {})).toBe('containers is required');
    expect(failure(spec, { containers: [], nodeSelector: { 'kubernetes.io/os': 1 } })).toBe('nodeSelector["kubernetes.io/os"] must be a string');
    expect(failure(spec, 'text')).toBe('the document must be an object');
    expect(failure(spec, { containers: [null] })).toBe('containers[0] must be an object');
  });

  it('accepts numbers or strings where the API takes either, and turns numeric quantities into strings', () => {
    expect(conform(listOf(numberOrString), [1, '50%'])).toEqual([1, '50%']);
    expect(conform(quantity, 20)).toBe('20');
    expect(conform(quantity, '20Gi')).toBe('20Gi');
    expect(failure(numberOrString, true)).toBe('the document must be a number or a string');
  });

  it('never lets a __proto__ key change an object prototype', () => {
    const input = JSON.parse('{"containers": [], "__proto__": {"polluted": true}, "nodeSelector": {"__proto__": "x"}}') as unknown;
    const out = conform(spec, input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: boolean }).polluted).toBeUndefined();
    expect(out.nodeSelector).toEqual({});
  });

  it('does not mistake Object.prototype members for declared fields', () => {
    expect(conform(object({ name: str }), { constructor: 5, toString: 'x' })).toEqual({ constructor: 5, toString: 'x' });
  });
});

describe('conformShared', () => {
  const clean = () => ({
    containers: [{ name: 'a', ports: [{ containerPort: 80 }] }, { name: 'b' }],
    nodeSelector: { zone: 'a' },
    storageClassName: null,
    extra: { x: 1 },
  });

  it('returns a well-formed value itself, not a copy', () => {
    const input = clean();
    expect(conformShared(spec, input)).toBe(input);
  });

  it('copies only the objects on the way to a change, and shares the rest', () => {
    const input = { ...clean(), nodeSelector: { zone: 'a', empty: null } };
    const out = conformShared(spec, input) as typeof input;
    expect(out).not.toBe(input);
    expect(out.nodeSelector).toEqual({ zone: 'a', empty: '' });
    expect(out.containers).toBe(input.containers);
    expect(out.extra).toBe(input.extra);
    const quantities = { a: 1, b: '2Gi' };
    const q = conformShared(object({ requests: stringMap, sizes: object({ a: quantity, b: quantity }) }), { requests: { cpu: '1' }, sizes: quantities }) as {
      sizes: unknown;
      requests: unknown;
    };
    expect(q.sizes).toEqual({ a: '1', b: '2Gi' });
    expect(quantities).toEqual({ a: 1, b: '2Gi' });
  });

  it('cleans exactly as conform does, and fails the same way', () => {
    const inputs: unknown[] = [
      clean(),
      { containers: [], nodeSelector: null, storageClassName: null },
      { containers: [{ name: 'a', ports: null }], tolerations: [] },
      JSON.parse('{"containers": [], "__proto__": {"polluted": true}, "nodeSelector": {"__proto__": "x", "k": null}}'),
    ];
    for (const input of inputs) expect(conformShared(spec, input)).toEqual(conform(spec, input));
    const shared = (value: unknown) => {
      try {
        conformShared(spec, value);
      } catch (error) {
        return (error as ShapeError).describe();
      }
      return null;
    };
    expect(shared({ containers: [{ name: 'a', ports: [{ containerPort: '80' }] }] })).toBe(
      failure(spec, { containers: [{ name: 'a', ports: [{ containerPort: '80' }] }] }),
    );
    expect(shared({})).toBe('containers is required');
  });
});
