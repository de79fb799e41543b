// Copied from @modeshift/pulumi 0.1.0 (src/model/blockers.ts) by `modeshift stack`. Regenerate rather than edit.
import { namespaceOfWorkload, type Plan, type Step } from '../plan/index.js';
import type { LeftOut } from './types.js';

/** What the plan keeps where it is: the stack must build nothing for it. */
export interface Blocked {
  /** Finding ids of severity blocker. */
  findings: Set<string>;
  /** Namespaces in which every workload stays: capacity or objects there would serve nothing that moves. */
  namespaces: Set<string>;
  /** One entry per staying workload, with the blockers' messages, for the generated program's comments. */
  leftOut: LeftOut[];
}

export function blockedParts(plan: Plan): Blocked {
  const findings = new Set(plan.findings.filter((f) => f.severity === 'blocker').map((f) => f.id));
  const byId = new Map(plan.findings.map((f) => [f.id, f]));
  const outcomes = new Map<string, string[]>();
  for (const w of plan.workloads) {
    const ns = namespaceOfWorkload(w.workload);
    if (ns === null) continue;
    outcomes.set(ns, [...(outcomes.get(ns) ?? []), w.outcome]);
  }
  const namespaces = new Set([...outcomes].filter(([, list]) => list.every((o) => o === 'stays')).map(([ns]) => ns));
  const leftOut: LeftOut[] = [];
  for (const w of plan.workloads) {
    if (w.outcome !== 'stays') continue;
    const reasons = w.findings.map((id) => byId.get(id)).filter((f) => f !== undefined && findings.has(f.id));
    const why = reasons.length > 0 ? reasons.map((f) => `${f!.message} (${f!.rule})`).join(' ') : `the plan keeps it on ${w.from}.`;
    leftOut.push({ subject: w.workload, reason: `stays (today: ${w.from}). ${why}` });
  }
  return { findings, namespaces, leftOut };
}

/** A step that exists only to answer blockers builds nothing the target can use (steps that build nothing are kept). */
export function isBlockedStep(step: Step, blocked: Blocked): boolean {
  const builds = step.manifests.length > 0 || step.infrastructure.length > 0;
  return builds && step.findings.length > 0 && step.findings.every((id) => blocked.findings.has(id));
}
