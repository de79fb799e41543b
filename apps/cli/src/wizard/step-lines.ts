import type { Manifest } from '@modeshift/core';
import type { Effective, StepView } from './progress.js';
import { wrap, wrapCode, wrapCommand, type Line, type Tone } from './text.js';
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

const para = (text: string, width: number, tone?: Tone): Line[] => wrap(text, width, '  ').map((t) => ({ text: t, ...(tone ? { tone } : {}) }));
const code = (text: string, width: number): Line[] => wrapCode(text, width, '  ').map((t) => ({ text: t, tone: 'code' as const }));
const commandLines = (commands: string[], width: number): Line[] =>
  commands.flatMap((c) => wrapCommand(c, width, '  ').map((text) => ({ text, tone: 'code' as const })));

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
    out.push({ text: 'Depends on', bold: true });
    for (const dep of step.dependsOn) out.push(...para(`${open.has(dep) ? '○ open:' : '✔'} ${titles(dep)}`, width, open.has(dep) ? 'warn' : 'muted'));
  }
  if (view?.note) out.push({ text: 'Note', bold: true }, ...para(view.note, width, 'accent'));
  out.push({ text: 'Why', bold: true }, ...para(step.why, width));
  if (managed.length > 0) out.push({ text: 'Managed: change these in their source', bold: true }, ...managed.flatMap((text) => para(text, width, 'warn')));
  if (step.commands.length > 0) out.push({ text: 'Commands (c copies them)', bold: true }, ...commandLines(step.commands, width));
  for (const manifest of step.manifests) {
    out.push({ text: `Manifest ${manifest.file}`, bold: true }, ...code(manifestText(manifest), width));
  }
  out.push({ text: step.verify.command ? 'Verify (v runs it, after you confirm)' : 'Verify', bold: true });
  if (step.verify.command) out.push(...commandLines([step.verify.command], width));
  if (step.verify.expect) out.push(...para(`Expect: ${step.verify.expect}`, width));
  out.push({ text: 'Rollback', bold: true }, ...para(step.rollback.description || 'Nothing to undo.', width), ...commandLines(step.rollback.commands, width));
  if (step.workloads.length > 0) out.push({ text: `Workloads (${step.workloads.length})`, bold: true }, ...step.workloads.flatMap((w) => para(w, width, 'muted')));
  if (step.findings.length > 0) out.push({ text: `Findings it answers (${step.findings.length})`, bold: true }, ...step.findings.flatMap((f) => para(f, width, 'muted')));
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
