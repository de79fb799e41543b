import { describe, expect, it } from 'vitest';
import type { Inventory, Node, Workload } from '../inventory/types.js';
import { aCluster, aFargateProfile, aNodegroup, anAutoModeCluster, anInventory, aWorkload } from '../testing/index.js';
import { aNodePool } from '../testing/kube-objects.js';
import { COMPUTE_TYPE_ANNOTATION } from './fargate-profiles.js';
import { computePlacement, describeCompute, proposedProfileName } from './place.js';
import type { Compute } from './types.js';

const web = aWorkload({ namespace: 'shop', name: 'web' });
const agent = aWorkload({ kind: 'DaemonSet', namespace: 'monitoring', name: 'agent' });
const gpuContainers = [{ name: 'main', image: 'public.ecr.aws/example/train:1.0', resources: { limits: { 'nvidia.com/gpu': '1' } } }];

function placed(inventory: Inventory, workload: Workload, target: 'fargate' | 'auto-mode') {
  const placement = computePlacement(inventory, target).workloads.get(workload.key);
  if (!placement) throw new Error(`no placement for ${workload.key}`);
  return placement;
}

const aNode = (name: string, labels: Record<string, string>): Node => ({ name, labels, taints: [], origin: { file: 'test.yaml', line: 1 } });

describe('computePlacement: where a workload runs today', () => {
  it('puts a workload a Fargate profile selects on Fargate', () => {
    const inventory = anInventory({ cluster: aCluster(), fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }])], workloads: [web] });
    expect(placed(inventory, web, 'auto-mode').current).toEqual({ type: 'fargate', profile: 'apps' });
  });

  it('never puts a DaemonSet on Fargate, even in a namespace a profile selects', () => {
    const inventory = anInventory({
      cluster: aCluster(),
      fargateProfiles: [aFargateProfile('all', [{ namespace: '*' }])],
      nodegroups: [aNodegroup('general')],
      workloads: [agent],
    });
    expect(placed(inventory, agent, 'auto-mode').current).toEqual({ type: 'managed-nodes', nodegroup: 'general' });
  });

  it('sends a pod opted out of Fargate by the compute-type annotation to EC2 capacity', () => {
    const optedOut = aWorkload({ namespace: 'shop', podAnnotations: { [COMPUTE_TYPE_ANNOTATION]: 'ec2' } });
    const inventory = anInventory({ cluster: anAutoModeCluster(), fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }])], workloads: [optedOut] });
    expect(placed(inventory, optedOut, 'fargate').current).toEqual({ type: 'auto-mode', nodePool: 'general-purpose' });
  });

  it('uses a custom Auto Mode pool before the built-in ones when it has more weight', () => {
    const heavy = aNodePool('heavy');
    heavy.spec.weight = 10;
    const inventory = anInventory({ cluster: anAutoModeCluster(), nodePools: [heavy], workloads: [web] });
    expect(placed(inventory, web, 'fargate').current).toEqual({ type: 'auto-mode', nodePool: 'heavy' });
  });

  it('counts a self-managed Karpenter pool as EC2 capacity outside Auto Mode', () => {
    const inventory = anInventory({ cluster: aCluster(), nodePools: [aNodePool('karpenter', { group: 'karpenter.k8s.aws' })], workloads: [web] });
    expect(placed(inventory, web, 'auto-mode').current).toEqual({ type: 'managed-nodes', nodegroup: null, nodePool: 'karpenter' });
  });

  it('places a pod on the first node group whose labels match its nodeSelector and whose taints it tolerates', () => {
    const tainted = aNodegroup('tainted', { labels: { team: 'ml' }, taints: [{ key: 'dedicated', effect: 'NoSchedule' }] });
    const labelled = aNodegroup('labelled', { labels: { team: 'ml' } });
    const ml = aWorkload({ namespace: 'shop', name: 'ml', spec: { nodeSelector: { team: 'ml' } } });
    const inventory = anInventory({ cluster: aCluster(), nodegroups: [aNodegroup('general'), tainted, labelled], workloads: [ml] });
    expect(placed(inventory, ml, 'auto-mode').current).toEqual({ type: 'managed-nodes', nodegroup: 'labelled' });
  });

  it('trusts the node a pod was seen running on over what the profiles and pools predict', () => {
    const running = aWorkload({ namespace: 'shop', name: 'running', nodeName: 'i-0abc' });
    const nodes = [aNode('i-0abc', { [COMPUTE_TYPE_ANNOTATION]: 'auto', 'karpenter.sh/nodepool': 'system' })];
    const inventory = anInventory({ cluster: aCluster(), fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }])], nodes, workloads: [running] });
    expect(placed(inventory, running, 'fargate').current).toEqual({ type: 'auto-mode', nodePool: 'system' });
  });

  it('says why a DaemonSet that no node capacity of the inventory takes is pending (a DaemonSet is no evidence of capacity)', () => {
    const inventory = anInventory({ cluster: aCluster(), workloads: [web, agent] });
    expect(placed(inventory, agent, 'auto-mode').current).toEqual({
      type: 'pending',
      reason: 'no EC2 nodes for the DaemonSet to run on (Fargate runs no DaemonSets)',
    });
  });
});

