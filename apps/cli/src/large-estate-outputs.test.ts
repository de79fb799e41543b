// Issue 18's targets, measured on the generated estate: a person can read the text and the Markdown of a
// 300-workload cluster, every workload that moves is named in the wave that moves it, and at 20,000
// workloads the Markdown stays under 10 MB and the plan JSON within 1.5 times the size of the List it
// was made from. Sizes and line counts only: timings belong to `npm run bench`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJsonTo, renderMarkdown, type Plan, type Step } from '@modeshift/core';
import { compactDocuments, generateInventory, toJsonList, type Direction } from '@modeshift/synthetic-estate';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './cli.js';
import { planFromPaths } from './commands/plan.js';
import { captureIo } from './testing.js';

const TARGET: Record<Direction, 'auto-mode' | 'fargate'> = { 'to-auto-mode': 'auto-mode', 'to-fargate': 'fargate' };
const DIRECTIONS = ['to-auto-mode', 'to-fargate'] as const;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The estate as a compact List (no status, as many exports are), in a folder of its own. */
function estate(direction: Direction, workloads: number, singleLine: boolean): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), `modeshift-${workloads}-`));
  dirs.push(dir);
  const text = toJsonList(compactDocuments(generateInventory({ workloads, direction }).documents), { singleLine });
  writeFileSync(join(dir, 'inventory.json'), text);
  return { dir, bytes: Buffer.byteLength(text) };
}

async function plan(dir: string, to: string, format: string): Promise<string> {
  const io = captureIo();
  expect(await run(['plan', dir, '--to', to, '--format', format], io)).toBe(0);
  return io.out();
}

/** "Deployment/shop/cart" → its kind and name. */
function kindAndName(key: string): { kind: string; name: string } {
  const [kind = '', , ...name] = key.split('/');
  return { kind, name: name.join('/') };
}

/** A word of `text` that is exactly `name`: "cart-1" is not found in "cart-10". */
function namesWord(text: string, name: string): boolean {
  return new RegExp(`(^|[\\s,;:\`(])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,;:\`)])`, 'm').test(text);
}

/** The waves that move each workload: every moving workload is in exactly one. */
function waveOf(json: Plan): Map<string, Step> {
  const waves = json.stages.find((s) => s.id === 'waves')!.steps.filter((s) => s.kind === 'wave');
  const map = new Map<string, Step>();
  for (const wave of waves) for (const w of wave.workloads) map.set(w, wave);
  return map;
}

describe.each(DIRECTIONS)('the plan of a generated 300-workload estate, %s', (direction) => {
  const { dir } = estate(direction, 300, false);
  const to = TARGET[direction];
  const outputs = (async () => {
    const jsonText = await plan(dir, to, 'json');
    return { jsonText, json: JSON.parse(jsonText) as Plan, text: await plan(dir, to, 'text'), md: await plan(dir, to, 'md') };
  })();

  it("writes each rule's remediation once, in its catalogue entry, not in the findings that share it", async () => {
    const { json, jsonText } = await outputs;
    const entries = Object.values(json.rules);
    for (const [id, entry] of Object.entries(json.rules)) {
      const written = jsonText.split(JSON.stringify(entry.remediation)).length - 1;
      const rules = entries.filter((e) => e.remediation === entry.remediation).length;
      const own = json.findings.filter((f) => f.remediation === entry.remediation).length;
      expect(written, id).toBe(rules + own);
      expect(own, id).toBe(0);
    }
  });

  it('reads as at most 800 lines of text, naming every moving workload in the wave that moves it', async () => {
    const { json, text } = await outputs;
    expect(text.split('\n').length).toBeLessThanOrEqual(800);
    const moving = json.workloads.filter((w) => w.outcome === 'moves');
    // Most of the 300 move; the estate's Jobs carry no status, so they finish where they run instead.
    expect(moving.length).toBeGreaterThan(150);
    // A step's block runs from its title (which holds its id) to the next step or stage.
    const blocks = new Map<string, string>();
    for (const block of text.split(/\n(?= {2}- |\d+\. )/)) {
      const id = /\[([^\]\s]+)\]/.exec(block)?.[1];
      if (id) blocks.set(id, block);
    }
    const waves = waveOf(json);
    for (const w of moving) {
      const wave = waves.get(w.workload);
      expect(wave, w.workload).toBeDefined();
      const { kind, name } = kindAndName(w.workload);
      const block = blocks.get(wave!.id) ?? '';
      expect(block, w.workload).toContain(kind);
      expect(namesWord(block, name), w.workload).toBe(true);
    }
  });

  it('fits the Markdown into 1,500 lines, every step a task and every moving workload named in its wave', async () => {
    const { json, md } = await outputs;
    expect(md.split('\n').length).toBeLessThanOrEqual(1500);
    const steps = json.stages.flatMap((s) => s.steps);
    expect(md.match(/^- \[ \] /gm)).toHaveLength(steps.length);
    // A task item runs from its task line to the next task or heading.
    const items = new Map<string, string>();
    for (const item of md.split(/\n(?=- \[[ x]\] |#)/)) {
      const id = /^- \[[ x]\] .*? · `([^`]+)`/.exec(item)?.[1];
      if (id) items.set(id, item);
    }
    const waves = waveOf(json);
    for (const w of json.workloads.filter((o) => o.outcome === 'moves')) {
      const item = items.get(waves.get(w.workload)!.id) ?? '';
      const { kind, name } = kindAndName(w.workload);
      expect(item, w.workload).toContain(kind);
      expect(item, w.workload).toContain(`\`${name}\``);
    }
  });
});

describe.each(DIRECTIONS)('the plan of a generated 20,000-workload estate, %s', (direction) => {
  it('writes under 10 MB of Markdown and at most 1.5 bytes of JSON per byte of the List, as kubectl writes it', { timeout: 180_000 }, async () => {
    const { dir, bytes } = estate(direction, 20_000, false);
    const planned = await planFromPaths([dir], { to: TARGET[direction] }, captureIo());
    expect(planned.summary.workloads.total).toBe(20_000);
    let json = 0;
    renderJsonTo(planned, (chunk) => (json += Buffer.byteLength(chunk)));
    expect(json / bytes).toBeLessThanOrEqual(1.5);
    expect(Buffer.byteLength(renderMarkdown(planned))).toBeLessThan(10_000_000);
  });
});
