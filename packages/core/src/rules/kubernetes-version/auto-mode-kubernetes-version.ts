import { atLeast, formatVersion } from '../../version.js';
import type { Rule } from '../engine/types.js';

/** Auto Mode cannot be enabled below its minimum Kubernetes version; the matrix row holds the number. */
export const autoModeKubernetesVersionRule: Rule = {
  id: 'auto-mode-kubernetes-version',
  title: 'Kubernetes version',
  capability: 'kubernetes-version',
  targets: ['auto-mode'],
  check(ctx, row) {
    const minimum = row.minKubernetesVersion;
    if (!minimum) return [];
    if (!ctx.clusterVersion) {
      return [
        {
          severity: 'advisory',
          resource: null,
          message: `The cluster version is unknown; EKS Auto Mode needs Kubernetes ${minimum} or later.`,
          remediation: 'Add the output of `aws eks describe-cluster` to the inventory, or pass --cluster-version.',
          action: { type: 'review' },
        },
      ];
    }
    if (atLeast(ctx.clusterVersion, minimum)) return [];
    return [
      {
        severity: 'blocker',
        resource: null,
        message: `The cluster runs Kubernetes ${formatVersion(ctx.clusterVersion)}; EKS Auto Mode needs ${minimum} or later.`,
        remediation: `Upgrade the control plane one minor version at a time to ${minimum} or later (aws eks update-cluster-version), then plan again.`,
        action: { type: 'prerequisite', task: { kind: 'upgrade-kubernetes', minVersion: minimum } },
      },
    ];
  },
};
