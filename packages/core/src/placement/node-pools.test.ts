import { describe, expect, it } from 'vitest';
import type { Container, NodeSelectorRequirement, PodSpec, Toleration } from '../kube.js';
import { aNodePool } from '../testing/kube-objects.js';
import { BUILTIN_POOLS, choosePool, poolFits, poolFromNodePool, type PoolModel } from './node-pools.js';

const generalPurpose = BUILTIN_POOLS['general-purpose']!;
const system = BUILTIN_POOLS['system']!;
const criticalAddons: Toleration[] = [{ key: 'CriticalAddonsOnly', operator: 'Exists' }];

function aPod(spec: Partial<PodSpec> = {}): PodSpec {
  return { containers: [{ name: 'main', image: 'public.ecr.aws/nginx/nginx:1.27' }], ...spec };
}

function requesting(resources: Record<string, string>): Container[] {
  return [{ name: 'main', image: 'public.ecr.aws/example/train:1.0', resources: { requests: resources, limits: resources } }];
}

function pool(name: string, options: Parameters<typeof aNodePool>[1] = {}): PoolModel {
  return poolFromNodePool(aNodePool(name, options));
}

function requiring(...terms: NodeSelectorRequirement[][]): Partial<PodSpec> {
  return {
    affinity: {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms.map((matchExpressions) => ({ matchExpressions })) } },
    },
  };
}

describe('poolFromNodePool', () => {
  it('reads an Auto Mode pool from its eks.amazonaws.com NodeClass and a Karpenter pool from any other', () => {
    expect(pool('auto').autoMode).toBe(true);
    expect(pool('karpenter', { group: 'karpenter.k8s.aws' }).autoMode).toBe(false);
  });

  it('takes weight 0 when the NodePool sets none', () => {
    expect(pool('auto').weight).toBe(0);
  });
});

describe('poolFits: taints and tolerations', () => {
  const tainted = pool('ml', { taints: [{ key: 'dedicated', value: 'ml', effect: 'NoSchedule' }] });

  it('keeps pods that do not tolerate a NoSchedule taint off the pool', () => {
    expect(poolFits(tainted, aPod())).toBe(false);
    expect(poolFits(system, aPod())).toBe(false);
  });

  it('admits pods that tolerate the taint by key and value, or by key with Exists', () => {
    expect(poolFits(tainted, aPod({ tolerations: [{ key: 'dedicated', value: 'ml', effect: 'NoSchedule' }] }))).toBe(true);
    expect(poolFits(tainted, aPod({ tolerations: [{ key: 'dedicated', operator: 'Exists' }] }))).toBe(true);
    expect(poolFits(system, aPod({ tolerations: criticalAddons }))).toBe(true);
  });

  it('does not count a toleration with a different value or effect', () => {
    expect(poolFits(tainted, aPod({ tolerations: [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }] }))).toBe(false);
    expect(poolFits(tainted, aPod({ tolerations: [{ key: 'dedicated', value: 'ml', effect: 'NoExecute' }] }))).toBe(false);
  });

  it('ignores PreferNoSchedule taints, which only discourage scheduling', () => {
    expect(poolFits(pool('soft', { taints: [{ key: 'dedicated', effect: 'PreferNoSchedule' }] }), aPod())).toBe(true);
  });
});

