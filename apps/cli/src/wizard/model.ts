import { resolve } from 'node:path';
import { buildContext, buildPlan, detectDirection, UserError, type Mode, type Plan, type SourceMode } from '@modeshift/core';
import type { Example, WizardDeps, WizardInit } from './deps.js';
import type { Notice, SourceState, WalkState } from './model-state.js';
import { effectiveStatuses, isClosed, type StepView } from './progress.js';
import { ProgressSaver } from './saver.js';
import { defaultStatePath, loadState, newState, planStepIds, reconcile, removeStaleTemps, saveState, type ProgressState } from './state-file.js';
import { SCREENS, type ScreenId } from './screen-ids.js';
import type { Tone } from './text.js';

/** A performance mark set when a plan has been built: the bench times the wizard's first frame from it. */
export const PLAN_READY_MARK = 'modeshift:plan-ready';

export type { Notice, SourceState, WalkState } from './model-state.js';

/**
 * The wizard's whole state, outside React. Key handlers change it synchronously and views read it on the next
 * render, so a burst of keys never acts on a stale cursor (toolchain G3): there is only one copy of each value.
 */
export class WizardModel {
  screen: ScreenId = 'source';
  help = false;
  helpScroll = 0;
  notice: Notice | null = null;
  noticeScroll = 0;
  message: { text: string; tone: Tone } | null = null;
  exitRequested = false;
  /** True while the inventory given on the command line loads: no screen is current yet (it may be resumed). */
  opening = false;

  source: SourceState = { view: 'menu', cursor: 0, path: '', completions: [], paths: [], result: null, error: null, progress: '' };
  direction = { from: 'unknown' as SourceMode, byCompute: {} as Record<string, number>, cursor: 0, version: '', editingVersion: false, versionNeeded: false };
  plan: Plan | null = null;
  target: Mode | null;
  clusterVersion: string | null;

  statePath: string | null = null;
  /** Off after the operator chose to continue without saving over a file modeshift could not read. */
  persistence: 'on' | 'off' = 'on';
  progress: ProgressState | null = null;

  overviewScroll = 0;
  findings = { cursor: 0, query: '', editing: false, detail: false, scroll: 0 };
  walk: WalkState = { cursor: 0, detail: false, scroll: 0, mode: 'browse', note: '', result: null };
  exporter = { cursor: 0, editing: false, path: '', busy: false, results: [] as { text: string; tone: Tone }[] };
  /** Step ids whose commands were copied, in the order copied: printed after exit. */
  copied: string[] = [];
  commandsFile: string | null = null;
  /** Set while a verification runs: quitting stops it rather than leaving it behind. */
  verifyAbort: AbortController | null = null;

  private version = 0;
  private listeners = new Set<() => void>();
  private viewsCache: { plan: Plan; steps: ProgressState['steps']; rev: number; views: Map<string, StepView> } | null = null;
  private progressRev = 0;
  private readonly saver = new ProgressSaver((fingerprint) => this.save(fingerprint));

