import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { classifyAgent } from '../../analysis/agents.js';
import { arm64Evidence, gpuEvidence, neuronEvidence, windowsEvidence } from '../../analysis/evidence.js';
import { hostNeeds } from '../../analysis/host-needs.js';
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
  capability: 'daemonset',
  targets: ['fargate'],
  check(ctx, row) {
    return daemonSets(ctx).flatMap((w) => {
      const spec = w.template.spec;
      if (windowsEvidence(spec)) return [];
      const agent = classifyAgent(w);
      if (agent.role === 'log-shipper') return [];
      const name = describeWorkload(w);
      const ref = workloadRef(w);
      if (agent.role === 'node-infrastructure') {
        return [
          {
            severity: 'advisory' as const,
            resource: ref,
            message: `${name} is node infrastructure (${agent.agent}); on Fargate AWS runs the node, so it has nothing to do there.`,
            remediation: 'Nothing replaces it on Fargate. Keep it while workloads stay on EC2 capacity, and delete it with the last EC2 nodes.',
            action: { type: 'node-agent' as const, change: { kind: 'retire' as const, agent: agent.agent } },
          },
        ];
      }
      const where = capacityName(stayOn(ctx, w));
      const pinned = gpuEvidence(spec) ?? neuronEvidence(spec) ?? arm64Evidence(spec);
      if (pinned) {
        return [
          {
            ...stayDraft(
              ctx,
              w,
              `${name} only runs on nodes that cannot move to Fargate (${pinned}).`,
              `Keep it on ${where} with the workloads it serves there.`,
            ),
            severity: 'advisory' as const,
          },
        ];
      }
      const needs = hostNeeds(spec);
      const known = agent.role === 'observability';
      const what = known ? `runs ${agent.agent} (monitoring or security)` : 'is a DaemonSet modeshift does not recognise';
      if (needs.length > 0) {
        return [
          stayDraft(
            ctx,
            w,
            `${name} ${what} and needs the node itself (${listOf(needs)}); Fargate runs no DaemonSets and gives pods no access to a node, so it cannot follow the pods there.`,
            `It keeps running on whatever EC2 capacity remains (${where}); pods that move to Fargate lose its coverage. Use the vendor's Fargate option (usually a sidecar or an agentless integration) for them, and expect host-level data (node processes, kernel, runtime) to be unavailable on Fargate.`,
          ),
        ];
      }
      return [
        {
          severity: 'change' as const,
          resource: ref,
          message: `${name} ${what}; it cannot run on Fargate as it is: ${row.summary}`,
          remediation: known
            ? `Add the ${agent.agent} as a sidecar container to each workload it should observe (follow the vendor's EKS Fargate instructions), then delete the DaemonSet with the last EC2 nodes.`
            : 'Run what it does as a sidecar in the pods that need it, or redesign it as a Deployment; it cannot run on Fargate as a DaemonSet.',
          action: { type: 'node-agent' as const, change: { kind: 'sidecar' as const, agent: agent.agent } },
        },
      ];
    });
  },
};
