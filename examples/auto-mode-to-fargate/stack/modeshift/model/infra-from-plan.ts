// Copied from @modeshift/pulumi 0.1.0 (src/model/infra-from-plan.ts) by `modeshift stack`. Regenerate rather than edit.
import { blockedParts, isBlockedStep, type Blocked } from './blockers.js';
import { coverage } from './coverage.js';
import { kubernetesObjects } from './kubernetes.js';
import { isPlaceholder, placeholdersIn, slug, type Infrastructure, type Plan, type Step } from '../plan/index.js';
import {
  MANAGED_POLICIES,
  type AutoModeModel,
  type FargateModel,
  type FargateProfileModel,
  type IrsaRoleModel,
  type LeftOut,
  type StackModel,
} from './types.js';

type Infra<K extends Infrastructure['kind']> = Extract<Infrastructure, { kind: K }>;

/** Fargate's limit on selectors per profile (aws-facts §4.6). */
export const MAX_SELECTORS_PER_PROFILE = 5;

/** The AWS default the planner names when the cluster has no Auto Mode node role yet (aws-facts §7.3). */
const DEFAULT_NODE_ROLE = 'AmazonEKSAutoNodeRole';

/**
 * Everything a stack builds for a plan, collected from the plan's steps. Pure: the same plan gives the same
 * model, names included. Blocked workloads' steps, namespaces and selectors are left out and listed.
 */
export function infraFromPlan(plan: Plan): StackModel {
  const blocked = blockedParts(plan);
  const steps = plan.stages.flatMap((s) => s.steps);
  const usable = steps.filter((s) => !isBlockedStep(s, blocked));
  const leftOut: LeftOut[] = [...blocked.leftOut];
  for (const s of steps)
    if (!usable.includes(s)) leftOut.push({ subject: `step ${s.id}`, reason: 'it only answers blockers: what it would build serves workloads that stay.' });
  const k8s = kubernetesObjects(plan, blocked);
  leftOut.push(...k8s.leftOut);
  const clusterName = plan.cluster.name ?? '<cluster-name>';
  const fargate = fargateModel(usable, blocked, leftOut);
  return {
    target: plan.to,
    cluster: { ...plan.cluster },
    autoMode: autoModeModel(usable),
    fargate,
    irsaRoles: irsaRoles(usable, blocked, clusterName, leftOut),
    kubernetes: k8s.objects,
    placeholders: placeholdersIn(k8s.objects.map((o) => o.object)),
    leftOut,
    steps: steps.map((s) =>
      coverage(
        s,
        usable.includes(s),
        k8s.objects.some((o) => o.stepId === s.id),
      ),
    ),
  };
}

/** A name the plan knows, or null for its `<placeholder>`. */
const known = (value: string): string | null => (isPlaceholder(value) ? null : value);

function infraOf<K extends Infrastructure['kind']>(steps: readonly Step[], kind: K): { step: Step; item: Infra<K> }[] {
  return steps.flatMap((step) => step.infrastructure.filter((i): i is Infra<K> => i.kind === kind).map((item) => ({ step, item })));
}

