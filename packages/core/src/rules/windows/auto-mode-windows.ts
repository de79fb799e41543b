import { workloadRef } from '../../analysis/refs.js';
import type { Rule } from '../engine/types.js';
import { isWindowsPinned } from '../../analysis/auto-mode-movers.js';
import { describeWorkload } from '../../analysis/workload.js';

/**
 * Auto Mode runs Linux nodes only, as does Fargate on EKS (aws-facts §2 Windows row, §7.2:
 * AWS's pre-flight check fails on Windows), so these workloads cannot move at all.
 */
export const autoModeWindowsRule: Rule = {
  id: 'auto-mode-windows',
  title: 'Windows',
  capability: 'windows',
  targets: ['auto-mode'],
  check(ctx) {
    return ctx.inventory.workloads.filter(isWindowsPinned).map((w) => ({
      severity: 'blocker' as const,
      resource: workloadRef(w),
      message: `${describeWorkload(w)} is pinned to Windows nodes (kubernetes.io/os: windows); EKS Auto Mode runs Linux nodes only.`,
      remediation:
        'Port it to Linux, or keep it on managed Windows nodes. AWS\'s Auto Mode pre-flight check fails when Windows is present ("Do not enable EKS Auto Mode"), so Windows workloads that must stay may need a cluster of their own.',
      action: { type: 'stay' as const, on: 'managed-nodes' as const },
    }));
  },
};
