import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import type { AgentClass } from '../../analysis/agents.js';
import { daemonSetFate } from '../../analysis/daemonset-fate.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { capacityName, daemonSets, stayOn } from '../../analysis/fargate-scope.js';

/**
 * Fargate runs no DaemonSets (aws-facts §2). What replaces one depends on what it does: node
 * infrastructure is retired, agents that watch pods become sidecars, agents that need the node
 * itself cannot follow. Log shippers: fargate-log-agents; Windows: fargate-windows.
 */
export const fargateDaemonsetsRule: Rule = {
  id: 'fargate-daemonsets',
  title: 'DaemonSets',
  capability: 'daemonset',
  targets: ['fargate'],
  check(ctx, row) {
    return daemonSets(ctx).flatMap((w) => {
      const fate = daemonSetFate(w);
      const name = describeWorkload(w);
      const ref = workloadRef(w);
      const where = capacityName(stayOn(ctx, w));
      switch (fate.kind) {
        case 'windows':
        case 'log-shipper':
          return [];
        case 'retire':
          return [
            {
              severity: 'advisory' as const,
              resource: ref,
              message: `${name} is node infrastructure (${fate.agent.agent}); on Fargate AWS runs the node, so it has nothing to do there.`,
              remediation: 'Nothing replaces it on Fargate. Keep it while workloads stay on EC2 capacity, and delete it with the last EC2 nodes.',
              action: { type: 'node-agent' as const, change: { kind: 'retire' as const, agent: fate.agent.agent } },
            },
          ];
        case 'pinned':
          return [
            {
              ...stayDraft(
                ctx,
                w,
                `${name} only runs on nodes that cannot move to Fargate (${fate.evidence}).`,
                `Keep it on ${where} with the workloads it serves there.`,
              ),
              severity: 'advisory' as const,
            },
          ];
        case 'needs-node':
          return [
            stayDraft(
              ctx,
              w,
              `${name} ${what(fate.agent)} and needs the node itself (${listOf(fate.needs)}); Fargate runs no DaemonSets and gives pods no access to a node, so it cannot follow the pods there.`,
              `It keeps running on whatever EC2 capacity remains (${where}); pods that move to Fargate lose its coverage. Use the vendor's Fargate option (usually a sidecar or an agentless integration) for them, and expect host-level data (node processes, kernel, runtime) to be unavailable on Fargate.`,
            ),
          ];
        case 'sidecar': {
          const known = fate.agent.role === 'observability';
          return [
            {
              severity: 'change' as const,
              resource: ref,
              message: `${name} ${what(fate.agent)}; it cannot run on Fargate as it is: ${row.summary}`,
              remediation: known
                ? `Add the ${fate.agent.agent} as a sidecar container to each workload it should observe (follow the vendor's EKS Fargate instructions), then delete the DaemonSet with the last EC2 nodes.`
                : 'Run what it does as a sidecar in the pods that need it, or redesign it as a Deployment; it cannot run on Fargate as a DaemonSet.',
              action: { type: 'node-agent' as const, change: { kind: 'sidecar' as const, agent: fate.agent.agent } },
            },
          ];
        }
      }
    });
  },
};

const what = (agent: AgentClass): string =>
  agent.role === 'observability' ? `runs ${agent.agent} (monitoring or security)` : 'is a DaemonSet modeshift does not recognise';
