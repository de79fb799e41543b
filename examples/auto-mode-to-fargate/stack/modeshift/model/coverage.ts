// Copied from @modeshift/pulumi 0.1.0 (src/model/coverage.ts) by `modeshift stack`. Regenerate rather than edit.
import type { Infrastructure, Step } from '../plan/index.js';
import type { StepCoverage } from './types.js';

/**
 * What the stack does with each kind of infrastructure a plan step names: builds it, or leaves it to the
 * step's commands (it changes a cluster the stack does not manage, or tears things down), and says why.
 * One entry per kind, so a new kind in the plan contract fails to compile until it is decided here.
 */
export const INFRASTRUCTURE_HANDLING: Readonly<Record<Infrastructure['kind'], { built: true } | { built: false; note: string }>> = {
  'cluster-role-policies': { built: true },
  'auto-mode-node-role': { built: true },
  'access-entry': { built: true },
  'pod-execution-role': { built: true },
  'fargate-profile': { built: true },
  'irsa-role': { built: true },
  'enable-auto-mode': {
    built: false,
    note: 'the existing cluster is not managed by this stack, so its compute config is switched by the command (the stack prints it with the node role ARN as output enableAutoModeCommand)',
  },
  'authentication-mode': { built: false, note: 'the existing cluster is not managed by this stack, so its authentication mode is switched by the command' },
  'delete-fargate-profile': { built: false, note: 'tearing down the old capacity comes after verification, by the commands' },
  'disable-auto-mode': { built: false, note: 'disabling Auto Mode comes after verification, by the commands' },
};

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

/** How one plan step is carried out: by `pulumi up`, by the plan's commands, or both. */
export function coverage(step: Step, usable: boolean, hasObjects: boolean): StepCoverage {
  const base = { stepId: step.id, title: step.title };
  if (!usable) return { ...base, coverage: 'left-out', note: 'it only answers blockers', commands: [] };
  const handling = step.infrastructure.map((i) => INFRASTRUCTURE_HANDLING[i.kind]);
  const built = hasObjects || handling.some((h) => h.built);
  const notes = [...new Set(handling.flatMap((h) => (h.built ? [] : [h.note])))];
  if (!built) return { ...base, coverage: 'commands', note: notes.join('; '), commands: [...step.commands] };
  const remaining = step.commands.filter((c) => !DONE_BY_STACK.some((p) => c.startsWith(p)));
  if (step.commands.some((c) => c.startsWith('aws iam update-assume-role-policy'))) {
    notes.push('the cluster role is not managed by this stack, so its trust policy (sts:TagSession) is updated by the command');
  }
  return remaining.length === 0
    ? { ...base, coverage: 'stack', note: '', commands: [] }
    : { ...base, coverage: 'stack-and-commands', note: notes.join('; '), commands: remaining };
}
