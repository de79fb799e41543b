// Self-managed Karpenter planned in both directions: to Auto Mode by AWS's procedure (general-purpose off,
// each NodePool re-created against Auto Mode's NodeClass, workloads moved by toleration and nodeSelector,
// the old pools deleted and the controller removed last), to Fargate with the pools and controller retired
// once nothing stays on them. Each plan is replayed by the simulator.
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { aWorkload, contextFor } from '../testing/builders.js';
import { validateAgainstCrd } from '../testing/schemas.js';
import { aKarpenterCluster, aSpotKarpenterPool, anEc2NodeClass, karpenterController, webOnKarpenter } from '../testing/karpenter.js';
import { aNodePool } from '../testing/kube-objects.js';
import { aNodegroup } from '../testing/aws-objects.js';
import { simulate } from '../simulate/replay.js';
import { buildUnsimulatedPlan } from './build-plan.js';
import { planCoverage } from './effect-coverage.js';
import { replayOrder } from '../simulate/replay.js';

const steps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);
const step = (plan: Plan, id: string) => steps(plan).find((s) => s.id === id);
const outcome = (plan: Plan, key: string) => plan.workloads.find((w) => w.workload === key);

describe('self-managed Karpenter to Auto Mode', () => {
  const ctx = contextFor(aKarpenterCluster(), 'auto-mode');
  const plan = buildUnsimulatedPlan(ctx);

  it('enables Auto Mode without the general-purpose pool while Karpenter runs', () => {
    const enable = step(plan, 'capacity/enable-auto-mode');
    expect(enable?.commands.join('\n')).toContain('nodePools=system ');
    expect(enable?.effects).toContainEqual({ type: 'enable-auto-mode', nodePools: ['system'], loadBalancing: true, blockStorage: true });
  });

  it("re-creates the NodePool against Auto Mode's NodeClass, valid for the NodePool CRD", () => {
    const create = step(plan, 'capacity/node-pool-spot-auto-mode');
    const manifest = create?.manifests[0]?.object;
    expect(validateAgainstCrd(manifest, 'karpenter.sh_nodepools.yaml')).toEqual([]);
    expect(manifest).toMatchObject({
      metadata: { name: 'spot-auto-mode' },
      spec: {
        weight: 10,
        template: {
          metadata: { labels: { team: 'web' } },
          spec: { nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'default' }, taints: [{ key: 'eks-auto-mode', effect: 'NoSchedule' }] },
        },
      },
    });
  });

  it('moves the workload off Karpenter with the toleration and nodeSelector, not the controller', () => {
    expect(outcome(plan, webOnKarpenter.key)).toMatchObject({ outcome: 'moves', to: 'Auto Mode (NodePool spot-auto-mode)' });
    const wave = step(plan, 'waves/shop');
    expect(wave?.commands.join('\n')).toContain('"eks.amazonaws.com/compute-type":"auto"');
    expect(wave?.commands.join('\n')).toContain('eks-auto-mode');
    expect(outcome(plan, karpenterController.key)?.outcome).not.toBe('moves');
    expect(steps(plan).some((s) => s.workloads.includes(karpenterController.key))).toBe(false);
  });

  it("checks that only DaemonSets are left on Karpenter's nodes, and that the controller is still on Fargate, before deleting its pools", () => {
    const drained = step(plan, 'verification/karpenter-nodes-drained');
    expect(drained?.commands[0]).toContain("kubectl get nodes -l 'karpenter.sh/nodepool,eks.amazonaws.com/compute-type!=auto'");
    expect(step(plan, 'decommission/retire-karpenter-node-pools')?.dependsOn).toContain('verification/karpenter-nodes-drained');
    expect(step(plan, 'verification/nothing-left-behind')?.verify.expect).toBe('only the Karpenter controller, which the decommission stage uninstalls');
  });

  it("says in the wave how the pods leave Karpenter's nodes, and names the AWS resources Karpenter leaves behind", () => {
    expect(step(plan, 'waves/shop')?.why).toMatch(
      /^The toleration for eks-auto-mode:NoSchedule and the nodeSelector eks.amazonaws.com\/compute-type: auto take new pods off Karpenter's nodes/,
    );
    expect(step(plan, 'decommission/remove-karpenter')?.why).toContain('the SQS interruption queue with its EventBridge rules');
  });

  it('deletes the old NodePool and EC2NodeClass, then removes the controller, then the Fargate profile it ran on', () => {
    const order = replayOrder(plan).map((s) => s.id);
    const pools = order.indexOf('decommission/retire-karpenter-node-pools');
    const controller = order.indexOf('decommission/remove-karpenter');
    const profiles = order.indexOf('decommission/delete-fargate-profiles');
    expect(order.indexOf('waves/shop')).toBeLessThan(pools);
    expect(pools).toBeLessThan(controller);
    expect(controller).toBeLessThan(profiles);
    expect(step(plan, 'decommission/retire-karpenter-node-pools')?.commands).toEqual(['kubectl delete nodepool spot', 'kubectl delete ec2nodeclass default']);
    expect(step(plan, 'decommission/remove-karpenter')?.commands).toEqual(['helm uninstall karpenter -n karpenter']);
  });

  it('holds in the simulation, says what every command changes, and breaks when the controller goes before its pool is empty', () => {
    expect(simulate(ctx, plan).violations).toEqual([]);
    expect(planCoverage(plan)).toEqual([]);
    // The same step, first: the workload still runs on the Karpenter pool.
    const early = structuredClone(plan);
    const decommission = early.stages.find((s) => s.id === 'decommission')!;
    const remove = decommission.steps.find((s) => s.id === 'decommission/remove-karpenter')!;
    decommission.steps = decommission.steps.filter((s) => s !== remove);
    for (const s of decommission.steps) s.dependsOn = s.dependsOn.map((d) => (d === remove.id ? 'decommission/retire-karpenter-node-pools' : d));
    early.stages[0]!.steps.unshift({ ...remove, dependsOn: [] });
    const found = simulate(ctx, early).violations.map((v) => `${v.step} ${v.invariant} ${v.resource}`);
    expect(found).toContain('decommission/remove-karpenter end-state cluster/karpenter');
  });
});

