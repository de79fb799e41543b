import type { Rule } from '../engine/types.js';
import { autoModeEnabled } from '../../analysis/auto-mode-enabled.js';

/** Auto Mode registers its nodes through access entries, so the cluster must accept them (aws-facts §7.3, §8.1). */
export const autoModeAuthenticationModeRule: Rule = {
  id: 'auto-mode-authentication-mode',
  title: 'Cluster authentication mode',
  capability: 'iam',
  targets: ['auto-mode'],
  check(ctx) {
    if (autoModeEnabled(ctx) === true) return [];
    const mode = ctx.inventory.cluster?.authenticationMode ?? null;
    if (mode === null) {
      return [
        {
          severity: 'advisory',
          resource: null,
          message: 'The cluster authentication mode is unknown; EKS Auto Mode needs access entries (authentication mode API or API_AND_CONFIG_MAP).',
          remediation:
            'Check `aws eks describe-cluster --query cluster.accessConfig.authenticationMode`, or add the describe-cluster output to the inventory and plan again.',
          action: { type: 'review' },
        },
      ];
    }
    if (mode !== 'CONFIG_MAP') return [];
    return [
      {
        severity: 'change',
        resource: null,
        message: 'The cluster authenticates only through the aws-auth ConfigMap (CONFIG_MAP); EKS Auto Mode needs access entries to register its nodes.',
        remediation:
          'Switch to API_AND_CONFIG_MAP before enabling Auto Mode (`aws eks update-cluster-config --name <cluster> --access-config authenticationMode=API_AND_CONFIG_MAP`); existing aws-auth mappings keep working in that mode.',
        action: { type: 'prerequisite', task: { kind: 'authentication-mode' } },
      },
    ];
  },
};
