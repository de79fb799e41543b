import { manifestUses } from '../../plan/manifest-use.js';
import type { Stage, Step, StepKind } from '@modeshift/plan';
import { groupRefs, sectionKey, stepRef, type Context, type StepProgress } from './context.js';
import {
  closingLines,
  commandLines,
  IN,
  infrastructureLines,
  manifestLines,
  mergeComments,
  mergedCommands,
  runLine,
  unlistedNote,
  workloadLine,
} from './step-parts.js';
import { code, inline, plural } from './syntax.js';
import { groupInOrder } from '../../util/group-by.js';

const STATUS: Record<StepProgress['status'], string> = { done: 'Done', skipped: 'Skipped', 'not-applicable': 'Not applicable' };

function taskLine(ctx: Context, step: Step): string {
  const progress = ctx.progress.get(step.id);
  const title = `**${ctx.stepNumber.get(step.id)} ${inline(step.title)}**`;
  const id = code(step.id);
  if (!progress) return `- [ ] ${title} · ${id}`;
  return `- [x] ${progress.status === 'done' ? title : `~~${title}~~`} · ${id}`;
}

/** "R2, R7 (24 findings)": the rule entries a step answers, each once. */
function answers(ctx: Context, step: Step): string | null {
  const refs = groupRefs(ctx, step.findings);
  return refs.length > 0 ? `${refs.join(', ')} (${plural(step.findings.length, 'finding')})` : null;
}

/**
 * A task item: what it is, why, what it answers and waits for and what it moves, in one paragraph;
 * then its commands and files; then verification and rollback.
 */
export function stepItem(ctx: Context, step: Step, inWaves = false): string[] {
  const progress = ctx.progress.get(step.id);
  const head = [taskLine(ctx, step)];
  if (progress) head.push(`${IN}**${STATUS[progress.status]}.**${progress.note ? ` ${inline(progress.note)}` : ''}`);
  head.push(`${IN}**Why:** ${inline(step.why)}`);
  const answered = answers(ctx, step);
  const after = step.dependsOn.length > 0 ? `**After:** ${step.dependsOn.map((id) => stepRef(ctx, id)).join(', ')}` : null;
  const refs = [answered ? `**Answers:** ${answered}` : null, after].filter((r): r is string => r !== null);
  if (refs.length > 0) head.push(`${IN}${refs.join(' · ')}`);
  head.push(...workloadLine(step, inWaves), ...runLine(step, ctx.commandLimit));
  // A trailing backslash is a hard line break: short lines, one paragraph.
  return [
    head.join('\\\n'),
    '',
    ...commandLines(step, ctx.commandLimit),
    ...manifestLines(step),
    ...infrastructureLines(step.infrastructure),
    ...closingLines(step, ctx.commandLimit),
  ];
}

/** Steps of one kind in a stage from which they are listed tightly: 30 Fargate profiles, three lines each. */
const SIMILAR_STEPS = 4;

/** Kinds listed tightly in this stage: many steps of one kind that move no workload (never waves, which name what they move). */
function tightKinds(stage: Stage): Set<StepKind> {
  const byKind = groupInOrder(stage.steps, (s) => s.kind);
  const kinds = new Set<StepKind>();
  for (const [kind, steps] of byKind) {
    if (steps.length >= SIMILAR_STEPS && kind !== 'wave' && kind !== 'stays' && steps.every((s) => s.workloads.length === 0)) kinds.add(kind);
  }
  return kinds;
}

/**
 * A task item in three lines: its commands and files, verification and rollback inline. In a large plan
 * whose steps of this kind share their rollback's description (said once before the first of them), the
 * rollback's commands are counted, not listed, as a wave's are: the wizard and --verbose give them.
 */
function tightItem(ctx: Context, step: Step, sharedRollback: boolean): string[] {
  const use = manifestUses(step);
  const named = (rollback: boolean) => step.manifests.filter((m) => (use(m.file) === 'rollback') === rollback).map((m) => code(m.file));
  const [stepFiles, rollbackFiles] = [named(false), named(true)];
  const files =
    (stepFiles.length > 0 ? ` · files (\`modeshift export\` writes them): ${stepFiles.join(', ')}` : '') +
    (rollbackFiles.length > 0
      ? ` · for the rollback only, saved before the step (\`modeshift export\` writes them in \`rollback/\`): ${rollbackFiles.join(', ')}`
      : '');
  const run = mergedCommands(step).map(code).join(' · ');
  const verify = step.verify.command
    ? `${code(step.verify.command)}${step.verify.expect ? ` must show: ${inline(step.verify.expect)}` : ''}`
    : inline(step.verify.expect || 'see the stage');
  const unlisted = sharedRollback && Number.isFinite(ctx.commandLimit) && step.rollback.commands.length > 0;
  const rollback = unlisted
    ? `${plural(step.rollback.commands.length, 'command')}, not listed here`
    : mergeComments(step.rollback.commands).map(code).join(' · ');
  const answered = answers(ctx, step);
  return [
    `${taskLine(ctx, step)}${answered ? ` · answers ${answered}` : ''}\\`,
    `${IN}**Run:** ${run || 'nothing'}${files}\\`,
    `${IN}**Verify:** ${verify} · **Rollback:** ${rollback || inline(step.rollback.description)}`,
  ];
}

