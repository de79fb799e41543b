import { describe, expect, it } from 'vitest';
import { parseText } from './parse.js';

const MARKER = 'hunter2-do-not-print';

const secretWith = (value: string) =>
  ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: s', 'stringData:', '  ok: fine', `  leaked: ${value}`, ''].join('\n');

describe('YAML errors never quote the input', () => {
  for (const value of [`*${MARKER}`, `|${MARKER}`, `>${MARKER}`, `!e!${MARKER}`, `&${MARKER}`, `@${MARKER}`, `%${MARKER}`]) {
    it(`names file, line and problem for a Secret value starting like ${value.charAt(0)}`, () => {
      const { documents, problems } = parseText('secret.yaml', secretWith(value));
      const text = JSON.stringify(problems);
      expect(text).not.toContain(MARKER);
      if (problems.length > 0) {
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ file: 'secret.yaml', line: 7, severity: 'error' });
      } else {
        // What YAML reads as a plain string is fine: the value never leaves the reader for a Secret.
        expect(documents).toHaveLength(1);
      }
    });
  }

  it('points an alias that refers to no anchor at its own line, not the document start', () => {
    const { problems } = parseText('a.yaml', `---\n${secretWith(`*${MARKER}`)}`);
    expect(problems).toEqual([
      {
        file: 'a.yaml',
        line: 8,
        severity: 'error',
        message: 'invalid YAML: an alias (*name) refers to no earlier anchor (&name); quote the value if it is not meant as an alias',
      },
    ]);
  });

  it('names the line of the second document in a multi-document file', () => {
    const text = `${['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: a'].join('\n')}\n---\n${secretWith(`|${MARKER}`)}`;
    const { documents, problems } = parseText('multi.yaml', text);
    expect(documents).toHaveLength(1);
    expect(problems).toMatchObject([{ line: 12, severity: 'error' }]);
    expect(problems[0]?.message).toMatch(/^invalid YAML at column \d+: /);
  });
});

describe('YAML anchors and aliases are bounded', () => {
  it('fails an alias bomb with a clear message instead of expanding it', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const { documents, problems } = parseText('bomb.yaml', lines.join('\n'));
    expect(documents).toEqual([]);
    expect(problems).toMatchObject([{ file: 'bomb.yaml', line: 1, severity: 'error' }]);
    expect(problems[0]?.message).toMatch(/aliases would expand to more than \d+ copies/);
  });

  it('refuses a document with thousands of aliases at the first alias over the limit', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: many', 'data:', '  a: &a x'];
    for (let i = 0; i < 1500; i++) lines.push(`  k${i}: *a`);
    const { problems } = parseText('many.yaml', lines.join('\n'));
    expect(problems).toMatchObject([{ line: 7 + 1000, severity: 'error' }]);
    expect(problems[0]?.message).toMatch(/more than 1000 aliases/);
  });

  it('reads a mapping with 20,000 anchored keys in linear time', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: wide', 'data:'];
    for (let i = 0; i < 20_000; i++) lines.push(`  k${i}: &a${i} v${i}`);
    const started = performance.now();
    const { documents, problems } = parseText('wide.yaml', lines.join('\n'));
    // Quadratic work took minutes here; linear work takes well under a second even on a busy machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(problems).toEqual([]);
    expect(Object.keys((documents[0]?.value as { data: object }).data)).toHaveLength(20_000);
  });

  it('still reports a repeated key, at the repeat', () => {
    const { documents, problems } = parseText('dup.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n');
    expect(problems).toMatchObject([{ line: 5, severity: 'warning' }]);
    expect(documents[0]?.value).toMatchObject({ metadata: { name: 'b' } });
  });
});

describe('text that starts as JSON is read as JSON only', () => {
  it('reports a .yaml file holding broken JSON as bad JSON at its line and column', () => {
    const text = `{\n  "apiVersion": "v1",\n  "kind": "Secret",\n  "data": {"k": "${MARKER}" x}\n}\n`;
    const { problems } = parseText('secret.yaml', text);
    const column = `  "data": {"k": "${MARKER}" `.length + 1;
    expect(problems).toEqual([
      { file: 'secret.yaml', line: 4, severity: 'error', message: `invalid JSON at column ${column}: unexpected character (',' or '}' expected)` },
    ]);
    expect(problems[0]?.message).not.toContain(MARKER);
  });

  it('names the line of one bad byte deep inside a JSON List', () => {
    const items = Array.from({ length: 200 }, (_, i) => `    {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n${i}"}}`);
    items[150] = items[150]!.replace('"metadata"', '\u0001"metadata"');
    const text = `{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n${items.join(',\n')}\n  ]\n}\n`;
    const { problems } = parseText('list.json', text);
    expect(problems).toMatchObject([{ line: 5 + 150, severity: 'error' }]);
    // The bad byte sits right after `{"apiVersion": "v1", "kind": "Namespace", ` on its line.
    const column = '    {"apiVersion": "v1", "kind": "Namespace", '.length + 1;
    expect(problems[0]?.message).toBe(`invalid JSON at column ${column}: unexpected character (a quoted key expected)`);
  });
});
