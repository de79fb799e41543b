// Copied from @modeshift/pulumi 0.1.0 (src/model/coverage.ts) by `modeshift stack`. Regenerate rather than edit.
import type { PlanInfrastructure, PlanStep } from './plan-shape.js';
import type { StepCoverage } from './types.js';

/** Infrastructure the stack creates; the other kinds change a cluster it does not manage, or tear things down. */
const BUILT: ReadonlySet<PlanInfrastructure['kind']> = new Set(['cluster-role-policies', 'auto-mode-node-role', 'access-entry', 'pod-execution-role', 'fargate-profile', 'irsa-role']);

// Commands whose effect the stack's resources are, when the step is built by the stack.
const DONE_BY_STACK = [
  'kubectl apply -f',
  'aws iam create-role',
  'aws iam attach-role-policy',
  'aws eks create-fargate-profile',
  'aws eks wait fargate-profile-active',
  'aws eks create-access-entry',
  'aws eks associate-access-policy',
];

const NOT_BUILT_NOTE: Partial<Record<PlanInfrastructure['kind'], string>> = {
  'enable-auto-mode': 'the existing cluster is not managed by this stack, so its compute config is switched by the command (the stack prints it with the node role ARN as output enableAutoModeCommand)',
  'authentication-mode': 'the existing cluster is not managed by this stack, so its authentication mode is switched by the command',
  'delete-fargate-profile': 'tearing down the old capacity comes after verification, by the commands',
  'disable-auto-mode': 'disabling Auto Mode comes after verification, by the commands',
};

/** How one plan step is carried out: by `pulumi up`, by the plan's commands, or both. */
export function coverage(step: PlanStep, usable: boolean, hasObjects: boolean): StepCoverage {
  const base = { stepId: step.id, title: step.title };
  if (!usable) return { ...base, coverage: 'left-out', note: 'it only answers blockers', commands: [] };
  const built = hasObjects || step.infrastructure.some((i) => BUILT.has(i.kind));
  const notes = [...new Set(step.infrastructure.map((i) => NOT_BUILT_NOTE[i.kind]).filter((n): n is string => n !== undefined))];
  if (!built) return { ...base, coverage: 'commands', note: notes.join('; '), commands: [...step.commands] };
  const remaining = step.commands.filter((c) => !DONE_BY_STACK.some((p) => c.startsWith(p)));
  if (step.commands.some((c) => c.startsWith('aws iam update-assume-role-policy'))) {
    notes.push('the cluster role is not managed by this stack, so its trust policy (sts:TagSession) is updated by the command');
  }
  return remaining.length === 0 ? { ...base, coverage: 'stack', note: '', commands: [] } : { ...base, coverage: 'stack-and-commands', note: notes.join('; '), commands: remaining };
}
