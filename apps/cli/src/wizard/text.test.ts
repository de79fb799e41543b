import { describe, expect, it } from 'vitest';
import { plural, wrap, wrapCommand } from './text.js';

describe('wrap', () => {
  it('gives a line that fits back as it is, indented', () => {
    expect(wrap('shop/cart: fargate → auto-mode (2 findings)', 80, '  ')).toEqual(['  shop/cart: fargate → auto-mode (2 findings)']);
    expect(wrap('', 80)).toEqual(['']);
  });

  it('tidies spacing the same way whether or not the text fits', () => {
    expect(wrap('a  b', 80)).toEqual(['a b']);
    expect(wrap(' a b ', 80)).toEqual(['a b']);
    expect(wrap('a\tb', 80)).toEqual(['a b']);
    expect(wrap('a\nb', 80, '> ')).toEqual(['> a', '> b']);
  });

  it('breaks longer text between words, and never cuts a word longer than the line (a URL stays whole)', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijkl', 8)).toEqual(['abcdefghijkl']);
    expect(wrap('see https://docs.aws.amazon.com/eks/latest/userguide/automode.html', 30)).toEqual([
      'see',
      'https://docs.aws.amazon.com/eks/latest/userguide/automode.html',
    ]);
  });
});

describe('wrapCommand', () => {
  it('keeps a command that fits on one row', () => {
    expect(wrapCommand('kubectl get pods -A', 40, '  ')).toEqual(['  $ kubectl get pods -A']);
  });

  it('breaks a long command between words with a shell continuation, never inside a word or a quoted argument', () => {
    const command = "aws eks update-cluster-config --name shop-prod --access-config authenticationMode=API --query 'a b c'";
    const rows = wrapCommand(command, 40, '  ');
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(40);
    expect(rows.map((r) => r.trim().replace(/^\$ /, '').replace(/ \\$/, '')).join(' ')).toBe(command);
    expect(rows.some((r) => r.includes("'a b c'"))).toBe(true);
    expect(rows.slice(0, -1).every((r) => r.endsWith(' \\'))).toBe(true);
  });
});

describe('plural', () => {
  it('counts in English', () => {
    expect(['1 PVC', '2 PVCs', '1 IngressClass', '2 IngressClasses', '1 policy', '3 policies', '2 Deployments']).toEqual([
      plural(1, 'PVC'),
      plural(2, 'PVC'),
      plural(1, 'IngressClass'),
      plural(2, 'IngressClass'),
      plural(1, 'policy'),
      plural(3, 'policy'),
      plural(2, 'Deployment'),
    ]);
  });
});
