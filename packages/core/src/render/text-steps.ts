import type { Step } from '@modeshift/plan';
import { forTerminal as t } from './terminal.js';
import { note, type TextContext } from './text-findings.js';
import { sharedText } from './shared-words.js';
import { wrap, wrapList } from './wrap.js';
import { byNamespace, countsByNamespace, namesByKind } from './workload-names.js';

/** A step shows its commands when it has at most this many; --verbose (and the Markdown) show them all. */
const SHOWN_COMMANDS = 2;

/** Workloads named outside the waves one by one up to this many; more are counted by namespace (each wave names its own). */
const NAMED_WORKLOADS = 10;

/**
 * The workloads a step moves or keeps, each named once, by kind ("CronJob cart-0, indexer-6; Job
 * ledger-2") and, across namespaces, by namespace; outside the waves, many are counted per namespace.
 */
function workloadLines(ctx: TextContext, step: Step, inWaves: boolean): string[] {
  if (step.workloads.length === 0) return [];
  const groups = byNamespace(step.workloads);
  const head = `    workloads (${step.workloads.length}): `;
  if (!inWaves && step.workloads.length > NAMED_WORKLOADS)
    return wrap(
      `in ${groups.size} namespace${groups.size === 1 ? '' : 's'}: ${countsByNamespace(groups, t)} (the waves name each one)`,
      ctx.width,
      head,
      '      ',
    );
  const only = step.namespaces.length === 1 && groups.size === 1 ? groups.get(step.namespaces[0]!) : undefined;
  const text = only ? namesByKind(only, t, t) : [...groups].map(([ns, list]) => `${t(ns)}: ${namesByKind(list, t, t)}`).join('; ');
  return wrap(text, ctx.width, head, '      ');
}

/** Everything a step holds, as the plan before grouping printed it (`--verbose`). Commands are never wrapped: each is pasted whole. */
function fullStep(ctx: TextContext, step: Step): void {
  const { paint, width, push } = ctx;
  push(`  - ${t(step.title)} ${paint('dim', `[${t(step.id)}]`)}`);
  push(...wrap(t(step.why), width, '    why: ', '         '));
  if (step.dependsOn.length) push(...wrap(t(step.dependsOn.join(', ')), width, '    after: ', '           ').map((l) => paint('dim', l)));
  for (const cmd of step.commands) push(`    $ ${t(cmd)}`);
  for (const m of step.manifests) push(`    manifest: ${t(m.file)}`);
  if (step.verify.command) push(`    verify: ${t(step.verify.command)}  → ${t(step.verify.expect)}`);
  else if (step.verify.expect) push(...wrap(t(step.verify.expect), width, '    verify: ', '            '));
  if (step.rollback.commands.length) push(`    rollback: ${t(step.rollback.description)} ${t(step.rollback.commands.map((r) => `$ ${r}`).join('; '))}`);
}

/**
 * A step as the summary shows it: title, why (unless the step before said the same), the workloads it
 * moves or keeps by name, and its commands when there are few. Every moving workload is named here.
 */
function shortStep(ctx: TextContext, step: Step, previousWhy: string | null, inWaves: boolean): void {
  const { width, push } = ctx;
  push(...wrap(`${t(step.title)} [${t(step.id)}]`, width, '  - ', '    '));
  if (step.why !== previousWhy) push(...wrap(t(step.why), width, '    why: ', '         '));
  push(...workloadLines(ctx, step, inWaves));
  const files = step.manifests.length > 0 ? `, ${step.manifests.length} manifest${step.manifests.length === 1 ? '' : 's'}` : '';
  if (step.commands.length <= SHOWN_COMMANDS) {
    for (const cmd of step.commands) push(`    $ ${t(cmd)}`);
    if (step.verify.command) push(`    verify: ${t(step.verify.command)}  → ${t(step.verify.expect)}`);
    else if (step.verify.expect) push(...wrap(t(step.verify.expect), width, '    verify: ', '            '));
    if (files) push(...note(ctx, `${files.slice(2)} (--verbose names them)`, '    '));
  } else {
    push(...note(ctx, `${step.commands.length} commands${files}, verification and rollback: --verbose`, '    '));
  }
}

/** Steps of one kind in a row from which a summary lists them as one entry: 30 Fargate profiles are one entry. */
const SIMILAR_STEPS = 4;

/** A run of steps of one kind (never waves: each wave names the workloads it moves) as one entry. */
function similarSteps(ctx: TextContext, steps: readonly Step[]): void {
  const { width, push } = ctx;
  const titles = sharedText(steps.map((s) => t(s.title)));
  const ids = sharedText(steps.map((s) => t(s.id)));
  push(...wrap(`${titles.shared} (${steps.length} steps) [${ids.shared}]`, width, '  - ', '    '));
  const whys = new Set(steps.map((s) => s.why));
  if (whys.size === 1) push(...wrap(t(steps[0]!.why), width, '    why: ', '         '));
  push(...wrapList(titles.parts, width, '    each: ', '      '));
  const commands = steps.reduce((n, s) => n + s.commands.length, 0);
  push(...note(ctx, `${commands} commands in all, verification and rollback: --verbose`, '    '));
}

/** Consecutive steps of one kind, in plan order. */
function runs(steps: readonly Step[]): Step[][] {
  const out: Step[][] = [];
  for (const step of steps) {
    const last = out[out.length - 1];
    if (last && last[0]!.kind === step.kind) last.push(step);
    else out.push([step]);
  }
  return out;
}

/** The stages: summarised, or in full with `verbose`. Held-back steps are listed in both. */
export function stageLines(ctx: TextContext, verbose: boolean): void {
  const { plan, paint, width, push } = ctx;
  push('', paint('bold', 'Plan'));
  if (!verbose) push(...note(ctx, '--verbose shows every command, verification and rollback', ''));
  plan.stages.forEach((stage, i) => {
    const held = plan.heldBack.filter((h) => h.id.startsWith(`${stage.id}/`));
    const count =
      stage.steps.length === 0 && held.length === 0
        ? paint('dim', ' (nothing to do)')
        : verbose
          ? ''
          : paint('dim', ` (${stage.steps.length} step${stage.steps.length === 1 ? '' : 's'})`);
    push('', paint('bold', `${i + 1}. ${t(stage.title)}`) + count);
    for (const step of held) {
      push(...wrap(`held back: ${t(step.title)} [${t(step.id)}]`, width, '  - ', '    '));
      push(...wrap(t(step.reason), width, '    why: ', '         '));
    }
    if (verbose) {
      for (const step of stage.steps) fullStep(ctx, step);
      return;
    }
    let previousWhy: string | null = null;
    for (const run of runs(stage.steps)) {
      if (run.length >= SIMILAR_STEPS && run[0]!.kind !== 'wave' && run.every((s) => s.workloads.length === 0)) {
        similarSteps(ctx, run);
        previousWhy = null;
        continue;
      }
      for (const step of run) {
        shortStep(ctx, step, previousWhy, stage.id === 'waves');
        previousWhy = step.why;
      }
    }
  });
}
