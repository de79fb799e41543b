import { dirname, join } from 'node:path';
import type { Plan, Stage, Step } from '@modeshift/core';
import type { WizardModel } from './model.js';
import { checkReadOnly } from './read-only.js';
import { recordOf, type StepStatus } from './state-file.js';
import { plural } from './text.js';

export const COMMANDS_FILE = 'modeshift-commands.sh';

export interface StepEntry {
  step: Step;
  stage: Stage;
  /** "2.3": stage 2, step 3, as in the Markdown export. */
  number: string;
}

const entriesCache = new WeakMap<Plan, StepEntry[]>();

/** Every step in plan order; the walk-through cursor indexes this list. */
export function stepEntries(plan: Plan): StepEntry[] {
  let entries = entriesCache.get(plan);
  if (!entries) {
    entries = plan.stages.flatMap((stage, s) => stage.steps.map((step, i) => ({ step, stage, number: `${s + 1}.${i + 1}` })));
    entriesCache.set(plan, entries);
  }
  return entries;
}

export function currentEntry(m: WizardModel): StepEntry | undefined {
  return m.plan ? stepEntries(m.plan)[m.walk.cursor] : undefined;
}

const byIdCache = new WeakMap<Plan, Map<string, StepEntry>>();

/** Steps by id, once per plan: a verification step depends on every wave, thousands of them. */
export function entriesById(plan: Plan): Map<string, StepEntry> {
  let hit = byIdCache.get(plan);
  if (!hit) byIdCache.set(plan, (hit = new Map(stepEntries(plan).map((e) => [e.step.id, e]))));
  return hit;
}

const title = (m: WizardModel, id: string) => entriesById(m.plan!).get(id)?.step.title ?? id;

/** d, s, n and u: the status the operator gives the step under the cursor. A note stays with the step. */
export function mark(m: WizardModel, status: StepStatus): void {
  const entry = currentEntry(m);
  if (!entry || !m.progress) return;
  const { id } = entry.step;
  const note = recordOf(m.progress.steps, id)?.note;
  if (status === 'open' && note === undefined) delete m.progress.steps[id];
  else m.progress.steps[id] = { status, ...(note !== undefined ? { note } : {}) };
  m.touchProgress();
  if (status !== 'open') moveToNextOpen(m);
  const view = m.views.get(id);
  if (status === 'done' && view?.status === 'waiting') {
    const open = view.openDependencies.map((dep) => title(m, dep));
    m.flash(`Marked done; shown as waiting until ${open.length === 1 ? 'this step is' : 'these steps are'} closed: ${open.join('; ')}`, 'warn');
  } else {
    const label = { open: 'open again', done: 'done', skipped: 'skipped', 'not-applicable': 'not applicable' }[status];
    m.flash(`${entry.number} ${entry.step.title}: ${label}.`, status === 'open' ? 'info' : 'good');
  }
}

/** After a step is closed the next one to work on is the next open step (from the top once none is left below). */
function moveToNextOpen(m: WizardModel): void {
  const entries = stepEntries(m.plan!);
  const isOpen = (i: number) => (m.views.get(entries[i]!.step.id)?.status ?? 'open') === 'open';
  const order = [...entries.keys()].map((i) => (m.walk.cursor + 1 + i) % entries.length);
  const next = order.find(isOpen);
  if (next === undefined || next === m.walk.cursor) return;
  Object.assign(m.walk, { cursor: next, scroll: 0 });
  m.persist();
}

export function setNote(m: WizardModel, text: string): void {
  const entry = currentEntry(m);
  if (!entry || !m.progress) return;
  const { id } = entry.step;
  const status = recordOf(m.progress.steps, id)?.status ?? 'open';
  const note = text.trim();
  if (note === '' && status === 'open') delete m.progress.steps[id];
  else m.progress.steps[id] = { status, ...(note !== '' ? { note } : {}) };
  m.touchProgress();
  m.flash(note === '' ? 'Note removed.' : 'Note saved.', 'good');
}

