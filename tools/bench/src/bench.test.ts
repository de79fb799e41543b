// A smoke test that keeps `npm run bench` runnable: a small estate, one run of each measurement.
// No timing is asserted; timing is what the bench itself is for.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, median } from './measure.js';
import { benchCase } from './run.js';
import { checkTargets, formatResults, type BenchResults } from './summary.js';

const WORKLOADS = 200;

describe('bench', () => {
  it('measures a small estate in fresh processes and reports the result shape', async () => {
    assertBuilt();
    const result = await benchCase('to-fargate', WORKLOADS, {
      sizes: [WORKLOADS],
      runs: 1,
      formats: ['json', 'yaml'],
      directions: ['to-fargate'],
      inputDir: mkdtempSync(join(tmpdir(), 'modeshift-bench-')),
    });
    expect(result).toMatchObject({ direction: 'to-fargate', target: 'fargate', workloads: WORKLOADS });
    for (const format of ['json', 'yaml'] as const) {
      const input = result.inputs[format]!;
      expect(result.files[format]!.bytes).toBeGreaterThan(0);
      for (const m of [input.baseline, input.load, input.e2e]) {
        expect(m.samples).toHaveLength(1);
        expect(m.wallMs).toBeGreaterThan(0);
        expect(m.maxRssMb).toBeGreaterThan(0);
      }
      expect(input.load.ms).toBeGreaterThan(0);
      expect(input.load.extra.workloads).toBe(WORKLOADS);
      expect(input.e2e.ms).toBeNull();
    }
    const plan = result.phases.plan!;
    expect(plan.extra.findings).toBeGreaterThan(0);
    expect(plan.extra.steps).toBeGreaterThan(0);
    for (const phase of ['render-text', 'render-json', 'render-md'] as const) expect(result.phases[phase]!.extra.bytes).toBeGreaterThan(0);
    const wizard = result.phases.wizard!.extra;
    for (const key of [
      'firstFrameMs',
      'resumeFirstFrameMs',
      'savedMs',
      'earlyKeyMs',
      'overviewKeyMs',
      'findingsKeyMs',
      'stepsKeyMs',
      'findingsOpenMs',
      'stepsOpenMs',
    ]) {
      expect(wizard[key], key).toBeGreaterThan(0);
    }
    expect(wizard.findings).toBe(plan.extra.findings);
    expect(wizard.steps).toBe(plan.extra.steps);

    const results: BenchResults = {
      schemaVersion: 1,
      machine: { cores: 2, node: process.version, platform: process.platform, arch: process.arch, cpu: 'test', memoryGb: 1 },
      date: '2026-01-01T00:00:00.000Z',
      config: { sizes: [WORKLOADS], runs: 1, formats: ['json', 'yaml'], directions: ['to-fargate'], seed: 1 },
      startup: { help: result.inputs.json!.e2e, modules: { help: 1, plan: 1 }, uiOrPulumi: [] },
      cases: [result],
      targets: checkTargets([result], { help: result.inputs.json!.e2e, modules: { help: 1, plan: 1 }, uiOrPulumi: [] }),
    };
    expect(results.targets.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('JSON'),
        expect.stringContaining('peak RSS'),
        expect.stringContaining("wizard's first frame"),
        expect.stringContaining('wizard keypress'),
      ]),
    );
    expect(formatResults(results)).toContain('to-fargate');
    expect(formatResults(results)).toMatch(/^wizard, ms after the plan is ready/m);
  }, 180_000);

  it('measures only the phases asked for', async () => {
    assertBuilt();
    const result = await benchCase('to-auto-mode', 50, {
      sizes: [50],
      runs: 1,
      formats: ['json'],
      directions: ['to-auto-mode'],
      phases: ['wizard'],
      inputDir: mkdtempSync(join(tmpdir(), 'modeshift-bench-')),
    });
    expect(result.inputs).toEqual({});
    expect(Object.keys(result.phases)).toEqual(['wizard']);
    expect(result.phases.wizard!.ms).toBe(result.phases.wizard!.extra.firstFrameMs);
  }, 120_000);

  it("plans the compact List, indented and on one line, to JSON, text and Markdown, and checks issue 18's targets on it", async () => {
    assertBuilt();
    const result = await benchCase('to-auto-mode', 50, {
      sizes: [50],
      runs: 1,
      formats: ['compact', 'compact-line'],
      directions: ['to-auto-mode'],
      phases: ['inputs', 'render-json'],
      inputDir: mkdtempSync(join(tmpdir(), 'modeshift-bench-')),
    });
    const indented = result.files.compact!;
    const line = result.files['compact-line']!;
    expect(line.bytes).toBeLessThan(indented.bytes);
    expect(readFileSync(line.path, 'utf8').trimEnd()).not.toContain('\n');
    const items = (JSON.parse(readFileSync(indented.path, 'utf8')) as { items: Record<string, unknown>[] }).items;
    expect(items.filter((i) => typeof i.kind === 'string' && 'status' in i)).toEqual([]);
    for (const format of ['compact', 'compact-line'] as const) {
      const input = result.inputs[format]!;
      for (const m of [input.baseline, input.load, input.e2e, input.text!, input.md!]) expect(m.wallMs).toBeGreaterThan(0);
      expect(input.load.extra.workloads).toBe(50);
    }
    const names = checkTargets([result]).map((t) => t.name);
    for (const shape of ['compact List', 'one-line compact List']) {
      for (const what of [
        'plan --format json vs parse-only',
        'plan --format text vs --format json',
        'plan --format md vs --format json',
        'peak RSS',
        'plan JSON size',
      ]) {
        expect(
          names.some((n) => n.includes(`${shape}:`) && n.includes(what)),
          `${shape} ${what}`,
        ).toBe(true);
      }
    }
  }, 120_000);

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
