import { manifestUses, type Manifest } from '@modeshift/core';
import type { Effective, StepView } from './progress.js';
import { plural, wrap, wrapCode, wrapCommand, type Line, type Tone } from './text.js';
import type { VerifyResult } from './verify-runner.js';
import type { StepEntry } from './walk-actions.js';

export const STATUS_GLYPH: Record<Effective, string> = { open: '○', done: '✔', waiting: '◐', skipped: '↷', 'not-applicable': '–' };
export const STATUS_TONE: Record<Effective, Tone | undefined> = { open: undefined, done: 'good', waiting: 'warn', skipped: 'muted', 'not-applicable': 'muted' };
export const STATUS_LABEL: Record<Effective, string> = {
  open: 'open',
  done: 'done',
  waiting: 'done, waiting on an open dependency',
  skipped: 'skipped',
  'not-applicable': 'not applicable',
};

/**
 * Entries of one list the detail pane shows before it counts the rest. A step can hold tens of
 * thousands of commands, workloads or findings (one IRSA role per service account of a large estate):
 * laid out in full they were 100,000 wrapped lines, rebuilt on every key, and nobody reads them in a
 * pane; `c` copies every command, and the text plan with --verbose prints them all.
 */
export const LISTED_ENTRIES = 200;

/** Manifests shown in full: each is a screen of its own (a step can hold one IAM trust policy per service account). */
export const LISTED_MANIFESTS = 20;

/** The first `limit` items as lines, then one muted line saying how many more there are and where they are. */
function capped<T>(items: readonly T[], lines: (item: T) => Line[], more: (rest: number) => string, width: number, limit = LISTED_ENTRIES): Line[] {
  if (items.length <= limit) return items.flatMap(lines);
  return [...items.slice(0, limit).flatMap(lines), ...para(`… ${more(items.length - limit)}`, width, 'muted')];
}

/** "23 more commands", "1 more file". */
const countMore = (n: number, what: string) => plural(n, `more ${what}`);

const para = (text: string, width: number, tone?: Tone): Line[] => wrap(text, width, '  ').map((t) => ({ text: t, ...(tone ? { tone } : {}) }));
const code = (text: string, width: number): Line[] => wrapCode(text, width, '  ').map((t) => ({ text: t, tone: 'code' as const }));
const commandLine = (command: string, width: number): Line[] => wrapCommand(command, width, '  ').map((text) => ({ text, tone: 'code' as const }));
const commandLines = (commands: readonly string[], width: number, copies = false): Line[] =>
  capped(
    commands,
    (c) => commandLine(c, width),
    (rest) => `${countMore(rest, 'command')}: ${copies ? `c copies all ${commands.length}, and ` : ''}\`modeshift plan … --format text --verbose\` prints them`,
    width,
  );

/** Everything about one step, top to bottom, as the detail pane shows it. */
export function stepLines(
  entry: StepEntry,
  view: StepView | undefined,
  titles: (id: string) => string,
  manifestText: (m: Manifest) => string,
  width: number,
  /** Where a managed workload's change belongs (Helm, Argo CD, Flux): shown before the commands. */
  managed: readonly string[] = [],
): Line[] {
  const { step, number } = entry;
  const status = view?.status ?? 'open';
  const out: Line[] = [
    ...wrap(`${number} ${step.title}`, width).map((text) => ({ text, bold: true })),
    { text: `${STATUS_GLYPH[status]} ${STATUS_LABEL[status]} · ${step.id}`, tone: STATUS_TONE[status] ?? 'muted' },
  ];
  if (step.dependsOn.length > 0) {
    const open = new Set(view?.openDependencies ?? []);
    // The open ones first: they are what holds the step back (a verification step waits for every wave).
    const openDeps = step.dependsOn.filter((d) => open.has(d));
    const deps = [...openDeps, ...step.dependsOn.filter((d) => !open.has(d))];
    out.push({ text: 'Depends on', bold: true });
    out.push(
      ...capped(
        deps,
        (dep) => para(`${open.has(dep) ? '○ open:' : '✔'} ${titles(dep)}`, width, open.has(dep) ? 'warn' : 'muted'),
        // Skipped and not-applicable steps are closed too: "none open", not "all done".
        (rest) => `${countMore(rest, 'step')}, ${openDeps.length > LISTED_ENTRIES ? `${openDeps.length - LISTED_ENTRIES} of them open` : 'none open'}`,
        width,
      ),
    );
  }
  if (view?.note) out.push({ text: 'Note', bold: true }, ...para(view.note, width, 'accent'));
  out.push({ text: 'Why', bold: true }, ...para(step.why, width));
  if (managed.length > 0) out.push({ text: 'Managed: change these in their source', bold: true }, ...managed.flatMap((text) => para(text, width, 'warn')));
  if (step.commands.length > 0) out.push({ text: 'Commands (c copies them)', bold: true }, ...commandLines(step.commands, width, true));
  const use = manifestUses(step);
  out.push(
    ...capped(
      step.manifests,
      (manifest) => [
        // A copy of the object as it is now, for the rollback: saved before the step, never applied by it.
        { text: `Manifest ${manifest.file}${use(manifest.file) === 'rollback' ? ' (save it before the step; only the rollback applies it)' : ''}`, bold: true },
        ...code(manifestText(manifest), width),
      ],
      (rest) => `${countMore(rest, 'file')}: the plan JSON (\`modeshift plan … --format json\`) holds every one, under the step's manifests`,
      width,
      LISTED_MANIFESTS,
    ),
  );
  out.push({ text: step.verify.command ? 'Verify (v runs it, after you confirm)' : 'Verify', bold: true });
  if (step.verify.command) out.push(...commandLines([step.verify.command], width));
  if (step.verify.expect) out.push(...para(`Expect: ${step.verify.expect}`, width));
  out.push({ text: 'Rollback', bold: true }, ...para(step.rollback.description || 'Nothing to undo.', width), ...commandLines(step.rollback.commands, width));
  if (step.workloads.length > 0)
    out.push(
      { text: `Workloads (${step.workloads.length})`, bold: true },
      ...capped(
        step.workloads,
        (w) => para(w, width, 'muted'),
        (rest) => `${countMore(rest, 'workload')}: the plan JSON lists them all`,
        width,
      ),
    );
  if (step.findings.length > 0)
    out.push(
      { text: `Findings it answers (${step.findings.length})`, bold: true },
      ...capped(
        step.findings,
        (f) => para(f, width, 'muted'),
        (rest) => `${countMore(rest, 'finding')}: the Findings screen lists them all`,
        width,
      ),
    );
  return out;
}

export function resultLines(result: VerifyResult, expect: string, width: number): Line[] {
  const status = result.refused
    ? { text: `Not run: ${result.refused}`, tone: 'warn' as const }
    : result.timedOut
      ? { text: 'Timed out: the command was stopped', tone: 'bad' as const }
      : { text: `Exit code ${result.exitCode}`, tone: result.exitCode === 0 ? ('good' as const) : ('bad' as const) };
  const output = result.output === '' ? [{ text: '  (no output)', tone: 'muted' as const }] : wrapCode(result.output, width, '  ').map((text) => ({ text }));
  return [
    { ...status, bold: true },
    ...commandLines([result.command], width),
    ...(expect ? para(`Expect: ${expect}`, width, 'accent') : []),
    { text: `Output${result.truncated ? ' (cut: too long)' : ''}`, bold: true },
    ...output,
    { text: 'Esc or Enter: back to the step', tone: 'muted' },
  ];
}
