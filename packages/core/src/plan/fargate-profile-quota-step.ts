import type { Step } from '@modeshift/plan';
import { ids, withAction, type PlanInput } from './plan-input.js';
import { FARGATE_LIMITS } from '../capabilities/limits.js';
import { makeStep } from './step.js';
import { shellComment } from '../util/shell.js';

const QUOTA_NAME = 'Fargate profiles per cluster';
// Read-only: the quota as applied to the account (a quota never raised may be listed only among the defaults).
const SHOW_QUOTA = `aws service-quotas list-service-quotas --service-code eks --query "Quotas[?QuotaName=='${QUOTA_NAME}'].[QuotaCode,Value]" --output text`;
const SHOW_DEFAULT = `aws service-quotas list-aws-default-service-quotas --service-code eks --query "Quotas[?QuotaName=='${QUOTA_NAME}'].[QuotaCode,Value]" --output text`;

/**
 * Before any profile is created: the cluster must be allowed as many Fargate profiles as the plan
 * leaves it with. Raising a quota is a request AWS grants (not always at once), so the step asks a
 * person to make it and to wait; nothing in the cluster changes here.
 */
export function fargateProfileQuotaStep(profiles: number, findings: string[]): Step {
  return makeStep({
    id: 'prerequisites/fargate-profile-quota',
    title: `Make sure the cluster may have ${profiles} Fargate profiles`,
    kind: 'review',
    why: `The plan leaves the cluster with ${profiles} Fargate profiles; the default quota is ${FARGATE_LIMITS.defaultProfilesPerCluster} per cluster, and beyond the quota create-fargate-profile fails in the middle of the capacity stage.`,
    findings,
    commands: [
      SHOW_QUOTA,
      SHOW_DEFAULT,
      shellComment(
        `if the applied value (else the default) is below ${profiles}: aws service-quotas request-service-quota-increase --service-code eks --quota-code <the code printed above> --desired-value ${profiles}, then wait until aws service-quotas list-requested-service-quota-change-history --service-code eks shows it APPROVED`,
      ),
    ],
    verify: { command: SHOW_QUOTA, expect: `a value of ${profiles} or more` },
    rollback: { description: 'Nothing to roll back: a higher quota changes nothing until profiles are created.', commands: [] },
  });
}

/**
 * The quota step, when the cluster will have more profiles than the default quota: counted from the
 * profiles the capacity stage creates (one per namespace, and those for CoreDNS and the load balancer
 * controller) plus those the cluster has; going to Fargate none is deleted before the last is created.
 * A prerequisite: the capacity steps returned wait for it.
 */
export function profileQuotaStep(input: PlanInput, capacity: readonly Step[]): { quota: Step | null; capacity: Step[] } {
  const created = capacity.reduce((n, s) => n + s.infrastructure.filter((i) => i.kind === 'fargate-profile').length, 0);
  const total = input.ctx.inventory.fargateProfiles.length + created;
  if (created === 0 || total <= FARGATE_LIMITS.defaultProfilesPerCluster) return { quota: null, capacity: [...capacity] };
  const findings = withAction(input, 'prerequisite').filter((x) => x.action.task.kind === 'fargate-profile-quota');
  const quota = fargateProfileQuotaStep(total, ids(findings));
  return { quota, capacity: capacity.map((s) => ({ ...s, dependsOn: [...new Set([...s.dependsOn, quota.id])] })) };
}
