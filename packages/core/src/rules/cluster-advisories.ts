// The cluster-wide advisories of both directions, one row each: what is gained or lost for the whole
// cluster once workloads move (aws-facts §2 GuardDuty, image and pricing rows).
import { currentType, movers } from '../analysis/auto-mode-movers.js';
import { anyMoving, daemonSets } from '../analysis/fargate-scope.js';
import { SOURCES } from '../capabilities/sources.js';
import type { RuleContext } from './engine/types.js';
import { clusterAdvisoryRules, type ClusterAdvisory } from './engine/advisory-table.js';

/** Some workload moves from Fargate to Auto Mode nodes. */
const leavesFargate = (ctx: RuleContext) => movers(ctx).some((w) => currentType(ctx, w) === 'fargate');

const ROWS: readonly ClusterAdvisory[] = [
  // GuardDuty Runtime Monitoring covers EC2 and Auto Mode nodes, not Fargate pods on EKS.
  {
    id: 'auto-mode-guardduty-runtime',
    title: 'GuardDuty Runtime Monitoring',
    capability: 'guardduty-runtime',
    target: 'auto-mode',
    severity: 'gain',
    when: leavesFargate,
    message: 'GuardDuty Runtime Monitoring does not cover pods on Fargate; once they run on Auto Mode it can.',
    remediation: 'Consider enabling GuardDuty EKS Runtime Monitoring for the cluster after the move.',
  },
  {
    id: 'fargate-guardduty-runtime',
    title: 'GuardDuty Runtime Monitoring',
    capability: 'guardduty-runtime',
    target: 'fargate',
    severity: 'advisory',
    when: anyMoving,
    message(ctx, row) {
      const agent = daemonSets(ctx).find((w) => /guardduty/i.test(w.metadata.name) || /guardduty/i.test(w.metadata.namespace));
      return `${agent ? `GuardDuty's runtime agent runs here (DaemonSet ${agent.metadata.namespace}/${agent.metadata.name}). ` : 'If GuardDuty Runtime Monitoring is enabled for this cluster, '}${agent ? 'Pods' : 'pods'} that move to Fargate lose runtime threat detection. ${row.summary}`;
    },
    remediation: 'Decide whether the moving workloads can go without runtime monitoring; those that cannot should stay on EC2 capacity.',
  },
  // Nodes reuse pulled image layers between pods; each Fargate pod gets a fresh VM. AWS states
  // neither side for EKS (aws-facts §10), so the gain is worded as likely.
  {
    id: 'auto-mode-image-cache',
    title: 'Image layer caching',
    capability: 'image-cache',
    target: 'auto-mode',
    severity: 'gain',
    when: leavesFargate,
    message:
      'Pods moving from Fargate will share Auto Mode nodes, where image layers already pulled by other pods are normally reused, so starts and scale-outs are likely faster than on Fargate.',
    remediation:
      'Nothing to do; large images gain the most. AWS documents no image cache for EKS on Fargate, so measure pull times before and after if they matter to you.',
    sources: [SOURCES.ecsFargatePull],
  },
  {
    id: 'fargate-image-cache',
    title: 'Image layer caching',
    capability: 'image-cache',
    target: 'fargate',
    severity: 'advisory',
    when: anyMoving,
    message: (_ctx, row) =>
      `On Auto Mode, a pod can reuse image layers already pulled to its node (ordinary kubelet behaviour); each Fargate pod starts on its own VM. ${row.summary} Plan for every pod start to pull its full image, which slows scale-out and restarts.`,
    remediation:
      'Keep images small, pull them from Amazon ECR in the same Region (or through a pull-through cache), and size readiness timeouts and HPA scale-up for the longer start.',
  },
  // Reserved Instances and capacity reservations do not apply to Fargate; only Compute Savings Plans do.
  {
    id: 'fargate-pricing-commitments',
    title: 'Savings Plans and Reserved Instances',
    capability: 'pricing-commitments',
    target: 'fargate',
    severity: 'advisory',
    when: anyMoving,
    message: (_ctx, row) =>
      `Auto Mode instances can use Reserved Instances, EC2 Instance Savings Plans and capacity reservations; Fargate cannot. ${row.condition ?? row.summary}`,
    remediation:
      'Check which commitments cover this cluster today: Compute Savings Plans carry over to Fargate, while Reserved Instances, EC2 Instance Savings Plans and capacity reservations stay with EC2 and may go unused after the move.',
  },
];

export const CLUSTER_ADVISORY_RULES = clusterAdvisoryRules(ROWS);
