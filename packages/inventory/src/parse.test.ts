import { describe, expect, it } from 'vitest';
import { loadInventoryFromStrings } from './load.js';
import { parseText } from './parse.js';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: main
`;

describe('YAML', () => {
  it('gives each document the line it starts on, comments and markers aside', () => {
    const text = `# rendered by helm\n---\n${deployment('a')}---\n# Source: b.yaml\n${deployment('b')}---\n`;
    const { documents, problems } = parseText('app.yaml', text);
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.origin)).toEqual([
      { file: 'app.yaml', line: 3 },
      { file: 'app.yaml', line: 14 },
    ]);
  });

  it('gives each List item its own line', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Namespace
    metadata: {name: a}
  - apiVersion: v1
    kind: Namespace
    metadata: {name: b}
metadata:
  resourceVersion: ""
`;
    const { documents } = parseText('list.yaml', text);
    expect(documents.map((d) => [(d.value as { metadata: { name: string } }).metadata.name, d.origin.line])).toEqual([
      ['a', 4],
      ['b', 7],
    ]);
  });

  it('reports a syntax error with its line and the parser reason, and still reads the other documents', () => {
    const text = `${deployment('before')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n  name: broken: twice\n---\n${deployment('after')}`;
    const result = loadInventoryFromStrings([{ file: 'mixed.yaml', text }]);
    expect(result.inventory.workloads.map((w) => w.metadata.name)).toEqual(['after', 'before']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'mixed.yaml', line: 15, severity: 'error' });
    expect(result.problems[0]?.message).toMatch(/^invalid YAML at column \d+: \S/);
    expect(result.problems[0]?.message).not.toContain('\n');
  });

  it('reads a repeated key as its last value, as kubectl does, and says so', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: carts\ndata:\n  CREATE: "false"\n  CREATE: "true"\n`;
    const result = loadInventoryFromStrings([{ file: 'cm.yaml', text }]);
    expect(result.inventory.configMaps[0]?.data).toEqual({ CREATE: 'true' });
    expect(result.problems).toEqual([
      { file: 'cm.yaml', line: 7, severity: 'warning', message: 'the same key appears twice in one mapping; the later value is used' },
    ]);
  });

  it('ignores empty documents and a byte-order mark', () => {
    const { documents, problems } = parseText('bom.yaml', `\uFEFF---\n---\n# nothing\n---\n${deployment('a')}`);
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.origin.line)).toEqual([5]);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const text =
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const { documents, problems } = parseText('bomb.yaml', text);
    expect(documents).toEqual([]);
    expect(problems).toMatchObject([{ file: 'bomb.yaml', line: 1, severity: 'error' }]);
  });
});

describe('JSON', () => {
  it('reads kubectl -o json output, List items on the line of the List', () => {
    const text = `\n${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }] }, null, 2)}`;
    const { documents } = parseText('ns.json', text);
    expect(documents).toEqual([
      { value: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }, origin: { file: 'ns.json', line: 2 }, inList: true },
    ]);
  });

  it('reports a syntax error with its line and never quotes the text around it', () => {
    const secret = 'cGFzc3dvcmQtdGhhdC1tdXN0LW5vdC1sZWFr';
    const text = `{\n  "apiVersion": "v1",\n  "kind": "Secret",\n  "data": {"password": "${secret}" "x": 1}\n}\n`;
    const { documents, problems } = parseText('secret.json', text);
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'secret.json', line: 4, severity: 'error' });
    expect(problems[0]?.message).toMatch(/^invalid JSON at column \d+: /);
    expect(problems[0]?.message).not.toContain(secret);
  });

  it('reports a truncated file on its last line with content', () => {
    const { problems } = parseText('cut.json', '{\n  "cluster": {\n    "name": "demo"\n\n');
    expect(problems).toMatchObject([{ file: 'cut.json', line: 3, severity: 'error' }]);
  });

  it('reports near-JSON such as a trailing comma as bad JSON at its column, without the YAML parser', () => {
    const { documents, problems } = parseText('trailing.json', '{"SecurityGroups": [{"GroupId": "sg-1"},]}');
    expect(documents).toEqual([]);
    expect(problems).toEqual([
      { file: 'trailing.json', line: 1, severity: 'error', message: 'invalid JSON at column 41: unexpected character (a value expected)' },
    ]);
  });
});
