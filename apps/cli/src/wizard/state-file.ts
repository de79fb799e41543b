import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MODES, type Mode, type Plan } from '@modeshift/core';
import { findJsonSyntaxError } from '@modeshift/inventory';
import { writeFileAtomic } from '../io.js';
import { FingerprintJob } from './fingerprint.js';
import { SCREENS, type ScreenId } from './screen-ids.js';

export const STATE_FILE_NAME = '.modeshift-state.json';
/** Marks the file as ours, so any other JSON that happens to sit at the path is told apart from a damaged one. */
const KIND = 'modeshift-progress';

export type StepStatus = 'open' | 'done' | 'skipped' | 'not-applicable';
export const STEP_STATUSES: readonly StepStatus[] = ['open', 'done', 'skipped', 'not-applicable'];

export interface StepRecord {
  status: StepStatus;
  note?: string;
}

export interface ProgressState {
  kind: typeof KIND;
  version: 1;
  /** Of the plan the progress was saved against (hashed after the wizard's first frame, so set when saved). */
  planFingerprint: string;
  /** The step ids of that plan, so a later plan can say which steps are new and which are gone. */
  planSteps: string[];
  inventory: string[];
  target: Mode;
  clusterVersion: string | null;
  /** Kept for ids that left the plan too: switching direction back and forth must not lose work. */
  steps: Record<string, StepRecord>;
  position?: { screen: ScreenId; stepId?: string };
}

export type LoadedState =
  { kind: 'ok'; state: ProgressState } | { kind: 'missing' } | { kind: 'corrupt'; reason: string } | { kind: 'foreign'; reason: string };

/** `<inventory dir, or the file's dir>/.modeshift-state.json`: progress lives with what it is progress on. */
export function defaultStatePath(firstInventoryPath: string): string {
  let dir = firstInventoryPath;
  try {
    if (!statSync(firstInventoryPath).isDirectory()) dir = dirname(firstInventoryPath);
  } catch {
    dir = dirname(firstInventoryPath);
  }
  return join(dir, STATE_FILE_NAME);
}

/** All at once; the wizard hashes in slices instead (saver.ts). A large plan never becomes one string to be hashed. */
export function planFingerprint(plan: Plan): string {
  return new FingerprintJob(plan).finish();
}

export function planStepIds(plan: Plan): string[] {
  return plan.stages.flatMap((stage) => stage.steps.map((step) => step.id));
}

/** Own properties only: a step id read from JSON must never resolve to something on Object.prototype. */
export function recordOf(steps: Record<string, StepRecord>, id: string): StepRecord | undefined {
  return Object.hasOwn(steps, id) ? steps[id] : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Validates the text of a state file; never throws. */
export function parseState(text: string): LoadedState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's own message may quote the file's text; only the place is named.
    const fault = findJsonSyntaxError(text);
    return { kind: 'corrupt', reason: `it is not valid JSON${fault ? ` (line ${fault.line}, column ${fault.column}: ${fault.problem})` : ''}` };
  }
  if (!isObject(value) || value.kind !== KIND) return { kind: 'foreign', reason: 'it is JSON, but not a modeshift progress file' };
  if (value.version !== 1) return { kind: 'foreign', reason: 'it has a version other than 1, the one this modeshift reads (written by a newer modeshift?)' };
  const problem = shapeProblem(value);
  if (problem) return { kind: 'corrupt', reason: `it is a modeshift progress file, but ${problem}` };
  const steps: Record<string, StepRecord> = {};
  for (const [id, raw] of Object.entries(value.steps as Record<string, Record<string, unknown>>)) {
    Object.defineProperty(steps, id, {
      value: { status: raw.status as StepStatus, ...(typeof raw.note === 'string' && raw.note !== '' ? { note: raw.note } : {}) },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const position =
    isObject(value.position) && (SCREENS as readonly unknown[]).includes(value.position.screen)
      ? { screen: value.position.screen as ScreenId, ...(typeof value.position.stepId === 'string' ? { stepId: value.position.stepId } : {}) }
      : undefined;
  return {
    kind: 'ok',
    state: {
      kind: KIND,
      version: 1,
      planFingerprint: value.planFingerprint as string,
      planSteps: value.planSteps as string[],
      inventory: value.inventory as string[],
      target: value.target as Mode,
      clusterVersion: (value.clusterVersion as string | null | undefined) ?? null,
      steps,
      ...(position ? { position } : {}),
    },
  };
}

/** Steps are named by their place in the file: an id read from a damaged file is not repeated. */
const stepNumber = (steps: Record<string, unknown>, id: string) => `${Object.keys(steps).indexOf(id) + 1} of steps`;

function shapeProblem(v: Record<string, unknown>): string | null {
  if (typeof v.planFingerprint !== 'string') return 'planFingerprint is missing';
  if (!isStrings(v.planSteps)) return 'planSteps is not a list of step ids';
  if (!isStrings(v.inventory)) return 'inventory is not a list of paths';
  if (!(MODES as readonly unknown[]).includes(v.target)) return `target is not one of ${MODES.join(', ')}`;
  if (v.clusterVersion !== undefined && v.clusterVersion !== null && typeof v.clusterVersion !== 'string') return 'clusterVersion is not a string';
  if (!isObject(v.steps)) return 'steps is not an object';
  for (const [id, record] of Object.entries(v.steps)) {
    if (!isObject(record) || !(STEP_STATUSES as readonly unknown[]).includes(record.status)) return `step ${stepNumber(v.steps, id)} has no valid status`;
    if (record.note !== undefined && typeof record.note !== 'string') return `step ${stepNumber(v.steps, id)} has a note that is not text`;
  }
  return null;
}

export function loadState(path: string): LoadedState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', reason: `it cannot be read (${code ?? String(error)})` };
  }
  return parseState(text);
}

