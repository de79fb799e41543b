import type { Finding, Plan, Step } from '@modeshift/plan';
import { MODE_NAMES } from '../mode-names.js';
import type { SourceMode } from '../../placement/types.js';
import { resourceKey } from '../../rules/engine/run.js';
import { Anchors, code } from './syntax.js';

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
  findingNumber: ReadonlyMap<string, number>;
  findingById: ReadonlyMap<string, Finding>;
  /** Step id → "stage.step", e.g. "2.3". */
  stepNumber: ReadonlyMap<string, string>;
  /** Step id → the anchor key of the heading it sits under (its namespace section in the waves, else its stage). */
  stepSection: ReadonlyMap<string, string>;
  /** Finding id → the first step that answers it. */
  findingStep: ReadonlyMap<string, string>;
}

/** Waves are grouped by namespace so a plan with hundreds of namespaces stays navigable. */
export function sectionKey(stageId: string, step: Step): string {
  if (stageId !== 'waves') return `stage:${stageId}`;
  return step.namespaces.length === 1 ? `ns:${step.namespaces[0]}` : 'ns:';
}

export function buildContext(plan: Plan, options: MarkdownOptions): Context {
  const findingNumber = new Map<string, number>();
  const findingById = new Map<string, Finding>();
  plan.findings.forEach((f, i) => {
    findingNumber.set(f.id, i + 1);
    findingById.set(f.id, f);
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
  return { plan, anchors: new Anchors(), progress, findingNumber, findingById, stepNumber, stepSection, findingStep };
}

export function findingKey(id: string): string {
  return `finding:${id}`;
}

/** "F3", linked to the blocker's own section when it is one; other findings live in the table only. */
export function findingRef(ctx: Context, id: string): string {
  const n = ctx.findingNumber.get(id);
  if (n === undefined) return code(id);
  return ctx.findingById.get(id)?.severity === 'blocker' ? ctx.anchors.link(findingKey(id), `F${n}`) : `F${n}`;
}

/** "2.3", linked to the section that holds the step. */
export function stepRef(ctx: Context, id: string): string {
  const n = ctx.stepNumber.get(id);
  const section = ctx.stepSection.get(id);
  return n === undefined || section === undefined ? code(id) : ctx.anchors.link(section, n);
}

export function resourceOf(finding: Finding): string {
  return resourceKey(finding.resource);
}
