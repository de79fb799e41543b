// Decommissioning self-managed Karpenter, in AWS's order (auto-migrate-karpenter, steps 5 and 8): its
// NodePools once their workloads run elsewhere (Karpenter drains their nodes), their EC2NodeClasses, and
// the controller last. NodePools a staying workload still runs on are kept, and with them the controller.
import { kubeRef, type Effect, type Finding, type Step } from '@modeshift/plan';
import type { Workload } from '../inventory/types.js';
import { helmRelease, isKarpenterController } from '../analysis/karpenter.js';
import { isKarpenterNodePool, replacementName } from '../placement/karpenter-pools.js';
import type { Compute } from '../placement/types.js';
import { resourceKey } from '../rules/engine/run.js';
import { sh } from '../util/shell.js';
import { ids, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';

type Item = { finding: Finding };

/** The Karpenter NodePools staying workloads run on today: the plan keeps them. */
function keptPools(input: PlanInput): Set<string> {
  const kept = new Set<string>();
  for (const key of input.staying.keys()) {
    const current = input.ctx.placement.workloads.get(key)?.current;
    if (current?.type === 'managed-nodes' && current.nodePool !== undefined) kept.add(current.nodePool);
  }
  return kept;
}

/** What of self-managed Karpenter the plan leaves running, which other decommission steps must not pull from under it. */
export interface KarpenterLeft {
  /** Where a controller the plan keeps runs: that capacity (a Fargate profile, Auto Mode) must stay too. */
  controllerOn: ReadonlySet<Compute['type']>;
  /** Whether Karpenter NodePools outlive the plan: their nodes still need their node agents. */
  poolsRemain: boolean;
}

export function karpenterLeft(input: PlanInput, items: readonly Item[]): KarpenterLeft {
  const kept = keptPools(input);
  // Without retire tasks (nothing moves) the plan touches no Karpenter capacity at all.
  const poolsRemain = kept.size > 0 || (items.length === 0 && input.ctx.inventory.nodePools.some(isKarpenterNodePool));
  const controllers = input.ctx.inventory.workloads.filter(isKarpenterController);
  const controllerOn = new Set(poolsRemain ? controllers.flatMap((w) => input.ctx.placement.workloads.get(w.key)?.current.type ?? []) : []);
  return { controllerOn, poolsRemain };
}

export function karpenterSteps(input: PlanInput, items: readonly Item[], after: string[]): Step[] {
  if (items.length === 0) return [];
  const kept = keptPools(input);
  const toAutoMode = input.ctx.target === 'auto-mode';
  const of = (kind: string) => items.filter((x) => x.finding.resource?.kind === kind);
  const pools = of('NodePool').filter((x) => !kept.has(x.finding.resource!.name));
  const keptClasses = new Set([...kept].flatMap((name) => input.ctx.index.nodePool(name)?.spec.template?.spec?.nodeClassRef?.name ?? []));
  const classes = of('EC2NodeClass').filter((x) => !keptClasses.has(x.finding.resource!.name));
  const controllerItems = items.filter((x) => x.finding.resource && input.ctx.index.workload(resourceKey(x.finding.resource)));
  const controllers = input.ctx.inventory.workloads.filter(isKarpenterController);
  const keptText = kept.size > 0 ? ` Kept for workloads that stay: ${[...kept].sort().join(', ')}.` : '';
  const steps: Step[] = [];
  if (pools.length + classes.length > 0) steps.push(poolsStep(input, pools, classes, after, keptText));
  const last = steps.length > 0 ? [steps[steps.length - 1]!.id] : after;
  if (kept.size > 0) {
    if (controllers.length > 0) steps.push(keepControllerStep(controllerItems, last, keptText));
  } else if (controllers.length > 0 || pools.length > 0) steps.push(removeControllerStep(controllers, controllerItems, last, toAutoMode));
  return steps;
}

function poolsStep(input: PlanInput, pools: readonly Item[], classes: readonly Item[], after: string[], keptText: string): Step {
  const toAutoMode = input.ctx.target === 'auto-mode';
  const poolNames = pools.map((x) => x.finding.resource!.name);
  const classNames = classes.map((x) => x.finding.resource!.name);
  return makeStep({
    id: 'decommission/retire-karpenter-node-pools',
    title: `Delete the Karpenter NodePools${poolNames.length ? ` (${poolNames.join(', ')})` : ''}${classNames.length ? ` and EC2NodeClasses (${classNames.join(', ')})` : ''}`,
    kind: 'retire-node-pools',
    why: `${toAutoMode ? 'Their workloads run on the Auto Mode NodePools that replace them' : 'Their workloads run on Fargate'}; Karpenter drains and terminates their nodes, so this comes after every wave is verified, and while its controller still runs.${keptText}`,
    findings: [...ids(pools), ...ids(classes)],
    dependsOn: after,
    commands: [...poolNames.map((n) => sh`kubectl delete nodepool ${n}`), ...classNames.map((n) => sh`kubectl delete ec2nodeclass ${n}`)],
    effects: [
      ...poolNames.map((n): Effect => ({
        type: 'delete-object',
        object: kubeRef('NodePool', null, n),
        replacedBy: toAutoMode ? kubeRef('NodePool', null, replacementName(n)) : null,
      })),
      ...classNames.map((n): Effect => ({ type: 'delete-object', object: kubeRef('EC2NodeClass', null, n), replacedBy: null })),
    ],
    verify: {
      command: 'kubectl get nodepools,ec2nodeclasses,nodeclaims',
      expect: `${[...poolNames, ...classNames].join(', ')} gone, and no NodeClaim of ${poolNames.length === 1 ? 'that pool' : 'those pools'} left`,
    },
    rollback: { description: 'Re-apply the NodePools and EC2NodeClasses from the inventory; Karpenter launches their nodes again.', commands: [] },
  });
}

function keepControllerStep(controllerItems: readonly Item[], after: string[], keptText: string): Step {
  return makeStep({
    id: 'decommission/remove-karpenter',
    title: 'Keep the Karpenter controller for the NodePools that stay',
    kind: 'retire-agents',
    why: `Workloads that cannot move still run on Karpenter NodePools, which need their controller.${keptText}`,
    findings: ids(controllerItems),
    dependsOn: after,
    verify: { command: 'kubectl get deployments -A -l app.kubernetes.io/name=karpenter', expect: 'the controller still Running' },
    rollback: { description: 'Nothing changed.', commands: [] },
  });
}

// What installing Karpenter created outside the cluster; the chart's uninstall leaves all of it.
const OUTSIDE_THE_CLUSTER =
  "Then delete what its installation created outside the cluster, with the tool that created it (Terraform, CloudFormation, eksctl): the controller's IAM role, the node IAM role with its instance profiles and access entry (or aws-auth mapping), and the SQS interruption queue with its EventBridge rules.";

function removeControllerStep(controllers: readonly Workload[], controllerItems: readonly Item[], after: string[], toAutoMode: boolean): Step {
  const commands: string[] = [];
  const effects: Effect[] = [];
  for (const w of controllers) {
    const release = helmRelease(w);
    if (release !== null) {
      commands.push(sh`helm uninstall ${release} -n ${w.metadata.namespace}`);
      effects.push({ type: 'remove-addon', addon: 'karpenter', ...(release !== 'karpenter' ? { release } : {}) });
    } else {
      commands.push(sh`kubectl delete deployment ${w.metadata.name} -n ${w.metadata.namespace}`);
      effects.push({ type: 'delete-workload', workload: w.key });
    }
  }
  // The inventory shows Karpenter's NodePools but not its controller: find it, then uninstall it as it was installed.
  if (controllers.length === 0)
    commands.push(
      'helm list -A --filter karpenter',
      '# uninstall the release listed: helm uninstall <release> -n <namespace> (the inventory does not show the controller)',
    );
  const crds = toAutoMode
    ? 'Auto Mode uses nodepools and nodeclaims, and AWS asks not to change them during the migration. Afterwards, optionally remove the eks-auto-mode taint from the new NodePools and the compute-type nodeSelector from the workloads, or enable the general-purpose pool, so new workloads have a default pool.'
    : 'uninstalling the chart leaves them, and deleting them deletes every NodePool left.';
  return makeStep({
    id: 'decommission/remove-karpenter',
    title: 'Uninstall the Karpenter controller (last)',
    kind: 'retire-agents',
    why: `With its NodePools gone the controller has nothing to provision, so it goes last. Keep the karpenter.sh CRDs: ${crds} ${OUTSIDE_THE_CLUSTER}`,
    findings: ids(controllerItems),
    dependsOn: after,
    commands,
    effects,
    verify: {
      command: 'kubectl get crd nodepools.karpenter.sh nodeclaims.karpenter.sh',
      expect: 'both CRDs still listed; kubectl get deployments -A shows no karpenter controller',
    },
    rollback: { description: 'Install the controller again with the chart version and values it had.', commands: [] },
  });
}
