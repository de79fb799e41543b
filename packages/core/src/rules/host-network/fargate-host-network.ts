import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { hostPorts } from '../../analysis/host-ports.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { capacityName, candidates, isMoving, stayOn } from '../../analysis/fargate-scope.js';
import { stayDraft } from '../../analysis/stay-drafts.js';

/**
 * Fargate admission rejects hostNetwork and hostPort (aws-facts §6). A hostPort is only a change
 * when a Service already reaches the same container port, so clients have another way in.
 * DaemonSets are judged by fargate-daemonsets.
 */
export const fargateHostNetworkRule: Rule = {
  id: 'fargate-host-network',
  title: 'Host network and host ports',
  capability: 'host-network',
  targets: ['fargate'],
  check(ctx, row) {
    return candidates(ctx).flatMap((w) => {
      // Most pods use neither: they are passed over before anything is looked up or written.
      const ports = w.template.spec.hostNetwork ? [] : hostPorts(ctx.index, w);
      if (!w.template.spec.hostNetwork && ports.length === 0) return [];
      const name = describeWorkload(w);
      const where = capacityName(stayOn(ctx, w));
      if (w.template.spec.hostNetwork) {
        return [
          stayDraft(
            ctx,
            w,
            `${name} uses hostNetwork: ${row.summary}`,
            `If it only uses the node's network for convenience, remove hostNetwork (and dnsPolicy ClusterFirstWithHostNet), expose it through a Service and plan again; otherwise it stays on ${where}.`,
          ),
        ];
      }
      const described = listOf(ports.map((p) => `${p.hostPort} (container ${p.container})`));
      const unreachable = ports.filter((p) => !p.reachable);
      if (unreachable.length > 0) {
        return [
          stayDraft(
            ctx,
            w,
            `${name} publishes host port ${described}, and no Service reaches container port ${listOf(unreachable.map((p) => String(p.containerPort)))}: ${row.summary}`,
            `Put a Service in front of the port (clients then use the Service instead of the node address), remove hostPort and plan again; otherwise it stays on ${where}.`,
          ),
        ];
      }
      if (!isMoving(ctx, w)) return [];
      const containers = [...new Set(ports.map((p) => p.container))];
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${name} publishes host port ${described}, which Fargate rejects; a Service already reaches the same container port, so the host port can go.`,
          remediation:
            'The plan removes hostPort (and hostIP) from the listed containers before the move; clients that connect to node addresses directly must switch to the Service.',
          action: { type: 'workload' as const, edits: containers.map((container) => ({ op: 'remove-host-ports' as const, container })) },
        },
      ];
    });
  },
};
