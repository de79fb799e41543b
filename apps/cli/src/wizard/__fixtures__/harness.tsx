import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { expect, vi } from 'vitest';
import * as core from '@modeshift/core';
import { loadInventory } from '@modeshift/inventory';
import { bundledExamples } from '../../examples.js';
import { writeFileAtomic } from '../../io.js';
import { EXAMPLES } from '../../testing.js';
import { App } from '../App.js';
import type { Size, WizardDeps, WizardInit } from '../deps.js';
import { WizardModel } from '../model.js';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  backtab: '\u001B[Z',
  pgdn: '\u001B[6~',
  pgup: '\u001B[5~',
  backspace: '\u007F',
} as const;

/** A private copy of an example's inventory: state files and exports land in a temporary directory, never in the repo. */
export function exampleCopy(name: 'fargate-to-auto-mode' | 'auto-mode-to-fargate' = 'fargate-to-auto-mode'): string {
  const root = mkdtempSync(join(tmpdir(), 'modeshift-wizard-'));
  // Only what the repository ships: progress or copied commands an older modeshift left there are not part of it.
  const shipped = (path: string) => !/^(\.modeshift-state\.json|modeshift-commands\.sh)/.test(basename(path));
  cpSync(join(EXAMPLES, name, 'inventory'), join(root, 'inventory'), { recursive: true, filter: shipped });
  return join(root, 'inventory');
}

export function testDeps(cwd: string, overrides: Partial<WizardDeps> = {}): WizardDeps {
  return {
    cwd,
    load: (paths) => loadInventory(paths),
    // The real examples, with their progress in a directory of this test's own (as the CLI keeps it under the user's).
    examples: bundledExamples({ XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'modeshift-state-')) }),
    runVerify: vi.fn((command: string) => Promise.resolve({ command, exitCode: 0, output: 'NAME   READY\nfake   True\n', timedOut: false, truncated: false })),
    writeFile: writeFileAtomic,
    renderJson: core.renderJson,
    renderMarkdown: core.renderMarkdown,
    manifestText: (m) => `${JSON.stringify(m.object, null, 2)}\n`,
    ...overrides,
  };
}

export interface Harness {
  model: WizardModel;
  frame: () => string;
  see: (text: string | RegExp) => Promise<void>;
  gone: (text: string) => Promise<void>;
  press: (...keys: string[]) => Promise<void>;
  /** One key, without waiting for anything: what the wizard does within the key's own turn. */
  type: (key: string) => void;
  /** Calls `listener` with each frame as Ink writes it, to see what else was true at that moment. */
  onFrame: (listener: (frame: string) => void) => void;
  unmount: () => void;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

export async function startWizard(options: { init?: WizardInit; deps?: Partial<WizardDeps>; size?: Size; color?: boolean; model?: WizardModel; cwd?: string } = {}): Promise<Harness> {
  const cwd = options.cwd ?? tmpdir();
  const model = options.model ?? new WizardModel(testDeps(cwd, options.deps), options.init ?? {});
  const r = render(<App model={model} color={options.color ?? false} size={options.size ?? { columns: 80, rows: 24 }} />);
  const frame = () => stripVTControlCharacters(r.lastFrame() ?? '');
  const listeners: ((frame: string) => void)[] = [];
  const write = r.stdout.write;
  r.stdout.write = (text: string) => {
    write(text);
    for (const listener of listeners) listener(stripVTControlCharacters(text));
  };
  // Frames arrive asynchronously (toolchain G4): poll instead of sleeping.
  const see = (text: string | RegExp) =>
    vi.waitFor(() => (typeof text === 'string' ? expect(frame()).toContain(text) : expect(frame()).toMatch(text)), { timeout: 4000, interval: 10 });
  const gone = (text: string) => vi.waitFor(() => expect(frame()).not.toContain(text), { timeout: 4000, interval: 10 });
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      r.stdin.write(key);
      // A lone Esc is held until the next turn in case it starts a sequence.
      await tick();
      await tick();
      // Progress is saved on the turn after the frame (saver.ts); a test reads it once the wizard is idle.
      await model.idle();
    }
  };
  await see('modeshift');
  await tick();
  return { model, frame, see, gone, press, type: (key) => r.stdin.write(key), onFrame: (listener) => listeners.push(listener), unmount: r.unmount };
}

/** Loads the inventory, confirms the suggested direction and lands on the overview. */
export async function startOnPlan(options: Parameters<typeof startWizard>[0] & { inventory?: string } = {}): Promise<Harness & { inventory: string }> {
  const inventory = options.inventory ?? exampleCopy();
  const h = await startWizard({ ...options, init: { paths: [inventory], ...options.init } });
  await vi.waitFor(() => expect(h.model.source.view).toBe('loaded'), { timeout: 4000, interval: 10 });
  if (h.model.screen === 'source') {
    await h.see('Enter continues');
    await h.press(KEY.enter);
    await h.see('Move them to');
    await h.press(KEY.enter);
  }
  if (h.model.screen === 'overview') await h.see('Readiness');
  return { ...h, inventory };
}