  constructor(
    readonly deps: WizardDeps,
    readonly init: WizardInit = {},
  ) {
    this.target = init.target ?? null;
    this.clusterVersion = init.clusterVersion ?? null;
    // The first frame already says what is being opened: the menu would flash before a resumed screen.
    if (init.paths && init.paths.length > 0) {
      this.opening = true;
      Object.assign(this.source, { view: 'loading', paths: init.paths.map((p) => resolve(deps.cwd, p)) });
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  flash(text: string, tone: Tone = 'info'): void {
    this.message = { text, tone };
  }

  start(): void {
    if (this.init.paths && this.init.paths.length > 0) void this.loadSource(this.init.paths);
  }

  get examples(): Example[] {
    return this.deps.examples;
  }

  async loadSource(paths: string[]): Promise<void> {
    // What is due goes to the old file, with the old position, before anything here changes.
    this.flushProgress();
    const absolute = paths.map((p) => resolve(this.deps.cwd, p));
    Object.assign(this.source, { view: 'loading', paths: absolute, result: null, error: null, cursor: 0 });
    // Another inventory is another plan: nothing on the later screens carries over.
    Object.assign(this.findings, { cursor: 0, query: '', editing: false, detail: false, scroll: 0 });
    Object.assign(this.walk, { cursor: 0, detail: false, scroll: 0, mode: 'browse', note: '', result: null });
    Object.assign(this.exporter, { cursor: 0, editing: false, results: [] });
    this.overviewScroll = 0;
    this.copied = [];
    this.changed();
    try {
      this.source.result = await this.deps.load(absolute);
    } catch (error) {
      this.source.error = error instanceof UserError ? error.message : `cannot load: ${(error as Error).message}`;
    }
    this.source.view = 'loaded';
    this.plan = null;
    if (this.source.result && this.loadErrors().length === 0) this.openState(absolute);
    this.opening = false;
    this.changed();
  }

  /** The bundled example these paths are, however they were opened (the menu, `npm start`, a typed path). */
  private exampleAt(paths: string[]): Example | undefined {
    return this.examples.find((ex) => ex.paths.length === paths.length && ex.paths.every((p, i) => resolve(p) === paths[i]));
  }

  loadErrors(): string[] {
    if (this.source.error) return [this.source.error];
    return (this.source.result?.problems ?? []).filter((p) => p.severity === 'error').map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }

  /** Reads the progress file for the inventory just loaded: resume, ask about a bad file, or start fresh. */
  private openState(paths: string[]): void {
    this.statePath = this.init.statePath ? resolve(this.deps.cwd, this.init.statePath) : (this.exampleAt(paths)?.statePath ?? defaultStatePath(paths[0]!));
    this.persistence = 'on';
    this.progress = null;
    this.target = this.init.target ?? null;
    this.clusterVersion = this.init.clusterVersion ?? null;
    removeStaleTemps(this.statePath);
    const loaded = loadState(this.statePath);
    this.prepareDirection();
    if (loaded.kind === 'ok') this.resume(loaded.state);
    else if (loaded.kind === 'corrupt' || loaded.kind === 'foreign') this.notice = { kind: 'state-problem', path: this.statePath, loaded };
  }

  private prepareDirection(): void {
    const inventory = this.source.result!.inventory;
    const detected = detectDirection(inventory);
    Object.assign(this.direction, {
      from: detected.from,
      byCompute: detected.byCompute,
      cursor: (this.target ?? detected.suggested) === 'auto-mode' ? 0 : 1,
      versionNeeded: !inventory.cluster?.version,
      version: this.clusterVersion ?? '',
      editingVersion: false,
    });
  }

  private resume(state: ProgressState): void {
    this.progress = state;
    this.target = this.init.target ?? state.target;
    this.clusterVersion = this.init.clusterVersion ?? state.clusterVersion;
    this.direction.cursor = this.target === 'auto-mode' ? 0 : 1;
    this.direction.version = this.clusterVersion ?? '';
    if (!this.makePlan()) return;
    // Position first, then save: saving earlier would overwrite the position with the Source screen.
    const screen = state.position?.screen;
    this.screen = screen && screen !== 'source' && screen !== 'direction' ? screen : 'overview';
    const ids = planStepIds(this.plan!);
    const at = state.position?.stepId ? ids.indexOf(state.position.stepId) : -1;
    this.walk.cursor = Math.max(0, at);
    this.touchProgress();
    const views = [...this.views.values()];
    const closed = views.filter((v) => isClosed(v.status)).length;
    const waiting = views.filter((v) => v.status === 'waiting').length;
    this.flash(`Resumed from ${this.statePath}: ${closed} of ${ids.length} steps closed${waiting ? `, ${waiting} waiting on earlier steps` : ''}.`, 'good');
  }

  /** Confirms the Direction screen: builds the plan and opens the overview. */
  confirmDirection(): void {
    const version = this.direction.version.trim();
    if (version !== '' && !/^\d+\.\d+$/.test(version)) {
      this.flash(`The Kubernetes version must look like 1.31, not "${version}".`, 'bad');
      return;
    }
    this.target = this.direction.cursor === 0 ? 'auto-mode' : 'fargate';
    this.clusterVersion = version === '' ? null : version;
    if (!this.makePlan()) return;
    this.screen = 'overview';
    this.touchProgress();
    if (this.plan!.from === this.target)
      this.flash(`The workloads already run on ${this.target === 'auto-mode' ? 'EKS Auto Mode' : 'EKS on Fargate'}: the plan has little to move.`, 'warn');
  }

  /** Builds the plan for the loaded inventory and carries progress over to it. */
  private makePlan(): boolean {
    const { inventory, problems } = this.source.result!;
    try {
      const skippedInputs = problems.filter((p) => p.severity === 'skipped').length;
      this.plan = buildPlan(buildContext(inventory, { target: this.target!, clusterVersion: this.clusterVersion }), undefined, { skippedInputs });
      performance.mark(PLAN_READY_MARK);
    } catch (error) {
      this.plan = null;
      this.flash(`Cannot build the plan: ${(error as Error).message}`, 'bad');
      return false;
    }
    // Hashed after the first frame (saver.ts): only saving needs the fingerprint, and the save sets it.
    this.saver.startPlan(this.plan);
    if (!this.progress) {
      this.progress = newState(this.plan, this.source.paths, this.clusterVersion, '');
    } else {
      const r = reconcile(this.progress, this.plan);
      if (r.changed) {
        this.notice = { kind: 'plan-changed', added: r.added, gone: r.gone, goneWithProgress: r.goneWithProgress, carried: r.carried.length };
        this.noticeScroll = 0;
      }
      Object.assign(this.progress, {
        planSteps: planStepIds(this.plan),
        target: this.plan.to,
        clusterVersion: this.clusterVersion,
        inventory: this.source.paths,
      });
    }
    this.findings.cursor = 0;
    this.walk.cursor = Math.min(this.walk.cursor, Math.max(0, planStepIds(this.plan).length - 1));
    Object.assign(this.walk, { detail: false, scroll: 0, mode: 'browse', result: null });
    this.progressRev += 1;
    return true;
  }

  /** Effective statuses, recomputed only when the plan or the progress changed. */
  get views(): Map<string, StepView> {
    const plan = this.plan;
    const steps = this.progress?.steps ?? {};
    if (!plan) return new Map();
    const c = this.viewsCache;
    if (c && c.plan === plan && c.steps === steps && c.rev === this.progressRev) return c.views;
    const views = effectiveStatuses(plan, steps);
    this.viewsCache = { plan, steps, rev: this.progressRev, views };
    return views;
  }

  /** Call after any change to the progress. */
  touchProgress(): void {
    this.progressRev += 1;
    this.persist();
  }

  /** Call after any change to the progress or the position: saved right after the frame that shows it. */
  persist(): void {
    if (!this.progress || !this.statePath || this.persistence === 'off') return;
    this.saver.request();
  }

  /** Saves what is due now rather than after this turn: when the process is about to end. */
  flushProgress(): void {
    this.saver.flush();
  }

  /** Resolves once the plan is hashed and the progress saved. */
  idle(): Promise<void> {
    return this.saver.idle();
  }

  /** The position is taken when the save runs, so a burst of keys saves where it ended. */
  private save(fingerprint: string): void {
    if (!this.progress || !this.statePath || this.persistence === 'off') return;
    const stepId = this.plan ? planStepIds(this.plan)[this.walk.cursor] : undefined;
    this.progress.planFingerprint = fingerprint;
    this.progress.position = { screen: this.screen, ...(stepId ? { stepId } : {}) };
    try {
      saveState(this.statePath, this.progress);
    } catch (error) {
      this.flash(`Cannot save progress: ${(error as Error).message}. Start with --state <file> to save it elsewhere.`, 'bad');
      // The save ran after the frame for its key: the message needs a frame of its own.
      this.changed();
    }
  }

  canOpen(screen: ScreenId): boolean {
    if (screen === 'source') return true;
    if (screen === 'direction') return this.source.view === 'loaded' && this.source.result !== null && this.loadErrors().length === 0;
    return this.plan !== null;
  }

  goto(screen: ScreenId): void {
    if (!this.canOpen(screen)) {
      this.flash(screen === 'direction' ? 'Load an inventory first.' : 'Confirm the direction first: that builds the plan.', 'warn');
      return;
    }
    if (screen === this.screen) return;
    this.screen = screen;
    this.persist();
  }

  step(delta: 1 | -1): void {
    const next = SCREENS[SCREENS.indexOf(this.screen) + delta];
    if (next) this.goto(next);
  }

  quit(): void {
    this.verifyAbort?.abort();
    this.persist();
    this.flushProgress();
    this.exitRequested = true;
  }
}
