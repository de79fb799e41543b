import { describe, expect, it } from 'vitest';
import { irsaNames } from './irsa-names.js';

describe('IRSA role and file names', () => {
  it('tell apart service accounts whose dashed names run together', () => {
    const one = irsaNames('shop', 'us-east-1', 'a-b', 'c');
    const two = irsaNames('shop', 'us-east-1', 'a', 'b-c');
    expect(one).toEqual({ role: 'shop.us-east-1.a-b.c', file: 'irsa-a-b.c.json' });
    expect(two).toEqual({ role: 'shop.us-east-1.a.b-c', file: 'irsa-a.b-c.json' });
  });

  it('give a cluster of the same name in another Region its own roles (IAM is account-wide)', () => {
    expect(irsaNames('prod', 'us-east-1', 'api', 'orders').role).not.toBe(irsaNames('prod', 'eu-west-1', 'api', 'orders').role);
  });

  it('stay within 64 characters and apart when cut', () => {
    const long = 'x'.repeat(60);
    const a = irsaNames('prod', 'us-east-1', long, 'one');
    const b = irsaNames('prod', 'us-east-1', long, 'two');
    for (const n of [a, b]) expect(n.role.length).toBeLessThanOrEqual(64);
    expect(a.role).not.toBe(b.role);
    expect(a.role).toMatch(/^prod\.us-east-1\.x+-[0-9a-f]{8}$/);
    expect(a.file).not.toBe(b.file);
  });

  it('never make a path or an IAM name from characters Kubernetes would not allow', () => {
    const odd = irsaNames('prod', 'us-east-1', '../etc', 'a/b');
    expect(odd.file).toMatch(/^irsa-[a-z0-9-]+-[0-9a-f]{8}\.json$/);
    expect(odd.role).toMatch(/^[a-z0-9.-]+$/);
  });
});
