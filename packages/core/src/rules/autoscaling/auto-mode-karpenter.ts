import { runsOnce } from '../../analysis/finished-runs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { SOURCES } from '../../capabilities/sources.js';
import { objectRef, workloadRef } from '../../analysis/refs.js';
import { describeWorkload } from '../../analysis/workload.js';
import { karpenterPoolOf, selfManagedKarpenter } from '../../analysis/karpenter.js';
import { karpenterMove, MIGRATION_TAINT, replacementPool } from '../../placement/karpenter-pools.js';
import { UNKNOWN_KARPENTER_POOL } from '../../placement/node-pools.js';

const SOURCES_KARPENTER = [SOURCES.migrateFromKarpenter, SOURCES.autoNodePool];
const TAINT = `${MIGRATION_TAINT.key}:${MIGRATION_TAINT.effect}`;

/**
 * Self-managed Karpenter moves to Auto Mode by AWS's procedure (aws-facts §7.2, auto-migrate-karpenter):
 * Auto Mode enabled without the general-purpose pool; each Karpenter NodePool re-created as a tainted
 * Auto Mode NodePool on Auto Mode's NodeClass; its workloads moved by a toleration and the nodeSelector
 * eks.amazonaws.com/compute-type: auto; the old NodePools deleted once empty; the controller last. The
 * controller itself never moves: its chart keeps it off nodes a NodePool made, and it is removed, not moved.
 */
