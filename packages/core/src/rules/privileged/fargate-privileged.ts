import type { Container } from '../../kube.js';
import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { privilegedContainers } from '../../analysis/evidence.js';
import { addedCapabilities } from '../../analysis/host-needs.js';
import { usedCapabilities } from '../../analysis/capability-uses.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { capacityName, candidates, isMoving, stayOn } from '../../analysis/fargate-scope.js';

/** Whether any container adds capabilities: the test addedCapabilities makes, without building its answer. */
function addsCapabilities(containers: readonly Container[] | undefined): boolean {
  return containers !== undefined && containers.some((c) => (c.securityContext?.capabilities?.add ?? []).length > 0);
}

/**
 * Privileged containers block the move; added capabilities are a change, because many are added
 * out of habit. Which capabilities Fargate would accept is not documented (aws-facts §10), so the
 * plan removes every added one rather than keeping an invented allow-list. A capability the
 * container's own command visibly uses (iptables needs NET_ADMIN) cannot be removed without breaking
 * it, so that blocks the move too, until the container is redesigned.
 */
export const fargatePrivilegedRule: Rule = {
  id: 'fargate-privileged',
  title: 'Privileged containers and added capabilities',
  capability: 'privileged',
  targets: ['fargate'],
  check(ctx, row) {
    return candidates(ctx).flatMap((w) => {
      const spec = w.template.spec;
      const privileged = privilegedContainers(spec);
      if (privileged.length === 0 && !addsCapabilities(spec.containers) && !addsCapabilities(spec.initContainers)) return [];
      const name = describeWorkload(w);
      if (privileged.length > 0) {
        return [
          stayDraft(
            ctx,
            w,
            `${name} runs privileged container${privileged.length > 1 ? 's' : ''} ${listOf(privileged)}: ${row.summary}`,
            `Drop privileged: true if the container does not need it and plan again; otherwise it stays on ${capacityName(stayOn(ctx, w))}.`,
          ),
        ];
      }
      const used = [...(spec.initContainers ?? []), ...spec.containers].flatMap((c) => usedCapabilities(c).map((u) => ({ container: c.name, ...u })));
      if (used.length > 0) {
        return [
          stayDraft(
            ctx,
            w,
            `${name}: ${listOf(used.map((u) => `${u.container} runs ${u.program}, which needs ${u.capability}`))}. Fargate admission rejects added Linux capabilities (observed: "Capabilities added: CAP_CHOWN"), and without ${listOf([...new Set(used.map((u) => u.capability))])} the container fails, so removing the capability is no fix.`,
            `It stays on ${capacityName(stayOn(ctx, w))}. To move it, redesign what the container does so that it needs no capability (for example, send egress through a proxy with the HTTPS_PROXY and NO_PROXY environment variables instead of an iptables redirect), then plan again.`,
          ),
        ];
      }
      const added = addedCapabilities(spec);
      if (added.length === 0 || !isMoving(ctx, w)) return [];
      const described = listOf(added.map((a) => `${a.container} adds ${a.capabilities.join(', ')}`));
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${name}: ${described}. Fargate admission rejects added Linux capabilities (observed: "Capabilities added: CAP_CHOWN"), and AWS documents no list of capabilities it allows.`,
          remediation:
            'The plan removes securityContext.capabilities.add from these containers. Test them without the capabilities first (for example, NET_BIND_SERVICE is only needed to bind ports below 1024 as a non-root user); if one cannot work without them, keep the workload on EC2 capacity.',
          action: { type: 'workload' as const, edits: added.map((a) => ({ op: 'remove-added-capabilities' as const, container: a.container })) },
        },
      ];
    });
  },
};
