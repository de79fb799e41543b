import type { Infrastructure, Stage, Step } from '@modeshift/plan';
import { findingRef, sectionKey, stepRef, type Context, type StepProgress } from './context.js';
import { manifestBlock, REDACTED } from './manifests.js';
import { code, fence, inline, plural } from './syntax.js';

// Content of a task item is indented to the item's text column so it stays part of the item.
const IN = '  ';
/** Longer lists than this fold into <details>. */
const INLINE_ITEMS = 10;

const STATUS: Record<StepProgress['status'], string> = { done: 'Done', skipped: 'Skipped', 'not-applicable': 'Not applicable' };

function brief(value: unknown): string {
  if (typeof value === 'string') return inline(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(brief).join(', ');
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return inline((value as { name: string }).name);
  return '…';
}

/** Generic on purpose: new infrastructure kinds render without a change here. */
function describeInfrastructure(item: Infrastructure): string {
  const parts = Object.entries(item)
    .filter(([key]) => key !== 'kind')
    .map(([key, value]) => `${key}: ${brief(value)}`);
  return `${code(item.kind)}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`;
}

/**
 * What a step does to each kind of AWS infrastructure, and so what the Pulumi export does with it: it
 * builds what a step creates; the cluster it does not manage is changed by the step's commands, and
 * teardown (after verification) is left to them, so the export creates nothing for it. A Record, so
 * a new kind fails to compile until it is decided here.
 */
const INFRASTRUCTURE_EFFECT: Record<Infrastructure['kind'], 'creates' | 'changes' | 'removes'> = {
  'cluster-role-policies': 'creates',
  'auto-mode-node-role': 'creates',
  'access-entry': 'creates',
  'pod-execution-role': 'creates',
  'fargate-profile': 'creates',
  'irsa-role': 'creates',
  'enable-auto-mode': 'changes',
  'authentication-mode': 'changes',
  'delete-fargate-profile': 'removes',
  'disable-auto-mode': 'removes',
};

const INFRASTRUCTURE_HEADING: Record<'creates' | 'changes' | 'removes', string> = {
  creates: 'AWS infrastructure (what the Pulumi export creates for this step)',
  changes: 'AWS infrastructure this step changes (by its commands: the Pulumi export does not manage the cluster)',
  removes: 'AWS infrastructure this step removes (by its commands: the Pulumi export creates nothing for it)',
};

function infrastructureSections(items: Infrastructure[]): string[] {
  return (['creates', 'changes', 'removes'] as const).flatMap((effect) => {
    const these = items.filter((i) => INFRASTRUCTURE_EFFECT[i.kind] === effect);
    return these.length === 0 ? [] : [...folded(INFRASTRUCTURE_HEADING[effect], these.map(describeInfrastructure)), ''];
  });
}

function folded(summary: string, items: string[]): string[] {
  if (items.length <= INLINE_ITEMS) return [`${IN}**${summary}:** ${items.join(', ')}`];
  return [`${IN}<details>`, `${IN}<summary>${summary}</summary>`, '', ...items.map((i) => `${IN}- ${i}`), '', `${IN}</details>`];
}

function taskLine(ctx: Context, step: Step): string {
  const progress = ctx.progress.get(step.id);
  const title = `**${ctx.stepNumber.get(step.id)} ${inline(step.title)}**`;
  const id = code(step.id);
  if (!progress) return `- [ ] ${title} · ${id}`;
  return `- [x] ${progress.status === 'done' ? title : `~~${title}~~`} · ${id}`;
}

export function stepItem(ctx: Context, step: Step): string[] {
  const out = [taskLine(ctx, step), ''];
  const progress = ctx.progress.get(step.id);
  if (progress) out.push(`${IN}**${STATUS[progress.status]}.**${progress.note ? ` ${inline(progress.note)}` : ''}`, '');
  out.push(`${IN}**Why:** ${inline(step.why)}`, '');
  const refs: string[] = [];
  if (step.findings.length > 0) {
    const worstFirst = [...step.findings].sort((a, b) => (ctx.findingNumber.get(a) ?? Infinity) - (ctx.findingNumber.get(b) ?? Infinity));
    refs.push(`${IN}**Answers:** ${worstFirst.map((id) => findingRef(ctx, id)).join(', ')} (${ctx.anchors.link('findings', 'all findings')})`);
  }
  if (step.dependsOn.length > 0) refs.push(`${IN}**After:** ${step.dependsOn.map((id) => stepRef(ctx, id)).join(', ')}`);
  // A trailing backslash is a hard line break: two short lines, one paragraph.
  if (refs.length > 0) out.push(refs.join('\\\n'), '');
  if (step.workloads.length > 0) out.push(...folded(`Workloads (${step.workloads.length})`, step.workloads.map(code)), '');
  if (step.commands.length > 0) out.push(`${IN}**Run:**`, '', ...fence('bash', step.commands.join('\n'), IN), '');
  let redacted = 0;
  if (step.manifests.length > 0) {
    out.push(`${IN}**Files** (${plural(step.manifests.length, 'manifest')}):`, '');
    const commands = step.commands.join('\n');
    for (const manifest of step.manifests) {
      const block = manifestBlock(manifest, IN, commands.includes(manifest.file));
      redacted += block.redacted;
      out.push(...block.lines, '');
    }
  }
  if (redacted > 0) {
    out.push(
      `${IN}> **Credentials removed:** ${plural(redacted, 'value')} that looked like a credential ${redacted === 1 ? 'is' : 'are'} shown as ${code(REDACTED)}. Fill ${redacted === 1 ? 'it' : 'them'} in from your secret store before applying; never paste ${redacted === 1 ? 'it' : 'them'} into this document.`,
      '',
    );
  }
  out.push(...infrastructureSections(step.infrastructure));
  if (step.verify.command) {
    out.push(`${IN}**Verify:**`, '', ...fence('bash', step.verify.command, IN), '');
    if (step.verify.expect) out.push(`${IN}It must show: ${inline(step.verify.expect)}`, '');
  } else if (step.verify.expect) {
    out.push(`${IN}**Verify:** ${inline(step.verify.expect)}`, '');
  }
  out.push(`${IN}**Rollback:** ${inline(step.rollback.description)}`, '');
  if (step.rollback.commands.length > 0) out.push(...fence('bash', step.rollback.commands.join('\n'), IN), '');
  return out;
}

/** Steps grouped by the heading they sit under, in the order each group first appears. */
function groups(stage: Stage): Map<string, Step[]> {
  const map = new Map<string, Step[]>();
  for (const step of stage.steps) {
    const key = sectionKey(stage.id, step);
    const list = map.get(key);
    if (list) list.push(step);
    else map.set(key, [step]);
  }
  return map;
}

function items(ctx: Context, steps: Step[]): string[] {
  const out = steps.flatMap((s) => stepItem(ctx, s));
  while (out[out.length - 1] === '') out.pop();
  return out;
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
  const grouped = groups(stage);
  if (stage.id !== 'waves') return [...out, '', ...items(ctx, stage.steps)];
  if (grouped.size > 1) {
    const index = [...grouped.keys()].map((key) => anchors.link(key, key === 'ns:' ? 'across namespaces' : code(key.slice(3))));
    out.push('', `Namespaces, in wave order: ${index.join(' · ')}`);
  }
  for (const [key, steps] of grouped) out.push('', namespaceHeading(ctx, key), '', ...items(ctx, steps));
  return out;
}