export function commandsFilePath(m: WizardModel): string {
  return join(m.statePath ? dirname(m.statePath) : m.deps.cwd, COMMANDS_FILE);
}

/** The copied commands as a script to read and paste from, in plan order. */
export function commandsText(plan: Plan, copied: readonly string[]): string {
  const wanted = new Set(copied);
  const out = ['#!/usr/bin/env bash', '# Commands copied in the modeshift wizard, in plan order. Read each one before you run it.', ''];
  for (const { step, number } of stepEntries(plan)) {
    if (!wanted.has(step.id) || step.commands.length === 0) continue;
    out.push(`# ${number} ${step.id}: ${step.title}`, ...step.commands, '');
  }
  return `${out.join('\n')}`;
}

/** A path as short as it can be said: under the home directory as `~/…`. */
function shortPath(path: string, home: string | undefined): string {
  return home && path.startsWith(`${home}/`) ? `~/${path.slice(home.length + 1)}` : path;
}

/**
 * c: the step's commands go to the terminal's clipboard (OSC 52) where there is a terminal to ask, and are
 * added to modeshift-commands.sh next to the state file either way, as the fallback; they are printed again on
 * exit. The message says which happened.
 */
export function copyCommands(m: WizardModel): void {
  const entry = currentEntry(m);
  if (!entry || !m.plan) return;
  const { commands } = entry.step;
  if (commands.length === 0) {
    m.flash('This step has no commands to copy.', 'info');
    return;
  }
  if (!m.copied.includes(entry.step.id)) m.copied.push(entry.step.id);
  const clipboard = m.deps.copyToClipboard?.(`${commands.join('\n')}\n`) ?? false;
  const file = commandsFilePath(m);
  const what = plural(commands.length, 'command');
  let saved: string | null = null;
  try {
    m.deps.writeFile(file, commandsText(m.plan, m.copied));
    m.commandsFile = file;
    saved = shortPath(file, m.deps.home);
  } catch (error) {
    if (!clipboard) {
      m.flash(`Cannot write ${file} (${(error as Error).message}); the ${what} are printed when you quit.`, 'warn');
      return;
    }
  }
  if (clipboard) m.flash(`Copied ${what} to the clipboard (OSC 52)${saved ? `; also in ${saved}` : ''}`, 'good');
  else m.flash(`No terminal clipboard: ${what} saved to ${saved}`, 'good');
}

/** v: asks before running anything, and refuses what the allow-list cannot prove read-only. */
export function askVerify(m: WizardModel): void {
  const entry = currentEntry(m);
  if (!entry) return;
  const { command, expect } = entry.step.verify;
  if (command.trim() === '') {
    m.flash(`Nothing to run: check by hand${expect ? `: ${expect}` : ''}.`, 'info');
    return;
  }
  const verdict = checkReadOnly(command);
  if (!verdict.ok) {
    m.flash(`Not run: ${verdict.reason}. Run it yourself if it is what you want.`, 'warn');
    return;
  }
  m.walk.mode = 'confirm';
}

export function runConfirmedVerify(m: WizardModel): void {
  const entry = currentEntry(m);
  if (!entry) return;
  m.walk.mode = 'running';
  m.flash(`Running (Esc stops it): ${entry.step.verify.command}`, 'info');
  const abort = new AbortController();
  m.verifyAbort = abort;
  m.changed();
  m.deps.runVerify(entry.step.verify.command, abort.signal).then(
    (result) => {
      m.verifyAbort = null;
      if (m.exitRequested) return;
      Object.assign(m.walk, { mode: 'result', result, scroll: 0 });
      const outcome = abort.signal.aborted
        ? 'Stopped.'
        : result.refused
          ? `Not run: ${result.refused}`
          : result.timedOut
            ? 'The command timed out and was stopped.'
            : `Exit code ${result.exitCode}.`;
      m.flash(outcome, result.exitCode === 0 ? 'good' : 'warn');
      m.changed();
    },
    (error: Error) => {
      m.verifyAbort = null;
      m.walk.mode = 'browse';
      m.flash(`Could not run it: ${error.message}`, 'bad');
      m.changed();
    },
  );
}
