import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { WizardModel } from './model.js';
import { markdownProgress } from './progress.js';

export type ExportKind = 'markdown' | 'json' | 'stack' | 'kustomize';

export interface ExportItem {
  kind: ExportKind;
  label: string;
  file: string;
  /** Why the item cannot be used in this build, if it cannot. */
  unavailable?: string;
}

/**
 * Next to the inventory, not inside it: a plan.json inside an inventory directory would be read back as
 * inventory the next time. The names do not clash with the plan.md/plan.json the examples ship with.
 */
export function exportDir(m: WizardModel): string {
  const first = m.source.paths[0];
  if (!first) return m.deps.cwd;
  try {
    return dirname(statSync(first).isDirectory() ? first.replace(/\/+$/, '') : first);
  } catch {
    return m.deps.cwd;
  }
}

export function exportItems(m: WizardModel): ExportItem[] {
  const dir = exportDir(m);
  return [
    { kind: 'markdown', label: 'Markdown, with your progress and notes', file: join(dir, 'modeshift-plan.md'), ...(m.deps.renderMarkdown ? {} : { unavailable: 'no Markdown renderer in this build' }) },
    { kind: 'json', label: 'Plan JSON', file: join(dir, 'modeshift-plan.json') },
    { kind: 'stack', label: 'Pulumi project (a directory)', file: join(dir, 'modeshift-stack'), ...(m.deps.exportStack ? {} : { unavailable: 'no Pulumi generator in this build' }) },
    { kind: 'kustomize', label: 'Kubernetes changes for Git (kustomize folders)', file: join(dir, 'modeshift-export'), ...(m.deps.exportKustomize ? {} : { unavailable: 'no exporter in this build' }) },
  ];
}

/**
 * A directory modeshift wrote before (it has the `marker` file: Pulumi.yaml, or the export's README.md) may be
 * replaced; any other non-empty one may not.
 */
function directoryTargetProblem(dir: string, marker: string, what: string): string | null {
  if (!existsSync(dir)) return null;
  if (!statSync(dir).isDirectory()) return `${dir} is a file, not a directory`;
  const names = readdirSync(dir);
  if (names.length === 0 || names.includes(marker)) return null;
  return `${dir} is not empty and is not ${what}: choose another directory`;
}

export async function runExport(m: WizardModel, item: ExportItem, path: string): Promise<void> {
  const plan = m.plan!;
  const out = resolve(m.deps.cwd, path);
  const report = (text: string, tone: 'good' | 'bad') => {
    m.exporter.results.unshift({ text, tone });
    m.flash(text, tone);
  };
  m.exporter.busy = true;
  m.changed();
  try {
    if (item.kind === 'markdown') {
      if (!m.deps.renderMarkdown) throw new Error('this build has no Markdown renderer');
      m.deps.writeFile(out, m.deps.renderMarkdown(plan, { progress: markdownProgress(plan, m.progress?.steps ?? {}) }));
      report(`Wrote ${out}`, 'good');
    } else if (item.kind === 'json') {
      m.deps.writeFile(out, m.deps.renderJson(plan));
      report(`Wrote ${out}`, 'good');
    } else if (item.kind === 'stack') {
      if (!m.deps.exportStack) throw new Error('this build has no Pulumi generator');
      const problem = directoryTargetProblem(out, 'Pulumi.yaml', 'a Pulumi project');
      if (problem) throw new Error(problem);
      const text = await m.deps.exportStack({ paths: m.source.paths, target: plan.to, clusterVersion: m.clusterVersion, out });
      report(text, 'good');
    } else {
      if (!m.deps.exportKustomize) throw new Error('this build has no exporter');
      const problem = directoryTargetProblem(out, 'README.md', 'a modeshift export');
      if (problem) throw new Error(problem);
      const text = await m.deps.exportKustomize({ paths: m.source.paths, target: plan.to, clusterVersion: m.clusterVersion, out });
      report(text, 'good');
    }
  } catch (error) {
    report(`Export failed: ${(error as Error).message}`, 'bad');
  } finally {
    m.exporter.busy = false;
    m.changed();
  }
}
