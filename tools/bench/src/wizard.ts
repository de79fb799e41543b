// The wizard on a large plan, driven through a fake terminal in the bench's child process (phase
// `wizard`). Two sessions on one state file: the first confirms the direction, moves through the
// overview, the findings and the steps, and quits; the second starts again and resumes. Times come from
// the frames Ink writes (fake-terminal.ts), so React, layout and Ink's frame throttling all count.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { render } from 'ink';
import { renderJson, type Mode } from '@modeshift/core';
import type { LoadResult } from '@modeshift/inventory';
import { App, PLAN_READY_MARK, WizardModel, writeFileAtomic, type WizardDeps } from 'modeshift/wizard-harness';
import { FakeStdin, FakeStdout } from './fake-terminal.js';
import { median } from './measure.js';

const SIZE = { columns: 120, rows: 40 };
/** Longer than Ink's frame throttle (33 ms at 30 fps): a key after a pause is drawn on the throttle's leading edge. */
const PAUSE_MS = 50;
const KEYS_PER_LIST = 8;
/** Generous: a slow machine is slow, not broken; a wizard that never draws still fails. */
const TIMEOUT_MS = 600_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function session(deps: WizardDeps, file: string, target: Mode, statePath: string) {
  const stdout = new FakeStdout(SIZE.columns, SIZE.rows);
  const stdin = new FakeStdin();
  const model = new WizardModel(deps, { paths: [file], target, statePath });
  const ink = render(createElement(App, { model, color: false }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeStdout(SIZE.columns, SIZE.rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  /**
   * Types a key after a pause; returns ms from when the key was due to the next frame that contains
   * `expect`. Timed from when it was due, not when it was typed: if the wizard holds the event loop,
   * the typing is late, as a real key would wait to be read.
   */
  const key = async (k: string, expect = ''): Promise<number> => {
    const due = performance.now() + PAUSE_MS;
    await sleep(PAUSE_MS);
    const frame = stdout.next(expect, due, TIMEOUT_MS);
    stdin.type(k);
    return (await frame).at - due;
  };
  const keys = async (k: string, n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(await key(k));
    return out;
  };
  const quit = async () => {
    stdin.type('q');
    await ink.waitUntilExit();
  };
  return { stdout, stdin, model, key, keys, quit };
}

/** Milliseconds from the latest plan-ready mark to `frame`. */
function sincePlanReady(at: number): number {
  const mark = performance.getEntriesByName(PLAN_READY_MARK).at(-1);
  if (!mark) throw new Error('the wizard set no plan-ready mark');
  return at - mark.startTime;
}

/** When the state file was first written, on the performance clock (polled: the write may come after the first frame). */
async function savedAt(path: string): Promise<number> {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    try {
      return statSync(path).mtimeMs - performance.timeOrigin;
    } catch {
      if (performance.now() > deadline) throw new Error(`${path} was never written`);
      await sleep(5);
    }
  }
}

export async function measureWizard(loaded: LoadResult, file: string, target: Mode, collect: () => void): Promise<{ ms: number; extra: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'modeshift-bench-wizard-'));
  const statePath = join(dir, 'state.json');
  const deps: WizardDeps = {
    cwd: dir,
    load: () => Promise.resolve(loaded),
    examples: [],
    runVerify: (command) => Promise.resolve({ command, exitCode: 0, output: '', timedOut: false, truncated: false }),
    writeFile: writeFileAtomic,
    renderJson,
    manifestText: (m) => JSON.stringify(m.object),
  };
  try {
    const first = session(deps, file, target, statePath);
    await first.stdout.next('Enter continues', 0, TIMEOUT_MS);
    await first.key('\r', 'Move them to');
    collect();
    performance.clearMarks(PLAN_READY_MARK);
    // Enter builds the plan inside its key handler; the clock starts when the plan is ready.
    const overview = first.stdout.next('Readiness:', performance.now(), TIMEOUT_MS);
    first.stdin.type('\r');
    const firstFrameMs = sincePlanReady((await overview).at);
    // A key soon after the first frame: whatever the wizard put off until then must not hold it up.
    const earlyKeyMs = await first.key('j');
    const savedMs = sincePlanReady(await savedAt(statePath));
    const overviewKeys = await first.keys('j', KEYS_PER_LIST);
    const findingsOpenMs = await first.key('\t', 'Findings:');
    const findingsKeys = await first.keys('j', KEYS_PER_LIST);
    const stepsOpenMs = await first.key('5', 'Step ');
    const stepKeys = await first.keys('j', KEYS_PER_LIST);
    const plan = first.model.plan!;
    await first.quit();

    performance.clearMarks(PLAN_READY_MARK);
    const second = session(deps, file, target, statePath);
    const resumed = await second.stdout.next('Resumed from', 0, TIMEOUT_MS);
    const resumeFirstFrameMs = sincePlanReady(resumed.at);
    await second.quit();

    const all = [earlyKeyMs, ...overviewKeys, ...findingsKeys, ...stepKeys];
    const extra = {
      firstFrameMs,
      resumeFirstFrameMs,
      savedMs,
      earlyKeyMs,
      overviewKeyMs: median(overviewKeys),
      findingsKeyMs: median(findingsKeys),
      stepsKeyMs: median(stepKeys),
      keyMaxMs: Math.max(...all),
      findingsOpenMs,
      stepsOpenMs,
      findings: plan.findings.length,
      steps: plan.stages.reduce((n, s) => n + s.steps.length, 0),
    };
    return { ms: firstFrameMs, extra };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