/** What the tightly listed steps of one kind share, said once before the first of them. */
function tightIntro(ctx: Context, steps: readonly Step[]): string[] {
  const first = steps[0]!;
  const whys = new Set(steps.map((s) => s.why));
  const ids = new Set(steps.map((s) => s.id));
  const after = [...new Set(steps.flatMap((s) => s.dependsOn))].filter((id) => !ids.has(id));
  const intro = [
    `${plural(steps.length, 'step')} of kind ${code(first.kind)}, listed in three lines each${whys.size === 1 ? `: ${inline(first.why)}` : '.'}`,
    ...(after.length > 0 && after.length <= SIMILAR_STEPS ? [`They start after ${after.map((id) => stepRef(ctx, id)).join(', ')}.`] : []),
    ...(new Set(steps.map((s) => s.rollback.description)).size === 1 ? [`Rollback: ${inline(first.rollback.description)}`] : []),
  ];
  return [intro.join(' '), ''];
}

/** Per tightly listed kind already introduced in the stage: whether its steps share their rollback's description. */
type Introduced = Map<StepKind, { sharedRollback: boolean }>;

function items(ctx: Context, stage: Stage, steps: readonly Step[], tight: ReadonlySet<StepKind>, introduced: Introduced): string[] {
  const out: string[] = [];
  // The kind of the tight item just written: the next one of that kind joins it without a blank line.
  let lastTight: StepKind | null = null;
  for (const step of steps) {
    if (!tight.has(step.kind) || ctx.progress.has(step.id)) {
      out.push(...stepItem(ctx, step, stage.id === 'waves'));
      lastTight = null;
      continue;
    }
    let kind = introduced.get(step.kind);
    if (!kind) {
      const ofKind = stage.steps.filter((s) => s.kind === step.kind);
      introduced.set(step.kind, (kind = { sharedRollback: new Set(ofKind.map((s) => s.rollback.description)).size === 1 }));
      out.push(...tightIntro(ctx, ofKind));
    } else if (lastTight === step.kind) {
      out.pop();
    }
    out.push(...tightItem(ctx, step, kind.sharedRollback), '');
    lastTight = step.kind;
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** Steps grouped by the heading they sit under, in the order each group first appears. */
function groups(stage: Stage): Map<string, Step[]> {
  return groupInOrder(stage.steps, (step) => sectionKey(stage.id, step));
}

function namespaceHeading(ctx: Context, key: string): string {
  const ns = key.slice('ns:'.length);
  return ns === '' ? ctx.anchors.heading(3, key, 'Across namespaces') : ctx.anchors.heading(3, key, `Namespace ${ns}`, `Namespace ${code(ns)}`);
}

export function stageSection(ctx: Context, stage: Stage, index: number): string[] {
  const { anchors, plan } = ctx;
  const number = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const out = [anchors.heading(2, `stage:${stage.id}`, `${index + 1}. ${stage.title}`, `${index + 1}. ${inline(stage.title)}`), ''];
  const after = stage.dependsOn
    .filter((id) => number.has(id))
    .map((id) => anchors.link(`stage:${id}`, `${number.get(id)}. ${inline(plan.stages[(number.get(id) ?? 1) - 1]?.title ?? id)}`));
  out.push(
    `${after.length > 0 ? `Starts after ${after.join(' and ')}.` : 'Starts first.'} ${stage.steps.length === 0 ? 'Nothing to do in this stage for this cluster.' : `${plural(stage.steps.length, 'step')}.`}`,
  );
  if (stage.steps.length === 0) return out;
  out.push(...unlistedNote(stage.steps, ctx.commandLimit).flatMap((note) => ['', note]));
  const tight = tightKinds(stage);
  const introduced: Introduced = new Map();
  if (stage.id !== 'waves') return [...out, '', ...items(ctx, stage, stage.steps, tight, introduced)];
  const grouped = groups(stage);
  if (grouped.size > 1) {
    const index = [...grouped.keys()].map((key) => anchors.link(key, key === 'ns:' ? 'across namespaces' : code(key.slice(3))));
    out.push('', `Namespaces, in wave order: ${index.join(' · ')}`);
  }
  for (const [key, steps] of grouped) out.push('', namespaceHeading(ctx, key), '', ...items(ctx, stage, steps, tight, introduced));
  return out;
}
