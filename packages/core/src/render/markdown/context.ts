import type { Plan, Step } from '@modeshift/plan';
import { MODE_NAMES } from '../mode-names.js';
import type { SourceMode } from '../../placement/types.js';
import { Anchors, code } from './syntax.js';
import { groupFindings, type FindingGroup } from '../finding-groups.js';
import { commandLimit } from './step-parts.js';

export type StepStatus = 'done' | 'skipped' | 'not-applicable';

export interface StepProgress {
  status: StepStatus;
  note?: string;
}

export interface MarkdownOptions {
  /** Step id → what the operator did with it (the wizard's export): marks the task item and adds the note. */
  progress?: Record<string, StepProgress>;
}

export const COMPUTE: Readonly<Record<SourceMode, string>> = MODE_NAMES;

/** Lookups every section needs, built once so rendering stays linear in the plan's size. */
export interface Context {
  plan: Plan;
  anchors: Anchors;
  progress: ReadonlyMap<string, StepProgress>;
  /** Findings one entry per rule and severity, worst first: "R1", "R2", … in that order. */
  groups: readonly FindingGroup[];
  /** Finding id → the number of its group (1-based). */
  findingNumber: ReadonlyMap<string, number>;
  /** Step id → "stage.step", e.g. "2.3". */
  stepNumber: ReadonlyMap<string, string>;
  /** Step id → the anchor key of the heading it sits under (its namespace section in the waves, else its stage). */
  stepSection: ReadonlyMap<string, string>;
  /** Finding id → the first step that answers it. */
  findingStep: ReadonlyMap<string, string>;
  /** Commands a step may have and still be listed here (see `commandLimit`). */
  commandLimit: number;
}

/** Waves are grouped by namespace so a plan with hundreds of namespaces stays navigable. */
export function sectionKey(stageId: string, step: Step): string {
  if (stageId !== 'waves') return `stage:${stageId}`;
  return step.namespaces.length === 1 ? `ns:${step.namespaces[0]}` : 'ns:';
}

export function buildContext(plan: Plan, options: MarkdownOptions): Context {
  const groups = groupFindings(plan);
  const findingNumber = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const f of g.findings) {
      findingNumber.set(f.id, i + 1);
    }
  });
  const stepNumber = new Map<string, string>();
  const stepSection = new Map<string, string>();
  const findingStep = new Map<string, string>();
  plan.stages.forEach((stage, s) => {
    stage.steps.forEach((step, i) => {
      stepNumber.set(step.id, `${s + 1}.${i + 1}`);
      stepSection.set(step.id, sectionKey(stage.id, step));
      for (const id of step.findings) if (!findingStep.has(id)) findingStep.set(id, step.id);
    });
  });
  // Own properties only: a progress record parsed from JSON must not match "constructor" or "__proto__".
  const progress = new Map(Object.entries(options.progress ?? {}).filter(([id]) => stepNumber.has(id)));
  return { plan, anchors: new Anchors(), progress, groups, findingNumber, stepNumber, stepSection, findingStep, commandLimit: commandLimit(plan) };
}

/** The anchor key of a rule's entry in "All findings" (one per rule and severity). */
export function groupKey(g: Pick<FindingGroup, 'rule' | 'severity'>): string {
  return `rule:${g.severity}:${g.rule}`;
}

/** "R3": the finding's rule entry, linked. */
export function findingRef(ctx: Context, id: string): string {
  const n = ctx.findingNumber.get(id);
  const g = n === undefined ? undefined : ctx.groups[n - 1];
  return g === undefined ? code(id) : ctx.anchors.link(groupKey(g), `R${n}`);
}

/** Each finding's rule entry once, in entry order: a step answering 40 findings of one rule names it once. */
export function groupRefs(ctx: Context, ids: readonly string[]): string[] {
  const numbers = [...new Set(ids.map((id) => ctx.findingNumber.get(id) ?? 0))].filter((n) => n > 0).sort((a, b) => a - b);
  return numbers.map((n) => ctx.anchors.link(groupKey(ctx.groups[n - 1]!), `R${n}`));
}

/** "2.3", linked to the section that holds the step. */
export function stepRef(ctx: Context, id: string): string {
  const n = ctx.stepNumber.get(id);
  const section = ctx.stepSection.get(id);
  return n === undefined || section === undefined ? code(id) : ctx.anchors.link(section, n);
}
