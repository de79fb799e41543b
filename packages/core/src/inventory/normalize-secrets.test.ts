import { describe, expect, it } from 'vitest';
import { deployment, normalize, object } from './__fixtures__/raw.js';

// Planted in every place a Secret's data can hide; it must come out nowhere.
const PLANTED = 'hunter2-planted-secret-value';
const PLANTED_B64 = Buffer.from(PLANTED).toString('base64');

function everything(result: ReturnType<typeof normalize>): string {
  return JSON.stringify(result);
}

describe('Secrets', () => {
  it('are known by name and type only', () => {
    const lastApplied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', stringData: { password: PLANTED } });
    const result = normalize(
      object('v1', 'Secret', 'db', 'shop', {
        metadata: { name: 'db', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } },
        type: 'Opaque',
        data: { password: PLANTED_B64 },
        stringData: { password: PLANTED },
      }),
      object('v1', 'Secret', 'tls', undefined, { type: 'kubernetes.io/tls', data: { 'tls.key': PLANTED_B64 } }),
    );
    expect(result.inventory.secrets).toEqual([
      { namespace: 'default', name: 'tls', type: 'kubernetes.io/tls' },
      { namespace: 'shop', name: 'db', type: 'Opaque' },
    ]);
    expect(result.problems).toEqual([]);
    expect(everything(result)).not.toContain(PLANTED);
    expect(everything(result)).not.toContain(PLANTED_B64);
  });

  it('leak through no other object, list, duplicate or error message', () => {
    const secret = object('v1', 'Secret', 'db', 'shop', { data: { password: PLANTED_B64 }, stringData: { password: PLANTED } });
    const result = normalize(
      // In a List, twice (the duplicate is reported).
      { apiVersion: 'v1', kind: 'List', items: [secret, secret] },
      // Malformed Secrets are reported without their content.
      object('v1', 'Secret', 'broken', 'shop', { type: 42, data: { password: PLANTED_B64 } }),
      object('v1', 'Secret', 'bad-labels', 'shop', {
        metadata: { name: 'bad-labels', namespace: 'shop', labels: { version: 1 } },
        data: { password: PLANTED_B64 },
      }),
      { apiVersion: 'v1', kind: 'Secret', data: { password: PLANTED_B64 } },
      // Any object applied with kubectl apply keeps its last applied form in an annotation.
      object('v1', 'ConfigMap', 'app', 'shop', {
        metadata: { name: 'app', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': PLANTED } },
        data: {},
      }),
      {
        ...deployment('web', 'shop'),
        metadata: { name: 'web', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': PLANTED } },
      },
      // A typed SecretList straight from the API.
      { apiVersion: 'v1', kind: 'SecretList', items: [{ metadata: { name: 'from-api', namespace: 'shop' }, data: { password: PLANTED_B64 } }] },
    );
    expect(result.inventory.secrets.map((s) => s.name)).toEqual(['db', 'from-api']);
    expect(result.problems.map((p) => p.severity)).toEqual(['skipped', 'error', 'error', 'error']);
    expect(everything(result)).not.toContain(PLANTED);
    expect(everything(result)).not.toContain(PLANTED_B64);
  });
});
