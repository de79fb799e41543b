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
export function logShippingPolicy(outputs: readonly LogOutput[]): { policy: Record<string, unknown> | null; unknown: string[] } {
  const actions = new Set<string>();
  const unknown = new Set<string>();
  for (const o of outputs) {
    // Fluent Bit reads plugin names in any case (Name CloudWatch_Logs).
    const plugin = o.plugin.toLowerCase();
    const known = Object.hasOwn(LOG_OUTPUT_ACTIONS, plugin) ? LOG_OUTPUT_ACTIONS[plugin] : undefined;
    if (known) for (const a of known) actions.add(a);
    else unknown.add(o.plugin);
  }
  return {
    // IAM refuses a statement without actions: no known output, no policy.
    policy: actions.size > 0 ? { Version: VERSION, Statement: [{ Effect: 'Allow', Action: [...actions].sort(), Resource: '*' }] } : null,
    unknown: [...unknown].sort(),
  };
}
