import { SOURCES } from '../../capabilities/sources.js';
import type { Rule } from '../engine/types.js';
import { anyMoving } from '../../analysis/fargate-scope.js';

/** Every Fargate profile needs a pod execution role; the plan creates one when no profile has one yet. */
export const fargatePodExecutionRoleRule: Rule = {
  id: 'fargate-pod-execution-role',
  title: 'Pod execution role',
  capability: 'iam',
  targets: ['fargate'],
  check(ctx) {
    if (!anyMoving(ctx) || ctx.inventory.fargateProfiles.some((p) => p.podExecutionRoleArn)) return [];
    return [
      {
        severity: 'change' as const,
        resource: null,
        message: 'No Fargate profile in the inventory has a pod execution role, and every profile the plan creates needs one.',
        remediation:
          'Create an IAM role trusted by eks-fargate-pods.amazonaws.com (condition aws:SourceArn arn:aws:eks:<region>:<account>:fargateprofile/<cluster>/*) with the managed policy AmazonEKSFargatePodExecutionRolePolicy. Use a role separate from any EC2 node role; containers cannot use it (they use IRSA).',
        sources: [SOURCES.fargateProfile],
        action: { type: 'prerequisite' as const, task: { kind: 'pod-execution-role' as const } },
      },
    ];
  },
};
