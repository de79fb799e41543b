import { SOURCES } from '../../capabilities/sources.js';
import type { Rule } from '../engine/types.js';
import { shellQuote } from '../../util/shell.js';

/**
 * Deleting a profile stops its pods and leaves them Pending (aws-facts §0.3), so profiles go only
 * after every pod they select has moved; one finding per profile lets the planner order each.
 */
export const autoModeFargateProfilesRule: Rule = {
  id: 'auto-mode-fargate-profiles',
  title: 'Fargate profiles',
  capability: 'autoscaling',
  targets: ['auto-mode'],
  check(ctx) {
    const cluster = ctx.inventory.cluster?.name ?? '<cluster>';
    return ctx.inventory.fargateProfiles.map((p) => {
      const selects = p.selectors.map((s) => s.namespace).join(', ');
      return {
        severity: 'change' as const,
        resource: { kind: 'FargateProfile', name: p.name, namespace: null },
        message: `Fargate profile ${p.name} (namespaces ${selects || 'none'}) must be deleted once every pod it schedules has moved to Auto Mode; deleting it earlier stops those pods and leaves them Pending.`,
        remediation: `After the last wave, check that no pod runs on a fargate-ip-... node (\`kubectl get pods -A -o wide\`), then \`aws eks delete-fargate-profile --cluster-name ${shellQuote(cluster)} --fargate-profile-name ${shellQuote(p.name)}\` (one profile at a time can be deleting).`,
        sources: [SOURCES.fargateProfile, SOURCES.migrateFromFargate],
        action: { type: 'decommission' as const, task: { kind: 'delete-fargate-profiles' as const } },
      };
    });
  },
};