describe('poolFits: requirements, labels and node selectors', () => {
  it('fits an unconstrained pod on the general-purpose pool', () => {
    expect(poolFits(generalPurpose, aPod())).toBe(true);
  });

  it('keeps an arm64 pod off general-purpose (amd64 only) but lets it onto system, which offers arm64', () => {
    const arm = aPod({ nodeSelector: { 'kubernetes.io/arch': 'arm64' }, tolerations: criticalAddons });
    expect(poolFits(generalPurpose, arm)).toBe(false);
    expect(poolFits(system, arm)).toBe(true);
  });

  it('lets an arm64 pod onto a custom pool that leaves the architecture open, and not onto one that excludes it', () => {
    const arm = aPod({ nodeSelector: { 'kubernetes.io/arch': 'arm64' } });
    expect(poolFits(pool('open'), arm)).toBe(true);
    expect(poolFits(pool('x86', { requirements: [{ key: 'kubernetes.io/arch', operator: 'NotIn', values: ['arm64'] }] }), arm)).toBe(false);
  });

  it('keeps a Spot pod off the on-demand-only built-in pools and lets it onto a pool offering spot', () => {
    const spot = aPod({ nodeSelector: { 'karpenter.sh/capacity-type': 'spot' } });
    expect(poolFits(generalPurpose, spot)).toBe(false);
    expect(poolFits(pool('spot', { requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] }] }), spot)).toBe(true);
  });

  it('respects a pod that excludes a value the pool offers only that value of', () => {
    const notAmd = aPod(requiring([{ key: 'kubernetes.io/arch', operator: 'NotIn', values: ['amd64'] }]));
    expect(poolFits(generalPurpose, notAmd)).toBe(false);
  });

  it('matches a nodeSelector on a label only the pools that set that label', () => {
    const ml = aPod({ nodeSelector: { team: 'ml' } });
    expect(poolFits(pool('ml', { labels: { team: 'ml' } }), ml)).toBe(true);
    expect(poolFits(pool('web', { labels: { team: 'web' } }), ml)).toBe(false);
    expect(poolFits(pool('plain'), ml)).toBe(false);
  });

  it('matches an Exists requirement only on pools that set the label', () => {
    const anyTeam = aPod(requiring([{ key: 'team', operator: 'Exists' }]));
    expect(poolFits(pool('ml', { labels: { team: 'ml' } }), anyTeam)).toBe(true);
    expect(poolFits(pool('plain'), anyTeam)).toBe(false);
  });

  it('matches a DoesNotExist requirement only on pools whose nodes never carry the label', () => {
    const teamless = aPod(requiring([{ key: 'team', operator: 'DoesNotExist' }]));
    expect(poolFits(pool('plain'), teamless)).toBe(true);
    expect(poolFits(pool('ml', { labels: { team: 'ml' } }), teamless)).toBe(false);
    expect(poolFits(generalPurpose, aPod(requiring([{ key: 'kubernetes.io/arch', operator: 'DoesNotExist' }])))).toBe(false);
  });

  it('lets a NotIn requirement pass on pools that never set the label', () => {
    expect(poolFits(pool('plain'), aPod(requiring([{ key: 'team', operator: 'NotIn', values: ['ml'] }])))).toBe(true);
  });

  it('matches the karpenter.sh/nodepool label by pool name', () => {
    const pinned = aPod({ nodeSelector: { 'karpenter.sh/nodepool': 'batch' } });
    expect(poolFits(pool('batch'), pinned)).toBe(true);
    expect(poolFits(pool('web'), pinned)).toBe(false);
  });

  it('gives Auto Mode pools the compute-type label auto', () => {
    expect(poolFits(generalPurpose, aPod({ nodeSelector: { 'eks.amazonaws.com/compute-type': 'auto' } }))).toBe(true);
    expect(poolFits(generalPurpose, aPod({ nodeSelector: { 'eks.amazonaws.com/compute-type': 'fargate' } }))).toBe(false);
  });

  it('fits when any one required node-affinity term fits, not only the first', () => {
    const either = aPod(requiring([{ key: 'team', operator: 'In', values: ['ml'] }], [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }]));
    expect(poolFits(generalPurpose, either)).toBe(true);
    const neither = aPod(requiring([{ key: 'team', operator: 'In', values: ['ml'] }], [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }]));
    expect(poolFits(generalPurpose, neither)).toBe(false);
  });

  it('adds the nodeSelector to every required node-affinity term', () => {
    const spec = aPod({ nodeSelector: { 'kubernetes.io/arch': 'arm64' }, ...requiring([{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }]) });
    expect(poolFits(generalPurpose, spec)).toBe(false);
    expect(poolFits(pool('open'), spec)).toBe(true);
  });
});

describe('poolFits: GPUs and other accelerators', () => {
  const gpuPod = aPod({ containers: requesting({ 'nvidia.com/gpu': '1' }) });
  const neuronPod = aPod({ containers: requesting({ 'aws.amazon.com/neuron': '1' }) });

  it('keeps a pod that requests an NVIDIA GPU off pools without GPU instances', () => {
    expect(poolFits(generalPurpose, gpuPod)).toBe(false);
    expect(poolFits(pool('open'), gpuPod)).toBe(false);
  });

  it('fits a GPU pod on a pool offering GPU instances by category, family, type or GPU count', () => {
    expect(poolFits(pool('g', { requirements: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g'] }] }), gpuPod)).toBe(true);
    expect(poolFits(pool('p5', { requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['p5'] }] }), gpuPod)).toBe(true);
    expect(poolFits(pool('type', { requirements: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['g5.xlarge'] }] }), gpuPod)).toBe(true);
    expect(poolFits(pool('count', { requirements: [{ key: 'eks.amazonaws.com/instance-gpu-count', operator: 'Gt', values: ['0'] }] }), gpuPod)).toBe(true);
  });

  it('does not count a GPU request of zero as needing a GPU', () => {
    expect(poolFits(generalPurpose, aPod({ containers: requesting({ 'nvidia.com/gpu': '0' }) }))).toBe(true);
  });

  it('sees a GPU requested by an init container', () => {
    expect(poolFits(generalPurpose, aPod({ initContainers: requesting({ 'nvidia.com/gpu': '1' }) }))).toBe(false);
  });

  it('fits a Neuron pod only on a pool offering Inferentia or Trainium instances', () => {
    const inferentia = pool('inf', { requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['inf2'] }] });
    const gpu = pool('g', { requirements: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g'] }] });
    expect(poolFits(inferentia, neuronPod)).toBe(true);
    expect(poolFits(gpu, neuronPod)).toBe(false);
    expect(poolFits(inferentia, gpuPod)).toBe(false);
  });
});

describe('choosePool', () => {
  it('prefers the heavier pool, and the alphabetically first among equal weights', () => {
    const light = { ...pool('a-light'), weight: 10 };
    const heavyB = { ...pool('b-heavy'), weight: 50 };
    const heavyA = { ...pool('a-heavy'), weight: 50 };
    expect(choosePool([light, heavyB, heavyA], aPod())?.name).toBe('a-heavy');
  });

  it('skips pools the pod does not fit and returns null when none fits', () => {
    const spot = aPod({ nodeSelector: { 'karpenter.sh/capacity-type': 'spot' } });
    expect(choosePool([generalPurpose, system], spot)).toBeNull();
    expect(choosePool([generalPurpose, system], aPod({ nodeSelector: { 'kubernetes.io/arch': 'arm64' }, tolerations: criticalAddons }))?.name).toBe('system');
  });
});
