import { dirname, join } from 'node:path';
import type { Plan, Stage, Step } from '@modeshift/core';
import type { WizardModel } from './model.js';
import { checkReadOnly } from './read-only.js';
import { recordOf, type StepStatus } from './state-file.js';

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

const title = (m: WizardModel, id: string) => stepEntries(m.plan!).find((e) => e.step.id === id)?.step.title ?? id;

/** d, s, n and u: the status the operator gives the step under the cursor. A note stays with the step. */
export function mark(m: WizardModel, status: StepStatus): void {
  const entry = currentEntry(m);
  if (!entry || !m.progress) return;
  const { id } = entry.step;
  const note = recordOf(m.progress.steps, id)?.note;
  if (status === 'open' && note === undefined) delete m.progress.steps[id];
  else m.progress.steps[id] = { status, ...(note !== undefined ? { note } : {}) };
  m.touchProgress();
  const view = m.views.get(id);
  if (status === 'done' && view?.status === 'waiting') {
    const open = view.openDependencies.map((dep) => title(m, dep));
    m.flash(`Marked done; shown as waiting until ${open.length === 1 ? 'this step is' : 'these steps are'} closed: ${open.join('; ')}`, 'warn');
  } else {
    const label = { open: 'open again', done: 'done', skipped: 'skipped', 'not-applicable': 'not applicable' }[status];
    m.flash(`${entry.number} ${entry.step.title}: ${label}.`, status === 'open' ? 'info' : 'good');
  }
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

/** c: adds the step's commands to modeshift-commands.sh (next to the state file); they are printed again on exit. */
export function copyCommands(m: WizardModel): void {
  const entry = currentEntry(m);
  if (!entry || !m.plan) return;
  if (entry.step.commands.length === 0) {
    m.flash('This step has no commands to copy.', 'info');
    return;
  }
  if (!m.copied.includes(entry.step.id)) m.copied.push(entry.step.id);
  const file = commandsFilePath(m);
  try {
    m.deps.writeFile(file, commandsText(m.plan, m.copied));
    m.commandsFile = file;
    m.flash(`Copied ${entry.step.commands.length} command(s) to ${file}; they are printed when you quit.`, 'good');
  } catch (error) {
    m.flash(`Copied; they are printed when you quit (cannot write ${file}: ${(error as Error).message}).`, 'warn');
  }
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
      const outcome = abort.signal.aborted ? 'Stopped.' : result.refused ? `Not run: ${result.refused}` : result.timedOut ? 'The command timed out and was stopped.' : `Exit code ${result.exitCode}.`;
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