/** Atomic (temporary file, fsync, rename): a kill at any moment leaves the old file or the new one. */
export function saveState(path: string, state: ProgressState): void {
  writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** Temporary files a killed writer left behind; they are never read, only tidied. */
export function removeStaleTemps(path: string): void {
  const prefix = `${basename(path)}.`;
  try {
    for (const name of readdirSync(dirname(path))) {
      if (name.startsWith(prefix) && /\.[0-9a-f]{8}\.tmp$/.test(name)) rmSync(join(dirname(path), name), { force: true });
    }
  } catch {
    // A directory we cannot list has nothing of ours to tidy.
  }
}

/** Moves a damaged or foreign file aside (never deletes it) and returns where it went. */
export function setAside(path: string): string {
  let n = 1;
  let aside = `${path}.bad`;
  while (exists(aside)) aside = `${path}.bad${++n}`;
  renameSync(path, aside);
  return aside;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface Reconciled {
  /** Steps of the new plan that keep a saved status or note. */
  carried: string[];
  /** Steps of the new plan that the saved plan did not have. */
  added: string[];
  /** Steps of the saved plan that the new plan no longer has (`withProgress`: those that had a status or note). */
  gone: string[];
  goneWithProgress: string[];
  /**
   * Whether the operator needs telling: steps came or went. Progress hangs on step ids, so a plan whose
   * steps kept their ids carries it all over, and comparing ids needs no fingerprint of the new plan.
   */
  changed: boolean;
}

export function reconcile(state: ProgressState, plan: Plan): Reconciled {
  const now = planStepIds(plan);
  const nowSet = new Set(now);
  const before = new Set(state.planSteps);
  const hasProgress = (id: string) => {
    const r = recordOf(state.steps, id);
    return r !== undefined && (r.status !== 'open' || r.note !== undefined);
  };
  const gone = state.planSteps.filter((id) => !nowSet.has(id));
  const added = now.filter((id) => !before.has(id));
  return {
    carried: now.filter(hasProgress),
    added,
    gone,
    goneWithProgress: gone.filter(hasProgress),
    changed: added.length > 0 || gone.length > 0,
  };
}

export function newState(plan: Plan, inventory: string[], clusterVersion: string | null, fingerprint = planFingerprint(plan)): ProgressState {
  return {
    kind: KIND,
    version: 1,
    planFingerprint: fingerprint,
    planSteps: planStepIds(plan),
    inventory,
    target: plan.to,
    clusterVersion,
    steps: {},
  };
}