describe('computePlacement: where a workload would run on Fargate', () => {
  it('keeps the profile that selects the workload, once the compute-type annotation is removed', () => {
    const optedOut = aWorkload({ namespace: 'shop', podAnnotations: { [COMPUTE_TYPE_ANNOTATION]: 'ec2' } });
    const inventory = anInventory({ cluster: anAutoModeCluster(), fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }])], workloads: [optedOut] });
    expect(placed(inventory, optedOut, 'fargate').target).toEqual({ type: 'fargate', profile: 'apps' });
  });

  it('proposes a profile named after the namespace when no profile selects the workload', () => {
    const inventory = anInventory({ cluster: anAutoModeCluster(), workloads: [web] });
    expect(placed(inventory, web, 'fargate').target).toEqual({ type: 'fargate', profile: 'modeshift-shop' });
  });

  it('keeps a proposed profile name within the 100 characters Fargate allows', () => {
    expect(proposedProfileName('n'.repeat(120))).toHaveLength(100);
  });

  it('leaves DaemonSets and Windows pods pending, because Fargate runs neither', () => {
    const windows = aWorkload({ namespace: 'shop', name: 'iis', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' } } });
    const inventory = anInventory({ cluster: anAutoModeCluster(), workloads: [agent, windows] });
    expect(placed(inventory, agent, 'fargate').target).toEqual({ type: 'pending', reason: 'Fargate runs no DaemonSets' });
    expect(placed(inventory, windows, 'fargate').target).toEqual({ type: 'pending', reason: 'Fargate on EKS runs Linux pods only' });
  });
});

describe('computePlacement: where a workload would run on Auto Mode', () => {
  it('lands an unconstrained workload on the built-in general-purpose pool, even before Auto Mode is enabled', () => {
    const inventory = anInventory({ cluster: aCluster(), fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }])], workloads: [web] });
    expect(placed(inventory, web, 'auto-mode').target).toEqual({ type: 'auto-mode', nodePool: 'general-purpose' });
  });

  it('runs a DaemonSet on every node', () => {
    const inventory = anInventory({ cluster: aCluster(), workloads: [agent] });
    expect(placed(inventory, agent, 'auto-mode').target).toEqual({ type: 'auto-mode', nodePool: 'every node' });
  });

  it('leaves a GPU workload pending until a NodePool offers GPU instances', () => {
    const training = aWorkload({ namespace: 'ml', name: 'train', containers: gpuContainers });
    const gpuPool = aNodePool('gpu', { requirements: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g'] }] });
    expect(placed(anInventory({ cluster: aCluster(), workloads: [training] }), training, 'auto-mode').target).toEqual({
      type: 'pending',
      reason: 'no Auto Mode NodePool fits it yet',
    });
    expect(placed(anInventory({ cluster: aCluster(), nodePools: [gpuPool], workloads: [training] }), training, 'auto-mode').target).toEqual({
      type: 'auto-mode',
      nodePool: 'gpu',
    });
  });

  it('never targets a self-managed Karpenter pool itself: its workloads go to the Auto Mode pool that replaces it', () => {
    const training = aWorkload({ namespace: 'ml', name: 'train', containers: gpuContainers });
    const fargateTraining = aWorkload({
      namespace: 'ml',
      name: 'fargate-train',
      containers: gpuContainers,
      spec: { nodeSelector: { 'eks.amazonaws.com/compute-type': 'fargate' } },
    });
    const karpenterGpu = aNodePool('gpu', {
      group: 'karpenter.k8s.aws',
      requirements: [{ key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['g'] }],
    });
    const inventory = anInventory({ cluster: aCluster(), nodePools: [karpenterGpu], workloads: [training] });
    expect(placed(inventory, training, 'auto-mode')).toMatchObject({
      current: { type: 'managed-nodes', nodePool: 'gpu' },
      target: { type: 'auto-mode', nodePool: 'gpu-auto-mode' },
    });
    expect(placed(anInventory({ ...inventory, workloads: [fargateTraining] }), fargateTraining, 'auto-mode').target.type).toBe('pending');
  });

  it('leaves Windows pods pending, because Auto Mode runs Linux pods only', () => {
    const windows = aWorkload({ namespace: 'shop', name: 'iis', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' } } });
    expect(placed(anInventory({ cluster: aCluster(), workloads: [windows] }), windows, 'auto-mode').target).toEqual({
      type: 'pending',
      reason: 'Auto Mode runs Linux pods only',
    });
  });
});

describe('computePlacement: the mode the cluster is in today', () => {
  const fargate = aFargateProfile('apps', [{ namespace: 'shop' }]);

  it('is the one mode every non-DaemonSet workload runs on, ignoring DaemonSets', () => {
    const inventory = anInventory({ cluster: aCluster(), fargateProfiles: [fargate], nodegroups: [aNodegroup()], workloads: [web, agent] });
    expect(computePlacement(inventory, 'auto-mode').from).toBe('fargate');
  });

  it('is mixed when workloads run on different modes', () => {
    const billing = aWorkload({ namespace: 'billing', name: 'api' });
    const inventory = anInventory({ cluster: anAutoModeCluster(), fargateProfiles: [fargate], workloads: [web, billing] });
    expect(computePlacement(inventory, 'fargate').from).toBe('mixed');
  });

  it('is unknown when no workload runs anywhere, not even on capacity the inventory lacks', () => {
    expect(computePlacement(anInventory({ cluster: aCluster(), workloads: [agent] }), 'auto-mode').from).toBe('unknown');
  });
});

describe('describeCompute', () => {
  it('names each kind of compute for a reader', () => {
    const cases: [Compute, string][] = [
      [{ type: 'fargate', profile: 'apps' }, 'Fargate (profile apps)'],
      [{ type: 'auto-mode', nodePool: 'system' }, 'Auto Mode (NodePool system)'],
      [{ type: 'managed-nodes', nodegroup: 'general' }, 'EC2 nodes (node group general)'],
      [{ type: 'managed-nodes', nodegroup: null }, 'EC2 nodes'],
      [{ type: 'pending', reason: 'no capacity' }, 'nowhere: no capacity'],
    ];
    for (const [compute, text] of cases) expect(describeCompute(compute)).toBe(text);
  });
});