describe('self-managed Karpenter to Fargate', () => {
  it('moves the workloads to Fargate, then deletes the NodePool and removes the controller', () => {
    const ctx = contextFor(aKarpenterCluster(), 'fargate');
    const plan = buildUnsimulatedPlan(ctx);
    expect(outcome(plan, webOnKarpenter.key)?.outcome).toBe('moves');
    expect(step(plan, 'decommission/retire-karpenter-node-pools')?.commands).toEqual(['kubectl delete nodepool spot', 'kubectl delete ec2nodeclass default']);
    expect(step(plan, 'decommission/remove-karpenter')?.commands).toEqual(['helm uninstall karpenter -n karpenter']);
    expect(simulate(ctx, plan).violations).toEqual([]);
    expect(planCoverage(plan)).toEqual([]);
  });

  it('leaves a controller that runs on a node group where it is until it is uninstalled, instead of moving it to Fargate', () => {
    const inventory = aKarpenterCluster([webOnKarpenter], { fargateProfiles: [], nodegroups: [aNodegroup()] });
    const ctx = contextFor(inventory, 'fargate');
    const plan = buildUnsimulatedPlan(ctx);
    expect(outcome(plan, karpenterController.key)?.outcome).toBe('unchanged');
    expect(steps(plan).filter((s) => s.workloads.includes(karpenterController.key))).toEqual([]);
    expect(plan.findings.filter((f) => f.resource?.namespace === 'karpenter').map((f) => f.rule)).toEqual(['fargate-retire-karpenter']);
    expect(step(plan, 'decommission/remove-karpenter')?.commands).toEqual(['helm uninstall karpenter -n karpenter']);
  });

  it('keeps node agents while Karpenter NodePools outlive the plan', () => {
    const devicePlugin = aWorkload({
      kind: 'DaemonSet',
      namespace: 'kube-system',
      name: 'nvidia-device-plugin',
      containers: [{ name: 'plugin', image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0' }],
    });
    // Only the agent and the controller: nothing moves, so nothing retires the Karpenter NodePools.
    const plan = buildUnsimulatedPlan(contextFor(aKarpenterCluster([devicePlugin]), 'fargate'));
    expect(step(plan, 'decommission/retire-node-agents')).toMatchObject({
      title: 'Keep node agents for the EC2 capacity that remains',
      why: "Self-managed Karpenter's NodePools stay (the plan moves nothing off them), and these agents serve their nodes.",
      commands: [],
    });
  });

  it('keeps a NodePool, its EC2NodeClass and the controller while a workload that cannot move runs on it', () => {
    const gpuPool = aNodePool('gpu', {
      group: 'karpenter.k8s.aws',
      nodeClass: 'gpu',
      requirements: [{ key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['g'] }],
    });
    const training = aWorkload({
      namespace: 'ml',
      name: 'train',
      containers: [{ name: 'main', image: 'train', resources: { limits: { 'nvidia.com/gpu': '1' } } }],
    });
    const ctx = contextFor(
      aKarpenterCluster([webOnKarpenter, training], { nodePools: [aSpotKarpenterPool(), gpuPool], nodeClasses: [anEc2NodeClass(), anEc2NodeClass('gpu')] }),
      'fargate',
    );
    const plan = buildUnsimulatedPlan(ctx);
    expect(outcome(plan, training.key)).toMatchObject({ outcome: 'stays', from: 'EC2 nodes (Karpenter NodePool gpu)' });
    expect(step(plan, 'decommission/retire-karpenter-node-pools')?.commands).toEqual(['kubectl delete nodepool spot', 'kubectl delete ec2nodeclass default']);
    expect(step(plan, 'decommission/remove-karpenter')).toMatchObject({ title: 'Keep the Karpenter controller for the NodePools that stay', commands: [] });
    expect(step(plan, 'waves/stays')?.commands).toContainEqual(
      expect.stringContaining('stays on Karpenter NodePool gpu (kept, with the Karpenter controller)'),
    );
    expect(simulate(ctx, plan).violations).toEqual([]);
  });
});
