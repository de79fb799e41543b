// Pieces of a task item that grow with the cluster (workload lists, commands, manifests), written so
// that a step of a 300-workload plan stays a few lines: every workload named once, commands and files
// in full while they are few, and a pointer to where the rest is when they are not.
import type { Infrastructure, Plan, Step } from '@modeshift/plan';
import { sharedText } from '../shared-words.js';
import { manifestBlock, REDACTED } from './manifests.js';
import { manifestUses } from '../../plan/manifest-use.js';
import { code, fence, inline, plural } from './syntax.js';
import { someOf } from '../../cost/format.js';
import { byNamespace, countsByNamespace, namesByKind } from '../workload-names.js';

// Content of a task item is indented to the item's text column so it stays part of the item.
export const IN = '  ';

/**
 * In a large plan, a step's commands are listed while they are at most this many lines (notes merged);
 * more are left to the wizard and --verbose.
 */
const SHOWN_COMMANDS = 6;
/**
 * A plan whose commands and rollbacks come to at most this many lines lists every one of them: the
 * Markdown is the change ticket, and for a cluster of a few dozen workloads the approver reads what runs.
 */
const FULL_LISTING_LINES = 400;
/** A step's files are shown in full while it has at most this many; more are named only. */
const SHOWN_MANIFESTS = 3;
/** Files named in a step; the rest are counted (the wizard shows each, the export writes them). */
const NAMED_MANIFESTS = 20;
/** Workloads named one by one in a step outside the waves; more are counted by namespace (each wave names its own). */
const NAMED_WORKLOADS = 10;

/** Where a step's long command list is when the document leaves it out: said once per stage (see `unlistedNote`). */
const ELSEWHERE = 'not listed here';

/** Comment lines in a row this long or longer are merged into one (they are notes, not commands). */
const COMMENT_RUN = 3;

function mergedComment(run: readonly string[]): string | null {
  const { shared, parts } = sharedText(run.map((l) => l.slice(2)));
  if (shared === '…' || parts.some((p) => p === '')) return null;
  return `# ${shared}, for each of: ${parts.map((p) => p.replace(/:$/, '')).join(', ')}`;
}

/**
 * "# CronJob a: new pods land on Fargate when it next runs" for each of 20 CronJobs becomes one comment
 * naming the 20: the words they share once, then what differs. Commands are never merged.
 */
