import { describe, expect, it } from 'vitest';
import { outline } from './__fixtures__/markdown-outline.js';
import { Anchors, code, fence, githubSlug, inline, tableRow, url } from './markdown/syntax.js';

describe('githubSlug', () => {
  it.each([
    ['F1. Deployment/data/reports (arm64)', 'f1-deploymentdatareports-arm64'],
    ['5. Workload waves', '5-workload-waves'],
    ['Namespace payments-eu', 'namespace-payments-eu'],
    ['a -- b_c', 'a----b_c'],
    ['Straße über Ärger', 'straße-über-ärger'],
    ['Blockers → next!', 'blockers--next'],
  ])('%s → %s', (text, slug) => expect(githubSlug(text)).toBe(slug));
});

describe('Anchors', () => {
  it('numbers repeated headings the way GitHub does and resolves links written before them', () => {
    const a = new Anchors();
    const doc = [a.link('third', 'go'), a.heading(2, 'first', 'X'), a.heading(2, 'second', 'X'), a.heading(2, 'third', 'X-1')].join('\n\n');
    expect(a.resolve(doc)).toBe('[go](#x-1-1)\n\n## X\n\n## X\n\n## X-1');
  });

  it('refuses a link to a heading that never came', () => {
    const a = new Anchors();
    expect(() => a.resolve(a.link('nowhere', 'x'))).toThrow(/nowhere/);
  });
});

describe('inline text', () => {
  it('keeps code spans, escapes tags and backslashes outside them, and flattens new lines', () => {
    expect(inline('use `kubectl get <x>` on <cluster-name>\nthen C:\\tmp')).toBe('use `kubectl get <x>` on &lt;cluster-name><br>then C:\\\\tmp');
  });

  it('leaves an unmatched backtick literal', () => {
    const rendered = inline('a ` lone tick and ``double`` code');
    expect(rendered).toBe('a \\` lone tick and ``double`` code');
  });

  it('a code span of text without backticks or line breaks is the text in single backticks, carriage returns kept', () => {
    expect(code('Deployment/web')).toBe('`Deployment/web`');
    expect(code('a\rb')).toBe('`a\rb`');
    expect(code('')).toBe('``');
  });

  it('code spans survive backticks at the edges and inside', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`edge`')).toBe('`` `edge` ``');
  });

  it('table rows escape pipes even inside code spans', () => {
    const row = tableRow([code('a|b'), inline('x | y\nz')]);
    expect(row).toBe('| `a\\|b` | x \\| y<br>z |');
    const parsed = outline(`| h1 | h2 |\n|---|---|\n${row}\n`).tables[0]?.rows;
    expect(parsed).toEqual([['a|b', 'x | yz']]);
  });
});

describe('fence', () => {
  it('is longer than the longest backtick run inside and indents every non-blank line', () => {
    expect(fence('yaml', 'a: "````"\n\nb: 1\n', '  ')).toEqual(['  `````yaml', '  a: "````"', '', '  b: 1', '  `````']);
    expect(fence('bash', 'echo hi')).toEqual(['```bash', 'echo hi', '```']);
  });
});

describe('url', () => {
  it('encodes what would end a link destination', () => {
    expect(url('https://x.test/a b(c)<d>')).toBe('https://x.test/a%20b%28c%29%3Cd%3E');
  });
});
