import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonList, type ReadSizes } from './json-list.js';
import { loadInventory, loadInventoryFromStrings } from './load.js';

// Tiny groups and a tiny buffer: every cut, refill and growth path runs on files of a few KB.
const SMALL: ReadSizes = { minFileBytes: 0, groupBytes: 300, windowBytes: 1024 };

let root: string;
let count = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'modeshift-json-list-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(text: string): Promise<string> {
  const path = join(root, `list-${count++}.json`);
  await writeFile(path, text);
  return path;
}

const deployment = (i: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: `app-${i}`, namespace: `ns-${i % 3}`, labels: { app: `app-${i}` }, annotations: { note: 'a }, b' } },
  spec: {
    replicas: i % 4,
    selector: { matchLabels: { app: `app-${i}` } },
    template: { metadata: { labels: { app: `app-${i}` } }, spec: { containers: [{ name: 'main', image: `repo/app:${i}`, args: ['{', '},', ']'] }] } },
  },
  ...extra,
});

const list = (items: unknown[], rest: Record<string, unknown> = { kind: 'List', metadata: { resourceVersion: '' } }) =>
  `${JSON.stringify({ apiVersion: 'v1', items, ...rest }, null, 4)}\n`;

const items = Array.from({ length: 40 }, (_, i) => deployment(i));

/** The fast reader must give what JSON.parse of the whole file gives, or decline. */
async function expectSameAsParse(text: string, groups: number, sizes = SMALL): Promise<void> {
  const result = await readJsonList(await write(text), sizes);
  expect(result).not.toBeNull();
  expect(result!.value).toEqual(JSON.parse(text.replace(/^\uFEFF/, '')));
  // Cut where its size says (these items are longer than a small group: one group each), not read as
  // one piece after a failed cut.
  expect(result!.groups).toBe(groups);
}

describe('readJsonList', () => {
  it('reads a kubectl-style List as JSON.parse would, across many groups and buffer refills', async () => {
    await expectSameAsParse(list(items), 40);
    await expectSameAsParse(list(items), 1, { minFileBytes: 0, groupBytes: 96 * 1024, windowBytes: 8 * 1024 * 1024 });
  });

  it('grows its buffer for an item larger than the buffer', async () => {
    const big = deployment(0, { data: { blob: 'x'.repeat(5000) } });
    await expectSameAsParse(list([deployment(1), big, deployment(2)]), 3);
  });

  it('keeps non-ASCII text, a byte-order mark, CRLF line ends and two-space indentation', async () => {
    const named = [deployment(1, { metadata: { name: 'café-ü-日本', annotations: { 'ex.com/emoji': '🚀 – “quoted”' } } }), ...items.slice(0, 10)];
    await expectSameAsParse(`\uFEFF${list(named)}`, 11);
    await expectSameAsParse(list(items).replace(/\n/g, '\r\n'), 40);
    await expectSameAsParse(`${JSON.stringify({ apiVersion: 'v1', items, kind: 'List' }, null, 2)}\n`, 40);
  });

  it('skips braces at the items\u2019 indentation in the List\u2019s own fields after the items', async () => {
    const rest = { kind: 'List', metadata: { nested: { deeper: { x: 1 } }, resourceVersion: '' } };
    await expectSameAsParse(list(items.slice(0, 5), rest), 5);
  });

  it('gives the value JSON.parse gives when the List repeats its items key', async () => {
    const first = list(items.slice(0, 3));
    const repeated = first.replace(/\n}\n$/, ',\n    "items": []\n}\n');
    const path = await write(repeated);
    // JSON.parse keeps the last items (none): the reader declines rather than give the first.
    expect(await readJsonList(path, SMALL)).toBeNull();
    expect((await loadInventory([path])).files).toEqual([{ file: path, documents: 0 }]);
  });

  it('counts the line the List starts on', async () => {
    const result = await readJsonList(await write(`\n\n${list(items.slice(0, 2))}`), SMALL);
    expect(result?.firstLine).toBe(3);
  });

  it('declines what it cannot split, so the file is read whole', async () => {
    expect(await readJsonList(await write(JSON.stringify({ apiVersion: 'v1', items, kind: 'List' })), SMALL)).toBeNull();
    expect(await readJsonList(await write(list([])), SMALL)).toBeNull();
    expect(await readJsonList(await write(JSON.stringify(deployment(1), null, 4)), SMALL)).toBeNull();
    const broken = list(items.slice(0, 6)).replace('"app-3"', '"app-3" "oops"');
    expect(await readJsonList(await write(broken), SMALL)).toBeNull();
    const truncated = list(items.slice(0, 6)).slice(0, -40);
    expect(await readJsonList(await write(truncated), SMALL)).toBeNull();
  });
});

describe('loadInventory on a JSON List', () => {
  // Over the size below which files are read whole.
  const many = Array.from({ length: 2500 }, (_, i) => deployment(i));

  it('gives the same inventory and problems as reading the text whole', async () => {
    const text = list([...many, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'ns-0' }, data: { k: 'djE=' } }, { kind: 'Nothing' }]);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const path = await write(text);
    const fast = await loadInventory([path]);
    const whole = loadInventoryFromStrings([{ file: path, text }]);
    expect(fast.inventory.workloads).toHaveLength(2500);
    expect(fast).toEqual(whole);
  });

  it('reports a broken List with the whole-file message and line', async () => {
    const text = list(many).replace('"app-2000"', '"app-2000" "oops"');
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const path = await write(text);
    const result = await loadInventory([path]);
    expect(result.problems).toEqual(loadInventoryFromStrings([{ file: path, text }]).problems);
    expect(result.problems[0]).toMatchObject({ file: path, severity: 'error' });
    expect(result.problems[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('oops')) + 1);
  });
});