export function mergeComments(lines: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const merged = run.length >= COMMENT_RUN ? mergedComment(run) : null;
    if (merged) out.push(merged);
    else out.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (line.startsWith('# ')) run.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

/**
 * The workloads a step moves or keeps, each named once: by namespace and kind for a wave or the stays
 * step; for another step (pinning before the waves), by name when few, else counted per namespace,
 * since the waves below name each one.
 */
export function workloadLine(step: Step, inWaves: boolean): string[] {
  if (step.workloads.length === 0) return [];
  const label = step.kind === 'stays' ? 'Stay' : step.kind === 'wave' && inWaves ? 'Moves' : 'Workloads';
  const groups = byNamespace(step.workloads);
  const head = `${IN}**${label} (${step.workloads.length}):**`;
  if (!inWaves && step.workloads.length > NAMED_WORKLOADS) {
    return [`${head} in ${plural(groups.size, 'namespace')}: ${countsByNamespace(groups, code)} (the waves name each one)`];
  }
  const only = step.namespaces.length === 1 && groups.size === 1 ? groups.get(step.namespaces[0]!) : undefined;
  if (only) return [`${head} ${namesByKind(only, inline, code)}`];
  return [`${head} ${[...groups].map(([ns, list]) => `${code(ns)}: ${namesByKind(list, inline, code)}`).join(' · ')}`];
}

const MERGED = new WeakMap<Step, string[]>();

/** The step's commands with their notes merged, worked out once per step (three parts of an item ask). */
export function mergedCommands(step: Step): string[] {
  let merged = MERGED.get(step);
  if (!merged) MERGED.set(step, (merged = mergeComments(step.commands)));
  return merged;
}

/** How many command lines a step may have and still be listed: all of them in a small plan, else SHOWN_COMMANDS. */
export function commandLimit(plan: Plan): number {
  let lines = 0;
  for (const stage of plan.stages)
    for (const step of stage.steps) {
      lines += mergedCommands(step).length + step.rollback.commands.length;
      if (lines > FULL_LISTING_LINES) return SHOWN_COMMANDS;
    }
  return Number.POSITIVE_INFINITY;
}

/** Whether the document lists the step's commands (and so its rollback's), or leaves them to --verbose and the wizard. */
function listed(step: Step, limit: number): boolean {
  return mergedCommands(step).length <= limit;
}

/** The stage's note on commands it does not list, when some of its steps have too many; else nothing. */
export function unlistedNote(steps: readonly Step[], limit: number): string[] {
  if (steps.every((s) => listed(s, limit))) return [];
  return [
    `Steps with more than ${limit} commands do not list them here: \`modeshift plan … --format text --verbose\` prints every command and rollback, and the wizard copies them (\`c\` on the step).`,
  ];
}

/** "**Run:** 45 commands, not listed here" for the step's first paragraph, when there are too many to show. */
export function runLine(step: Step, limit: number): string[] {
  return listed(step, limit) ? [] : [`${IN}**Run:** ${plural(step.commands.length, 'command')}, ${ELSEWHERE}`];
}

/** The step's commands in a fence, when they are few enough to read here (else `runLine` says where they are). */
export function commandLines(step: Step, limit: number): string[] {
  return step.commands.length > 0 && listed(step, limit) ? [...fence('bash', mergedCommands(step).join('\n'), IN), ''] : [];
}

/** The step's files in full while there are few (with a note when values were redacted), else their names. */
export function manifestLines(step: Step): string[] {
  if (step.manifests.length === 0) return [];
  if (step.manifests.length > SHOWN_MANIFESTS) {
    const names = someOf(
      step.manifests.map((m) => code(m.file)),
      NAMED_MANIFESTS,
    );
    return [
      `${IN}**Files** (${plural(step.manifests.length, 'manifest')}, the wizard shows them, a long list in part, and the plan JSON holds every one; \`modeshift export\` writes the Kubernetes ones): ${names}`,
      '',
    ];
  }
  const out = [`${IN}**Files** (${plural(step.manifests.length, 'manifest')}):`, ''];
  const use = manifestUses(step);
  let redacted = 0;
  for (const manifest of step.manifests) {
    const block = manifestBlock(manifest, IN, use(manifest.file));
    redacted += block.redacted;
    out.push(...block.lines, '');
  }
  if (redacted > 0) {
    out.push(
      `${IN}> **Credentials removed:** ${plural(redacted, 'value')} that looked like a credential ${redacted === 1 ? 'is' : 'are'} shown as ${code(REDACTED)}. Fill ${redacted === 1 ? 'it' : 'them'} in from your secret store before applying; never paste ${redacted === 1 ? 'it' : 'them'} into this document.`,
      '',
    );
  }
  return out;
}

/**
 * Verification and rollback on one line; the rollback's commands follow when there are a few and the
 * step's own were listed (a step whose commands are elsewhere has its rollback there too).
 */
export function closingLines(step: Step, limit: number): string[] {
  const parts: string[] = [];
  if (step.verify.command) parts.push(`**Verify:** ${code(step.verify.command)}${step.verify.expect ? ` must show: ${inline(step.verify.expect)}` : ''}`);
  else if (step.verify.expect) parts.push(`**Verify:** ${inline(step.verify.expect)}`);
  const rollback = mergeComments(step.rollback.commands);
  const shown = rollback.length <= limit && listed(step, limit);
  const commands =
    rollback.length === 0
      ? ''
      : !shown
        ? ` (${plural(step.rollback.commands.length, 'command')}, ${ELSEWHERE})`
        : rollback.length === 1
          ? ` ${code(rollback[0]!)}`
          : '';
  parts.push(`**Rollback:** ${inline(step.rollback.description)}${commands}`);
  const out = [`${IN}${parts.join(' · ')}`, ''];
  if (shown && rollback.length > 1) out.push(...fence('bash', rollback.join('\n'), IN), '');
  return out;
}

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

/** One line per effect on AWS infrastructure, its items joined. */
export function infrastructureLines(items: readonly Infrastructure[]): string[] {
  return (['creates', 'changes', 'removes'] as const).flatMap((effect) => {
    const these = items.filter((i) => INFRASTRUCTURE_EFFECT[i.kind] === effect);
    return these.length === 0 ? [] : [`${IN}**${INFRASTRUCTURE_HEADING[effect]}:** ${these.map(describeInfrastructure).join(', ')}`, ''];
  });
}
