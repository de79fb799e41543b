import { flat } from '../util/text.js';
import type { Step } from '@modeshift/plan';

export type StepInput = Pick<Step, 'id' | 'title' | 'kind' | 'why'> & Partial<Omit<Step, 'id' | 'title' | 'kind' | 'why'>>;

/**
 * Keys are laid out in sorted order, as the plan JSON writes them: a large plan has thousands of
 * steps, and objects already in that order are written without being copied first. Assigning the
 * input keeps each key where it is.
 */
export function makeStep(input: StepInput): Step {
  const step: Step = {
    commands: [],
    dependsOn: [],
    effects: [],
    findings: [],
    id: input.id,
    infrastructure: [],
    kind: input.kind,
    manifests: [],
    namespaces: [],
    rollback: { commands: [], description: 'Nothing to roll back.' },
    title: input.title,
    verify: { command: '', expect: '' },
    why: input.why,
    workloads: [],
  };
  Object.assign(step, input);
  step.findings = [...new Set(input.findings ?? [])].sort();
  if (input.rollback) step.rollback = { commands: input.rollback.commands, description: input.rollback.description };
  for (const command of step.commands) flat(command);
  for (const command of step.rollback.commands) flat(command);
  return step;
}
