import { ids, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { isCoreDns } from '../analysis/workload.js';
import { isKarpenterController } from '../analysis/karpenter.js';
import type { Workload } from '../inventory/types.js';
import type { Step } from '@modeshift/plan';
import { waitForJobsStep } from './wait-for-jobs.js';

/**
 * Pods not serving: neither Completed nor Running with every container ready. A pod in CrashLoopBackOff or
 * failing its readiness probe is in phase Running, so a field selector on the phase does not show it. grep
 * (READY n/n by a back-reference), not awk: the wizard runs a check only when every program in it is read-only.
 */
const NOT_SERVING = "kubectl get pods -A --no-headers | grep -v ' Completed ' | grep -v ' \\([0-9][0-9]*\\)/\\1  *Running '";

const RUNNING_ON_FARGATE = "kubectl get pods -A -o wide --field-selector=status.phase=Running | grep 'fargate-'";
const RUNNING_ELSEWHERE = "kubectl get pods -A -o wide --field-selector=status.phase=Running | grep -v 'fargate-'";

// Self-managed Karpenter's nodes: Auto Mode's carry karpenter.sh/nodepool too, but also compute-type auto.
const RUNNING_ON_KARPENTER =
  "kubectl get pods -A -o wide --field-selector=status.phase=Running | grep -F -f <(kubectl get nodes -l 'karpenter.sh/nodepool,eks.amazonaws.com/compute-type!=auto' -o name | cut -d/ -f2)";

const onFargate = (input: PlanInput, is: (w: Workload) => boolean): boolean =>
  input.ctx.inventory.workloads.some((w) => is(w) && input.ctx.placement.workloads.get(w.key)?.current.type === 'fargate');

/** What still runs on Fargate when this check runs: CoreDNS serves Fargate pods until the last step, Karpenter's controller goes in decommission. */
function leftOnFargate(input: PlanInput): string {
  const left = [
    ...(onFargate(input, isCoreDns) ? ['the CoreDNS pods (coredns-…), which leave Fargate in the decommission stage'] : []),
    ...(onFargate(input, isKarpenterController) ? ['the Karpenter controller, which the decommission stage uninstalls'] : []),
  ];
  return left.length > 0 ? `only ${left.join(', and ')}` : 'no output: no running pod is left on Fargate';
}

const retiresKarpenterPools = (input: PlanInput): boolean =>
  input.findings.some((f) => f.action.type === 'decommission' && f.action.task.kind === 'retire-karpenter' && f.resource?.kind === 'NodePool');

/** Going to Fargate, the decommission steps that take the EC2 nodes away. */
function whatTerminatesNodes(input: PlanInput): string {
  const disables = input.findings.some((f) => f.action.type === 'decommission' && f.action.task.kind === 'disable-auto-mode');
  if (!retiresKarpenterPools(input)) return 'Disabling Auto Mode terminates its instances';
  return `Deleting the Karpenter NodePools terminates their nodes${disables ? ', and disabling Auto Mode its instances' : ''}`;
}

/**
 * `reviewedEarlier`: findings that a review step of an earlier stage already asks a person to check
 * (the NetworkPolicies' review, for one); the closing list of decisions does not repeat them.
 */
export function verificationSteps(input: PlanInput, after: string[], reviewedEarlier: ReadonlySet<string>): Step[] {
  const toAuto = input.ctx.target === 'auto-mode';
  const steps: Step[] = [
    makeStep({
      id: 'verification/nothing-left-behind',
      title: toAuto ? 'Check that no pod runs on Fargate any more' : 'Check that every moved pod runs on Fargate',
      kind: 'verify',
      why: toAuto
        ? 'Deleting Fargate profiles stops every pod still on them; this is the last check before that.'
        : `${whatTerminatesNodes(input)}; this is the last check before that.`,
      dependsOn: after,
      // Only running pods count: completed Job pods stay listed on the nodes they ran on.
      commands: [toAuto ? RUNNING_ON_FARGATE : RUNNING_ELSEWHERE],
      verify: toAuto
        ? {
            command: RUNNING_ON_FARGATE,
            expect: leftOnFargate(input),
          }
        : { command: RUNNING_ELSEWHERE, expect: 'only the header, the workloads the plan keeps where they are, and DaemonSet pods of the nodes they keep' },
    }),
    ...(toAuto && retiresKarpenterPools(input)
      ? [
          makeStep({
            id: 'verification/karpenter-nodes-drained',
            title: "Check that only DaemonSets run on Karpenter's nodes",
            kind: 'verify',
            why: 'Deleting the Karpenter NodePools terminates their nodes; every workload on them must run on the Auto Mode NodePools that replace them first.',
            dependsOn: after,
            commands: [RUNNING_ON_KARPENTER],
            verify: {
              command: RUNNING_ON_KARPENTER,
              expect: 'only DaemonSet pods, and those of workloads the plan keeps on Karpenter',
            },
          }),
        ]
      : []),
    makeStep({
      id: 'verification/workloads-healthy',
      title: 'Check that workloads are healthy and reachable',
      kind: 'verify',
      why: 'A rollout can finish with pods Running that are not serving; check readiness, restarts and load balancer targets before tearing anything down.',
      dependsOn: after,
      commands: [
        'kubectl get deployments,statefulsets,daemonsets -A',
        NOT_SERVING,
        // Restarts show a pod that crashes and comes back, which its phase (Running) hides (a moved pod is new: its count starts at 0).
        "kubectl get pods -A --no-headers | awk '$5 + 0 > 0'",
        '# for each load balancer the plan moved: aws elbv2 describe-target-health --target-group-arn <its target group> shows every target healthy',
      ],
      verify: { command: NOT_SERVING, expect: 'nothing: every pod is Running with all its containers ready, or Completed' },
    }),
  ];
  // The summary counts advisories and gains by severity; this step lists exactly those, whatever
  // their action, so the two numbers agree. Changes that ask for a decision get a step of their own.
  const reviews = input.findings.filter((f) => f.severity === 'advisory' || f.severity === 'gain');
  if (reviews.length > 0) {
    steps.push(
      makeStep({
        id: 'verification/review-advisories',
        title: `Review ${reviews.length} advisor${reviews.length === 1 ? 'y' : 'ies'} and gains`,
        kind: 'review',
        why: 'These do not block the move but change behaviour or cost on the target; decide on each before decommissioning.',
        findings: ids(reviews.map((finding) => ({ finding }))),
        dependsOn: after,
        verify: { command: '', expect: 'each finding read and either acted on or accepted' },
      }),
    );
  }
  const jobs = waitForJobsStep(input, after);
  if (jobs) steps.push(jobs);
  // Jobs left to finish are answered by their wait step, like earlier reviews by theirs: not listed again as decisions.
  const waited = new Set(jobs?.findings ?? []);
  const decisions = input.findings.filter((f) => f.severity === 'change' && f.action.type === 'review' && !reviewedEarlier.has(f.id) && !waited.has(f.id));
  if (decisions.length > 0) {
    steps.push(
      makeStep({
        id: 'verification/review-changes',
        title: `Decide on ${decisions.length} change${decisions.length === 1 ? '' : 's'} the plan cannot make for you`,
        kind: 'review',
        why: 'Each changes behaviour on the target and needs a person to check or carry it out; the plan lists it rather than guessing.',
        findings: ids(decisions.map((finding) => ({ finding }))),
        dependsOn: after,
        verify: { command: '', expect: 'each change made or accepted' },
      }),
    );
  }
  return steps;
}
