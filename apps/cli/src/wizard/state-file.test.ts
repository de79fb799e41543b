import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildContext, buildPlan, type Plan } from '@modeshift/core';
import { loadInventory } from '@modeshift/inventory';
import { EXAMPLES } from '../testing.js';
import {
  defaultStatePath, loadState, newState, parseState, planStepIds, reconcile, removeStaleTemps, saveState, setAside, STATE_FILE_NAME,
  type ProgressState,
} from './state-file.js';

// vitest types its asymmetric matchers as `any`; typed as `unknown` they can sit in an expected object safely.
const containing = (text: string): unknown => expect.stringContaining(text);
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

const dir = () => mkdtempSync(join(tmpdir(), 'modeshift-state-'));

async function examplePlan(): Promise<Plan> {
  const { inventory } = await loadInventory([join(EXAMPLES, 'fargate-to-auto-mode', 'inventory')]);
  return buildPlan(buildContext(inventory, { target: 'auto-mode', clusterVersion: null }));
}

function withSteps(plan: Plan, steps: ProgressState['steps']): ProgressState {
  return { ...newState(plan, ['/inv'], null), steps };
}

describe('state file', () => {
  it('round-trips through an atomic save and resumes the position', async () => {
    const plan = await examplePlan();
    const path = join(dir(), STATE_FILE_NAME);
    const state = withSteps(plan, { 'prerequisites/authentication-mode': { status: 'done', note: 'ran it at 10:02' } });
    state.position = { screen: 'walkthrough', stepId: 'capacity/enable-auto-mode' };
    saveState(path, state);
    expect(loadState(path)).toEqual({ kind: 'ok', state });
    expect(readdirSync(join(path, '..'))).toEqual([STATE_FILE_NAME]);
  });

  it('tells a missing file from a damaged one and from someone else’s JSON', () => {
    const d = dir();
    expect(loadState(join(d, 'nope.json'))).toEqual({ kind: 'missing' });
    writeFileSync(join(d, 'half.json'), '{"kind": "modeshift-progress", "vers');
    expect(loadState(join(d, 'half.json'))).toMatchObject({ kind: 'corrupt', reason: containing('not valid JSON') });
    expect(parseState('{"name": "my-app", "version": "1.0.0"}')).toMatchObject({ kind: 'foreign' });
    expect(parseState('[1, 2]')).toMatchObject({ kind: 'foreign' });
    expect(parseState('{"kind": "modeshift-progress", "version": 2}')).toMatchObject({ kind: 'foreign', reason: containing('a version other than 1') });
    expect(loadState(d)).toMatchObject({ kind: 'corrupt', reason: containing('EISDIR') });
  });

  it('never quotes the damaged file in its reason, only the line and column', () => {
    const secret = 'hunter2-in-a-note';
    for (const text of [`{"kind": "modeshift-progress", "steps": {"a": {"note": "${secret}" x}}}`, `{"kind": "modeshift-progress", ${secret}`]) {
      const loaded = parseState(text);
      expect(loaded).toMatchObject({ kind: 'corrupt', reason: matching(/^it is not valid JSON \(line 1, column \d+: /) });
      expect(JSON.stringify(loaded)).not.toContain(secret);
    }
    const huge = 'x'.repeat(10_000);
    for (const value of [{ version: huge }, { version: 1, target: huge, planFingerprint: 'x', planSteps: [], inventory: [] }]) {
      expect(JSON.stringify(parseState(JSON.stringify({ kind: 'modeshift-progress', ...value })))).not.toContain('xxxx');
    }
  });

  it('reports a bad shape inside a modeshift file as damage, naming the field', () => {
    const base = { kind: 'modeshift-progress', version: 1, planFingerprint: 'x', planSteps: [], inventory: [], target: 'auto-mode', steps: {} };
    expect(parseState(JSON.stringify(base))).toMatchObject({ kind: 'ok' });
    expect(parseState(JSON.stringify({ ...base, target: 'ec2' }))).toMatchObject({ kind: 'corrupt', reason: containing('target') });
    expect(parseState(JSON.stringify({ ...base, steps: { a: { status: 'finished' } } }))).toMatchObject({ kind: 'corrupt', reason: containing('step 1 of steps has no valid status') });
    expect(parseState(JSON.stringify({ ...base, steps: { a: { status: 'done', note: 3 } } }))).toMatchObject({ kind: 'corrupt' });
    expect(parseState(JSON.stringify({ ...base, planSteps: 'a' }))).toMatchObject({ kind: 'corrupt', reason: containing('planSteps') });
  });

  it('keeps step ids such as __proto__ as plain data', () => {
    const text = '{"kind":"modeshift-progress","version":1,"planFingerprint":"x","planSteps":[],"inventory":[],"target":"fargate","steps":{"__proto__":{"status":"done"},"constructor":{"status":"skipped"}}}';
    const loaded = parseState(text);
    expect(loaded.kind).toBe('ok');
    if (loaded.kind !== 'ok') return;
    expect(Object.getPrototypeOf(loaded.state.steps)).toBe(Object.prototype);
    expect(Object.keys(loaded.state.steps).sort()).toEqual(['__proto__', 'constructor']);
  });

  it('lives in the inventory directory, or next to an inventory file', () => {
    const d = dir();
    writeFileSync(join(d, 'cluster.yaml'), '');
    expect(defaultStatePath(d)).toBe(join(d, STATE_FILE_NAME));
    expect(defaultStatePath(join(d, 'cluster.yaml'))).toBe(join(d, STATE_FILE_NAME));
  });

  it('says which steps carried over, which are new and which are gone when the plan changed', async () => {
    const plan = await examplePlan();
    const ids = planStepIds(plan);
    const saved = withSteps(plan, { [ids[0]!]: { status: 'done' }, 'waves/retired-namespace': { status: 'skipped', note: 'gone now' } });
    saved.planSteps = [...ids.filter((id) => id !== 'waves/batch'), 'waves/retired-namespace'];
    saved.planFingerprint = 'sha256:older';
    const r = reconcile(saved, plan);
    expect(r).toEqual({ carried: [ids[0]], added: ['waves/batch'], gone: ['waves/retired-namespace'], goneWithProgress: ['waves/retired-namespace'], changed: true });
    expect(reconcile(newState(plan, [], null), plan)).toMatchObject({ changed: false, added: [], gone: [] });
  });

  it('survives a kill between writing the temporary file and the rename: the old file loads, the leftover is tidied', async () => {
    const plan = await examplePlan();
    const path = join(dir(), STATE_FILE_NAME);
    const state = withSteps(plan, { [planStepIds(plan)[0]!]: { status: 'done' } });
    saveState(path, state);
    // What a writer killed mid-write leaves: a partial temporary file beside the intact state file.
    writeFileSync(`${path}.0badf00d.tmp`, JSON.stringify(state).slice(0, 40));
    expect(loadState(path)).toEqual({ kind: 'ok', state });
    removeStaleTemps(path);
    expect(existsSync(`${path}.0badf00d.tmp`)).toBe(false);
    expect(existsSync(path)).toBe(true);
  });

  it('never leaves a torn file when the writing process is SIGKILLed at random moments', async () => {
    const path = join(dir(), STATE_FILE_NAME);
    const writer = fileURLToPath(new URL('./__fixtures__/save-loop.ts', import.meta.url));
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', writer, path], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 3 + round * 11));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const loaded = loadState(path);
      expect(loaded.kind).toBe('ok');
    }
    removeStaleTemps(path);
    expect(readdirSync(join(path, '..'))).toEqual([STATE_FILE_NAME]);
  }, 60_000);

  it('moves a bad file aside without deleting it', () => {
    const path = join(dir(), STATE_FILE_NAME);
    writeFileSync(path, 'garbage');
    expect(setAside(path)).toBe(`${path}.bad`);
    writeFileSync(path, 'more garbage');
    expect(setAside(path)).toBe(`${path}.bad2`);
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe('garbage');
  });
});
