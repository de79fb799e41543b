// Ways to break a correct plan, for the tests that prove the simulator notices.
import type { Effect, Plan, Step, Violation } from '@modeshift/core/base';

export function clone(plan: Plan): Plan {
  return structuredClone(plan);
}

export function stepOf(plan: Plan, id: string): Step {
  const step = plan.stages.flatMap((s) => s.steps).find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id} in the plan`);
  return step;
}

/** Removes a step and every dependency on it (its dependents wait for what it waited for). */
export function removeStep(plan: Plan, id: string): Plan {
  const removed = stepOf(plan, id);
  for (const stage of plan.stages) {
    stage.steps = stage.steps.filter((s) => s.id !== id);
    for (const s of stage.steps) if (s.dependsOn.includes(id)) s.dependsOn = [...new Set([...s.dependsOn.filter((d) => d !== id), ...removed.dependsOn])];
  }
  return plan;
}

/** Runs `id` right after `after` instead: it waits for `after` only, and whatever waited for it waits for what it waited for. */
export function moveAfter(plan: Plan, id: string, after: string): Plan {
  const step = stepOf(plan, id);
  const previous = step.dependsOn;
  for (const s of plan.stages.flatMap((x) => x.steps))
    if (s.dependsOn.includes(id)) s.dependsOn = [...new Set([...s.dependsOn.filter((d) => d !== id), ...previous])];
  step.dependsOn = [after];
  // Plan order breaks ties: put the step right after the one it now follows.
  for (const stage of plan.stages) stage.steps = stage.steps.filter((s) => s.id !== id);
  const host = plan.stages.find((s) => s.steps.some((x) => x.id === after))!;
  host.steps.splice(host.steps.findIndex((x) => x.id === after) + 1, 0, step);
  return plan;
}

export function addEffect(plan: Plan, id: string, effect: Effect): Plan {
  stepOf(plan, id).effects.push(effect);
  return plan;
}

/** Violations the mutated plan has that the original did not, as "step invariant resource". */
export function fresh(before: Violation[], after: Violation[]): string[] {
  const key = (v: Violation) => `${v.step} ${v.invariant} ${v.resource}`;
  const known = new Set(before.map(key));
  return after.map(key).filter((k) => !known.has(k));
}
