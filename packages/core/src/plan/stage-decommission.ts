import { resourceKey } from '../rules/engine/run.js';
import { kubeRef, type Effect } from '@modeshift/plan';
import { ids, withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { clusterUpdate } from './wait-for-update.js';
import type { Action, DecommissionTask, Step } from '@modeshift/plan';
import { sh } from '../util/shell.js';
import { karpenterLeft, karpenterSteps } from './retire-karpenter.js';
import { corednsSteps } from './coredns-steps.js';

type StayAction = Extract<Action, { type: 'stay' }>;

export function decommissionSteps(input: PlanInput, after: string[]): Step[] {
  const c = input.cluster;
  const tasks = withAction(input, 'decommission');
  const of = (kind: DecommissionTask['kind']) => tasks.filter((t) => t.action.task.kind === kind);
  // One entry per kind: a new decommission task fails to compile until this stage plans it.
  const byKind: Record<DecommissionTask['kind'], ReturnType<typeof of>> = {
    'delete-fargate-profiles': of('delete-fargate-profiles'),
    'retire-node-pools': of('retire-node-pools'),
    'disable-auto-mode': of('disable-auto-mode'),
    'scale-coredns-to-zero': of('scale-coredns-to-zero'),
    'retire-karpenter': of('retire-karpenter'),
  };
  // A blocked DaemonSet stays like any workload: the summary counts it, and the capacity it runs on is kept for it.
  const stays = [...input.staying.values()].flat();
  const staysOn = (on: StayAction['on']) => stays.some((f) => f.action.type === 'stay' && f.action.on === on);
  const steps: Step[] = [];
  let previous = after;
  const push = (step: Step) => {
    steps.push(step);
    previous = [step.id];
  };

  // Computed first: Karpenter NodePools that outlive the plan keep node agents and the capacity their controller runs on.
  const karpenter = karpenterLeft(input, byKind['retire-karpenter']);
  const retire = withAction(input, 'node-agent').filter((x) => x.action.change.kind === 'retire');
  if (retire.length > 0) {
    const workloadsStay = staysOn('auto-mode') || staysOn('managed-nodes');
    const keep = workloadsStay || karpenter.poolsRemain;
    push(
      makeStep({
        id: 'decommission/retire-node-agents',
        title: keep ? 'Keep node agents for the EC2 capacity that remains' : 'Remove node-only agents',
        kind: 'retire-agents',
        why: workloadsStay
          ? 'Some workloads stay on EC2 nodes, and these agents serve those nodes.'
          : keep
            ? "Self-managed Karpenter's NodePools stay (the plan moves nothing off them), and these agents serve their nodes."
            : 'Without nodes, node exporters, device plugins and termination handlers have nothing to do.',
        findings: ids(retire),
        dependsOn: previous,
        commands: keep
          ? []
          : retire.flatMap(({ finding: { resource: r } }) => (r ? [sh`kubectl delete ${r.kind.toLowerCase()} ${r.name} -n ${r.namespace ?? 'default'}`] : [])),
        effects: keep ? [] : retire.map((r): Effect => ({ type: 'delete-workload', workload: resourceKey(r.finding.resource) })),
        verify: { command: 'kubectl get daemonsets -A', expect: keep ? 'the agents still Running' : 'none of the removed agents listed' },
        rollback: { description: 'Re-apply the agents from their manifests.', commands: [] },
      }),
    );
  }

  for (const step of karpenterSteps(input, byKind['retire-karpenter'], previous)) push(step);

  const profiles = byKind['delete-fargate-profiles'];
  // A Karpenter controller kept for NodePools that stay keeps the Fargate profile it may run on, too.
  const profilesGo = profiles.length > 0 && !staysOn('fargate') && !karpenter.controllerOn.has('fargate');
  const coredns = corednsSteps(input, byKind['scale-coredns-to-zero'], profilesGo);
  if (coredns.beforeProfiles) push({ ...coredns.beforeProfiles, dependsOn: previous });
  if (profilesGo) {
    const names = profiles
      .map((p) => p.finding.resource?.name ?? '')
      .filter(Boolean)
      .sort();
    push(
      makeStep({
        id: 'decommission/delete-fargate-profiles',
        title: `Delete the Fargate profiles (${names.join(', ')})`,
        kind: 'delete-fargate-profiles',
        why: 'Deleting a profile stops the pods still running on it, so it comes only after every wave is verified; EKS deletes one profile at a time.',
        findings: ids(profiles),
        dependsOn: previous,
        commands: names.flatMap((n) => [
          sh`aws eks delete-fargate-profile --cluster-name ${c} --fargate-profile-name ${n}`,
          sh`aws eks wait fargate-profile-deleted --cluster-name ${c} --fargate-profile-name ${n}`,
        ]),
        infrastructure: names.map((name) => ({ kind: 'delete-fargate-profile' as const, name })),
        effects: names.map((name): Effect => ({ type: 'delete-fargate-profile', name })),
        verify: { command: sh`aws eks list-fargate-profiles --cluster-name ${c}`, expect: 'an empty list' },
        rollback: {
          description: 'Re-create a profile with the same selectors (profiles are immutable; the old definition is in the inventory).',
          commands: [],
        },
      }),
    );
  }

  // Pools that staying workloads run on today are kept; the rest go.
  const keptPools = new Set<string>();
  for (const key of input.staying.keys()) {
    const current = input.ctx.placement.workloads.get(key)?.current;
    if (current?.type === 'auto-mode') keptPools.add(current.nodePool);
  }
  const pools = byKind['retire-node-pools'].filter((p) => !keptPools.has(p.finding.resource?.name ?? ''));
  if (pools.length > 0) {
    push(
      makeStep({
        id: 'decommission/retire-node-pools',
        title: `Delete the NodePools nothing needs any more (${pools.map((p) => p.finding.resource?.name).join(', ')})`,
        kind: 'retire-node-pools',
        why: `Nothing schedules onto them once the moving workloads run on Fargate.${keptPools.size ? ` Kept for workloads that stay: ${[...keptPools].sort().join(', ')}.` : ''}`,
        findings: ids(pools),
        dependsOn: previous,
        commands: pools.map((p) => sh`kubectl delete nodepool ${p.finding.resource?.name ?? ''}`),
        effects: pools.map((p): Effect => ({ type: 'delete-object', object: kubeRef('NodePool', null, p.finding.resource?.name ?? ''), replacedBy: null })),
        verify: {
          command: 'kubectl get nodepools',
          expect: keptPools.size
            ? `${[...keptPools].sort().join(', ')} still listed (kept on purpose); ${pools.map((p) => p.finding.resource?.name).join(', ')} gone`
            : `${pools.map((p) => p.finding.resource?.name).join(', ')} gone; only the built-in pools listed`,
        },
        rollback: { description: 'Re-apply the NodePools from the inventory.', commands: [] },
      }),
    );
  }

  const disable = byKind['disable-auto-mode'];
  if (disable.length > 0) {
    const keep = staysOn('auto-mode') || karpenter.controllerOn.has('auto-mode');
    push(
      makeStep({
        id: 'decommission/disable-auto-mode',
        title: keep ? 'Keep Auto Mode for the workloads that stay' : 'Disable EKS Auto Mode',
        kind: 'disable-auto-mode',
        why: keep
          ? 'Disabling Auto Mode would terminate the instances the staying workloads run on; keep it with only the NodePools they need.'
          : 'Disabling Auto Mode terminates its instances and deletes its load balancers, so it is the last step, after every load balancer moved.',
        findings: ids(disable),
        dependsOn: previous,
        commands: keep
          ? []
          : clusterUpdate(
              c,
              sh`aws eks update-cluster-config --name ${c} --compute-config enabled=false --kubernetes-network-config '{"elasticLoadBalancing":{"enabled":false}}' --storage-config '{"blockStorage":{"enabled":false}}'`,
            ),
        infrastructure: keep ? [] : [{ kind: 'disable-auto-mode' }],
        effects: keep ? [] : [{ type: 'disable-auto-mode' }],
        verify: { command: sh`aws eks describe-cluster --name ${c} --query cluster.computeConfig.enabled`, expect: keep ? 'true' : 'false' },
        rollback: { description: 'Enable Auto Mode again with the same node role.', commands: [] },
      }),
    );
  }

  if (coredns.last) push({ ...coredns.last, dependsOn: previous });
  return steps;
}
