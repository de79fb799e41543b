// Reading a plan's steps in tests: all of them in plan order, and what a step waits for.
import type { Plan, Step } from '@modeshift/plan';

export const allSteps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);

/** Every step the given one waits for, directly or through others. */
export function stepsBefore(plan: Plan, id: string): Set<string> {
  const byId = new Map(allSteps(plan).map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = [...(byId.get(id)?.dependsOn ?? [])];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(byId.get(next)?.dependsOn ?? []));
  }
  return seen;
}