export const autoModeKarpenterRule: Rule = {
  id: 'auto-mode-karpenter',
  title: 'Self-managed Karpenter',
  capability: 'autoscaling',
  targets: ['auto-mode'],
  check(ctx) {
    const karpenter = selfManagedKarpenter(ctx.inventory);
    const replacements = new Map((karpenter?.pools ?? []).map((p) => [p.metadata.name, replacementPool(p)]));
    const names = new Map([...replacements.values()].map((r) => [r.original, r.name]));
    const out: FindingDraft[] = [];
    for (const r of replacements.values()) {
      out.push({
        severity: 'change',
        resource: { kind: 'NodePool', name: r.original, namespace: null },
        discriminator: 'replace',
        message: `NodePool ${r.original} is self-managed Karpenter capacity${r.ec2NodeClass ? ` (EC2NodeClass ${r.ec2NodeClass})` : ''}; Auto Mode does not take over Karpenter's NodePools, so AWS's migration runs both side by side and re-creates each as an Auto Mode NodePool.`,
        remediation:
          `The plan creates NodePool ${r.name} on Auto Mode's NodeClass default, with ${r.original}'s requirements (in Auto Mode's eks.amazonaws.com labels), labels, taints, weight and limits, plus the taint ${TAINT}: only workloads the plan moves, with a toleration for it, land there.` +
          (r.dropped.length > 0 ? ` Requirements Auto Mode pools cannot have are left out: ${r.dropped.join(', ')}.` : '') +
          ` Its disruption settings are Auto Mode's (nodes replaced after 14 days, at most 21).` +
          (r.ec2NodeClass
            ? ` EC2NodeClass ${r.ec2NodeClass}'s subnets, security groups, AMI and user data are not carried over (Auto Mode runs Bottlerocket on the default NodeClass's subnets and security group); if it selects others, create an Auto Mode NodeClass with them and point ${r.name} at it.`
            : ''),
        sources: SOURCES_KARPENTER,
        action: {
          type: 'capacity',
          request: {
            kind: 'node-pool',
            name: r.name,
            purpose: 'karpenter',
            requirements: r.requirements,
            taints: r.taints,
            labels: r.labels,
            ...(r.weight !== undefined ? { weight: r.weight } : {}),
            podSecurityGroupIds: [],
            limits: r.limits,
          },
        },
      });
      out.push({
        severity: 'change',
        resource: { kind: 'NodePool', name: r.original, namespace: null },
        discriminator: 'retire',
        message: `NodePool ${r.original} has nothing to run once its workloads run on ${r.name}.`,
        remediation: `Delete it after every wave is verified (kubectl delete nodepool ${r.original}): Karpenter drains and terminates its nodes. Keep it while a workload that cannot move still runs on it.`,
        sources: SOURCES_KARPENTER,
        action: { type: 'decommission', task: { kind: 'retire-karpenter' } },
      });
    }
    for (const nc of karpenter?.nodeClasses ?? [])
      out.push({
        severity: 'change',
        resource: objectRef(nc),
        message: `EC2NodeClass ${nc.metadata.name} is Karpenter's; Auto Mode nodes use its own NodeClass.`,
        remediation: 'Delete it with the Karpenter NodePools that use it, before the controller.',
        sources: SOURCES_KARPENTER,
        action: { type: 'decommission', task: { kind: 'retire-karpenter' } },
      });
    for (const w of karpenter?.controllers ?? [])
      out.push({
        severity: 'change',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} is the self-managed Karpenter controller. It does not move to Auto Mode: it keeps provisioning for the Karpenter NodePools until their workloads have moved, and is removed last.`,
        remediation:
          'Uninstall it after its NodePools and EC2NodeClasses are deleted (helm uninstall, as it was installed). Keep the karpenter.sh CRDs: Auto Mode uses nodepools and nodeclaims, and AWS asks not to change them during the migration. Afterwards, optionally remove the eks-auto-mode taint from the new pools and the compute-type nodeSelector from the workloads (AWS steps 6 and 7), or enable the general-purpose pool, so that new workloads have a default pool.',
        sources: SOURCES_KARPENTER,
        action: { type: 'decommission', task: { kind: 'retire-karpenter' } },
      });
    for (const w of ctx.inventory.workloads) {
      const pool = karpenterPoolOf(ctx, w);
      // A Job stays where it runs (auto-mode-finished-jobs says so; re-creating it would run it again).
      if (pool === null || w.kind === 'DaemonSet' || runsOnce(w)) continue;
      const target = ctx.placement.workloads.get(w.key)?.target;
      const replacement = names.get(pool);
      if (target?.type !== 'auto-mode') {
        // The placeholder of an assumed pool (unseen-capacity.ts) is no name to show or collect.
        const unseen = pool === UNKNOWN_KARPENTER_POOL;
        out.push({
          severity: 'blocker',
          resource: workloadRef(w),
          message: `${describeWorkload(w)} runs on ${unseen ? 'a Karpenter NodePool' : `Karpenter NodePool ${pool}`}${replacement ? `, but no Auto Mode NodePool the plan creates (${replacement} among them) fits it` : ', which the inventory does not show, and no Auto Mode NodePool fits what it asks'}.`,
          remediation: replacement
            ? `It stays on ${pool}, which stays with the Karpenter controller. Its pod template names labels only Karpenter's nodes carry (${karpenterMove(w.template.spec, names).untranslated.join(', ') || 'see its node affinity'}): rewrite them in Auto Mode's eks.amazonaws.com labels and plan again.`
            : `It stays on Karpenter. Collect ${unseen ? 'the Karpenter NodePools (kubectl get nodepools.karpenter.sh -o yaml)' : `NodePool ${pool} (kubectl get nodepools.karpenter.sh ${pool} -o yaml)`} so the plan can re-create ${unseen ? 'its pool' : 'it'} for Auto Mode, and plan again.`,
          sources: SOURCES_KARPENTER,
          action: { on: 'managed-nodes', type: 'stay' },
        });
        continue;
      }
      const move = karpenterMove(w.template.spec, names);
      out.push({
        severity: 'change',
        resource: workloadRef(w),
        discriminator: 'karpenter',
        message: `${describeWorkload(w)} runs on Karpenter NodePool ${pool}; it moves to Auto Mode NodePool ${target.nodePool} when its pod template tolerates ${TAINT} and selects eks.amazonaws.com/compute-type: auto.`,
        remediation:
          `In its wave, add the toleration and the nodeSelector${replacement ? `, point its nodeSelector karpenter.sh/nodepool at ${replacement}` : ''} and spell Karpenter's instance labels as Auto Mode's; verify its pods run on Auto Mode nodes.` +
          (move.untranslated.length > 0 ? ` Its pod template also names ${move.untranslated.join(', ')}: change those by hand in the same rollout.` : ''),
        sources: SOURCES_KARPENTER,
        action: { edits: move.edits, type: 'workload' },
      });
    }
    return out;
  },
};
