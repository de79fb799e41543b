import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import type { Rule } from '../engine/types.js';
import { autoModeEnabled } from '../../analysis/auto-mode-enabled.js';

/** Enabling Auto Mode fails unless the cluster role already carries its managed policies (aws-facts §7.3). */
export const autoModeClusterRolePoliciesRule: Rule = {
  id: 'auto-mode-cluster-role-policies',
  title: 'Cluster IAM role policies',
  capability: 'iam',
  targets: ['auto-mode'],
  check(ctx) {
    if (autoModeEnabled(ctx) === true) return [];
    const role = ctx.inventory.cluster?.roleArn ?? 'the cluster IAM role';
    // Every cluster role has carried AmazonEKSClusterPolicy since the cluster was created: the plan neither attaches nor detaches it.
    const base = AUTO_MODE_FACTS.baseClusterRolePolicy;
    const policies = AUTO_MODE_FACTS.clusterRolePolicies.filter((p) => p !== base);
    return [
      {
        severity: 'change',
        resource: null,
        message: `Before Auto Mode can be enabled, ${role} needs the managed policies ${policies.join(', ')} beside the ${base} every cluster role has, and its trust policy must allow eks.amazonaws.com both sts:AssumeRole and sts:TagSession.`,
        remediation: `The inventory does not show which policies the role has, so the plan records them before attaching, attaches the Auto Mode policies (attaching one already there changes nothing) and, on rollback, detaches only those it added; ${base} is never touched. Add sts:TagSession to the trust policy (the cluster role cannot be replaced on an existing cluster). Create a node role trusted by ec2.amazonaws.com with ${AUTO_MODE_FACTS.nodeRolePolicies.join(' and ')}; the built-in NodePools get its access entry (${AUTO_MODE_FACTS.nodeAccessPolicy}) automatically, custom NodeClasses with another role need one created by you.`,
        action: { type: 'prerequisite', task: { kind: 'cluster-role-policies', policies } },
      },
    ];
  },
};
