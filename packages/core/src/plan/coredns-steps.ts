// What becomes of CoreDNS on Fargate when the move to Auto Mode ends. Auto Mode's DNS serves only its
// own nodes (aws-facts §0.2, §1): with nothing left elsewhere, CoreDNS is scaled to 0 as the very last
// step; with workloads left on a node group or Fargate, it keeps serving them, and must leave Fargate
// by a rolling update before its profile goes, since deleting the profile stops all its pods at once.
import type { Finding, Step } from '@modeshift/plan';
import { COMPUTE_TYPE_ANNOTATION } from '../placement/fargate-profiles.js';
import { collectMoves } from './moves.js';
import { editEffect } from './effect-builders.js';
import { patchCommands, rollbackCommands } from './patches.js';
import { ids, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { isCoreDns } from '../analysis/workload.js';
import { runsOnce } from '../analysis/finished-runs.js';
import { sh, shellComment } from '../util/shell.js';

/** CoreDNS's replica count in the inventory; null when the inventory has no CoreDNS. */
export const corednsReplicas = (input: PlanInput): number | null => input.ctx.inventory.workloads.find(isCoreDns)?.replicas ?? null;

const DNS_CHECK = {
  command: 'kubectl run dns-check --rm -it --restart=Never --image=public.ecr.aws/docker/library/busybox:1.36 -- nslookup kubernetes.default',
  expect: 'the name resolves',
};

/**
 * Workloads that keep running outside Auto Mode after the plan (they stay, or the plan leaves them on a
 * node group): their pods resolve names through CoreDNS. Jobs run once and need none afterwards.
 */
function outsideAutoMode(input: PlanInput): string[] {
  const moving = new Set(collectMoves(input).map((m) => m.workload.key));
  return input.ctx.inventory.workloads
    .filter((w) => {
      if (moving.has(w.key) || isCoreDns(w) || runsOnce(w) || w.replicas === 0) return false;
      const current = input.ctx.placement.workloads.get(w.key)?.current.type;
      return current === 'fargate' || current === 'managed-nodes';
    })
    .map((w) => w.key);
}

const listSome = (keys: string[]): string => (keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', '));

export interface CorednsSteps {
  /** Before the Fargate profiles are deleted: CoreDNS leaves Fargate by a rolling update, when it must keep serving. */
  beforeProfiles: Step | null;
  /** The last step: CoreDNS scaled to 0, or kept (saying for whom). */
  last: Step | null;
}

/**
 * `findings`: the coredns rule's (CoreDNS runs on Fargate). `profilesGo`: whether the plan deletes the
 * Fargate profiles; while they stay, CoreDNS can stay on Fargate too.
 */
export function corednsSteps(input: PlanInput, findings: readonly { finding: Finding }[], profilesGo: boolean): CorednsSteps {
  if (findings.length === 0) return { beforeProfiles: null, last: null };
  const outside = outsideAutoMode(input);
  const rollback = {
    description: 'Scale CoreDNS back to the replicas the inventory shows.',
    commands: [sh`kubectl scale deployment coredns -n kube-system --replicas=${String(corednsReplicas(input) || 2)}`],
  };
  if (outside.length === 0) {
    return {
      beforeProfiles: null,
      last: makeStep({
        id: 'decommission/scale-coredns',
        title: 'Scale CoreDNS to 0 (last step)',
        kind: 'scale-coredns',
        why: 'EKS Auto Mode handles DNS for its nodes; CoreDNS on Fargate is scaled down only after every Fargate pod has moved, never before.',
        findings: ids(findings),
        commands: ['kubectl scale deployment coredns -n kube-system --replicas=0'],
        effects: [{ type: 'scale-workload', workload: 'Deployment/kube-system/coredns', replicas: 0 }],
        verify: DNS_CHECK,
        rollback,
      }),
    };
  }
  const whom = `${outside.length} workload${outside.length === 1 ? ' keeps' : 's keep'} running outside Auto Mode (${listSome(outside)}) and resolve names through CoreDNS`;
  if (!profilesGo) {
    // Its profile stays: nothing stops its pods.
    return {
      beforeProfiles: null,
      last: makeStep({
        id: 'decommission/scale-coredns',
        title: 'Keep CoreDNS for the workloads outside Auto Mode',
        kind: 'scale-coredns',
        why: `EKS Auto Mode's DNS serves only its own nodes; ${whom}, so it keeps its replicas.`,
        findings: ids(findings),
        verify: DNS_CHECK,
        rollback,
      }),
    };
  }
  const coredns = input.ctx.inventory.workloads.find(isCoreDns);
  const moveOff = [{ op: 'set-pod-annotation' as const, key: COMPUTE_TYPE_ANNOTATION, value: 'ec2' }];
  const onEc2 = 'kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide';
  // Without a coredns Deployment in the inventory (only the kube-system profile shows it) the same move is said in words.
  const move = coredns
    ? {
        commands: [...patchCommands(coredns, moveOff), 'kubectl rollout status deployment coredns -n kube-system --timeout=10m'],
        effects: [editEffect(coredns, moveOff)].flatMap((e) => e ?? []),
        workloads: [coredns.key],
        rollback: { description: 'Undo the rolling update while the Fargate profile still exists.', commands: rollbackCommands(coredns, moveOff) },
      }
    : {
        commands: [
          shellComment(
            `the inventory has no coredns Deployment: if CoreDNS runs on Fargate, give its pod template the annotation ${COMPUTE_TYPE_ANNOTATION}: ec2 (kubectl patch deployment/coredns -n kube-system) and wait for kubectl rollout status deployment coredns -n kube-system before the profiles go`,
          ),
          onEc2,
        ],
        rollback,
      };
  return {
    beforeProfiles: makeStep({
      id: 'decommission/move-coredns',
      title: 'Move CoreDNS off Fargate, one pod at a time, before its profile goes',
      kind: 'scale-coredns',
      why: `EKS Auto Mode's DNS serves only its own nodes; ${whom}, so it keeps its replicas. Deleting its Fargate profile would stop every CoreDNS pod at once; the pod annotation ${COMPUTE_TYPE_ANNOTATION}: ec2 moves them by a rolling update instead, onto EC2 capacity (Auto Mode or a node group), while the others keep answering.`,
      findings: ids(findings),
      verify: { command: onEc2, expect: 'every CoreDNS pod Running on an EC2 node (i-…), none on fargate-…; then the name check resolves' },
      ...move,
    }),
    last: null,
  };
}