function autoModeModel(steps: readonly Step[]): AutoModeModel | null {
  const policies = infraOf(steps, 'cluster-role-policies');
  const nodeRole = infraOf(steps, 'auto-mode-node-role')[0];
  const enable = infraOf(steps, 'enable-auto-mode')[0];
  const auth = infraOf(steps, 'authentication-mode')[0];
  const access = infraOf(steps, 'access-entry');
  if (!policies.length && !nodeRole && !enable && !auth && !access.length) return null;
  // The plan keeps the update's id for its wait (`update_id=$(aws eks update-cluster-config … --query update.id --output text)`);
  // the stack's output is the update itself.
  const plain = (c: string) => /^\w+=\$\((aws eks update-cluster-config .*) --query update\.id --output text\)$/.exec(c)?.[1] ?? c;
  const updateCommand = (step: Step, flag: string): string | null =>
    step.commands.map(plain).find((c) => c.startsWith('aws eks update-cluster-config') && c.includes(flag)) ?? null;
  return {
    clusterRole: policies.length
      ? {
          name: known(policies[0]!.item.roleName),
          policies: [...new Set(policies.flatMap((p) => p.item.policies))].sort(),
          stepId: policies[0]!.step.id,
        }
      : null,
    nodeRole: nodeRole
      ? { name: known(nodeRole.item.roleName) ?? DEFAULT_NODE_ROLE, policies: [...MANAGED_POLICIES.autoModeNode], stepId: nodeRole.step.id }
      : null,
    enable: enable ? { nodePools: [...enable.item.nodePools], command: updateCommand(enable.step, '--compute-config'), stepId: enable.step.id } : null,
    authenticationMode: auth ? { mode: auth.item.mode, command: updateCommand(auth.step, '--access-config'), stepId: auth.step.id } : null,
    accessEntries: access.map(({ step, item }) => ({ type: item.type, policy: item.policy, stepId: step.id })),
  };
}

function fargateModel(steps: readonly Step[], blocked: Blocked, leftOut: LeftOut[]): FargateModel | null {
  const role = infraOf(steps, 'pod-execution-role')[0];
  const requested = infraOf(steps, 'fargate-profile');
  if (!role && requested.length === 0) return null;
  const profiles: FargateProfileModel[] = [];
  const names = new Set<string>();
  for (const { step, item } of requested) {
    if (names.has(item.request.name)) continue;
    names.add(item.request.name);
    const selectors = item.request.selectors.filter((s) => {
      if (!blocked.namespaces.has(s.namespace)) return true;
      leftOut.push({
        subject: `Fargate profile ${item.request.name}, selector namespace=${s.namespace}`,
        reason: `every workload in ${s.namespace} stays where it is (see the blockers).`,
      });
      return false;
    });
    const subnets = [...new Set(item.subnets.filter((s) => !isPlaceholder(s)))].sort();
    for (let i = 0; i < selectors.length; i += MAX_SELECTORS_PER_PROFILE) {
      const name = i === 0 ? item.request.name : `${item.request.name}-${i / MAX_SELECTORS_PER_PROFILE + 1}`;
      profiles.push({
        logicalName: `fargate-profile-${slug(name)}`,
        name,
        stepId: step.id,
        selectors: selectors.slice(i, i + MAX_SELECTORS_PER_PROFILE).map((s) => ({ namespace: s.namespace, labels: { ...s.labels } })),
        subnets: subnets.length > 0 ? subnets : null,
      });
    }
  }
  const existingArn = role ? null : (requested.map((r) => known(r.item.podExecutionRoleArn)).find((arn) => arn !== null) ?? null);
  return {
    podExecutionRole: role
      ? { name: known(role.item.roleName) ?? 'fargate-pod-execution', policy: MANAGED_POLICIES.fargatePodExecution, stepId: role.step.id }
      : null,
    existingPodExecutionRoleArn: existingArn,
    profiles,
  };
}

function irsaRoles(steps: readonly Step[], blocked: Blocked, clusterName: string, leftOut: LeftOut[]): IrsaRoleModel[] {
  const roles: IrsaRoleModel[] = [];
  for (const { step, item } of infraOf(steps, 'irsa-role')) {
    if (blocked.namespaces.has(item.namespace)) {
      leftOut.push({
        subject: `IRSA role for ${item.namespace}/${item.serviceAccount}`,
        reason: `every workload in ${item.namespace} stays where it is (see the blockers).`,
      });
      continue;
    }
    // The plan's own name, so the role-arn annotation its commands print matches the role built here.
    const name = known(item.roleName) ?? slug(`${clusterName}-${item.namespace}-${item.serviceAccount}`);
    if (roles.some((r) => r.name === name)) continue;
    roles.push({ logicalName: `irsa-${name}`, name, namespace: item.namespace, serviceAccount: item.serviceAccount, stepId: step.id });
  }
  return roles;
}
