import type { LogOutput } from '@modeshift/plan';
import { LOG_OUTPUT_ACTIONS } from '../../rules/logging/facts.js';

const VERSION = '2012-10-17';

/** The log agent's role is handed to it by EKS Pod Identity, which needs both actions. */
export function logShippingTrustPolicy(): Record<string, unknown> {
  return { Version: VERSION, Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
}

/**
 * What the agent's outputs write with, as one inline policy. Resources are `*`, as in the Fargate logging
 * guide's policy, since the destinations' ARNs are not all in the output settings; narrow them if you like.
 * `unknown`: output plugins this table has no actions for (their access is the operator's to add).
 */
export function logShippingPolicy(outputs: readonly LogOutput[]): { policy: Record<string, unknown>; unknown: string[] } {
  const actions = new Set<string>();
  const unknown = new Set<string>();
  for (const o of outputs) {
    const known = Object.hasOwn(LOG_OUTPUT_ACTIONS, o.plugin) ? LOG_OUTPUT_ACTIONS[o.plugin] : undefined;
    if (known) for (const a of known) actions.add(a);
    else unknown.add(o.plugin);
  }
  return {
    policy: { Version: VERSION, Statement: [{ Effect: 'Allow', Action: [...actions].sort(), Resource: '*' }] },
    unknown: [...unknown].sort(),
  };
}
