import { describe, expect, it } from 'vitest';
import type { Toleration } from '../../kube.js';
import { aCluster, aFargateInventory, aManagedNodesInventory, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodegroup } from '../../testing/aws-objects.js';
import { autoModeGpuPoolRule as rule } from './auto-mode-gpu-pool.js';

const gpuNodes = aNodegroup('gpu', { instanceTypes: ['g5.xlarge'], taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }] });
const tolerate: Toleration[] = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
const gpuWorkload = (name: string, gpus: number, replicas: number, tolerations?: Toleration[]) =>
  aWorkload({
    name,
    replicas,
    containers: [{ name: 'model', image: 'vllm', resources: { limits: { 'nvidia.com/gpu': String(gpus) } } }],
    spec: { tolerations },
  });

describe('auto-mode-gpu-pool', () => {
  it('requests one GPU NodePool sized for every GPU workload', () => {
    const inventory = aFargateInventory([gpuWorkload('llm', 4, 2, tolerate), gpuWorkload('embed', 1, 1, tolerate)]);
    const findings = runRule(rule, inventory, { target: 'auto-mode' });
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ severity: 'gain', capability: 'gpu' });
    expect(findings[0]?.action).toEqual({
      type: 'capacity',
      request: {
        kind: 'node-pool',
        name: 'gpu',
        purpose: 'gpu',
        requirements: [
          { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g', 'p'] },
          { key: 'eks.amazonaws.com/instance-gpu-manufacturer', operator: 'In', values: ['nvidia'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
          { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
        ],
        taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
        podSecurityGroupIds: [],
        limits: { 'nvidia.com/gpu': '9' },
      },
    });
    expect(findings[1]?.action).toEqual(findings[0]?.action);
  });

  it('adds the toleration a workload lacks for the GPU taint', () => {
    const findings = runRule(rule, aFargateInventory([gpuWorkload('llm', 1, 1)]), { target: 'auto-mode' });
    expect(findings.find((f) => f.id === 'auto-mode-gpu-pool:Deployment/shop/llm#gpu-toleration')).toMatchObject({
      severity: 'change',
      action: { type: 'workload', edits: [{ op: 'add-toleration', toleration: { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' } }] },
    });
  });

  it('passes workloads without GPUs', () => {
    expect(runRule(rule, aFargateInventory([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });

  it('asks nothing for GPU workloads that stay on a managed node group: the plan does not move them', () => {
    const inventory = aManagedNodesInventory([gpuWorkload('llm', 1, 1, tolerate)], { nodegroups: [gpuNodes] });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toEqual([]);
  });

  it('asks nothing for a GPU workload kept on a Karpenter NodePool the inventory does not show', () => {
    const inventory = anInventory({ cluster: aCluster(), workloads: [gpuWorkload('llm', 1, 1, tolerate)] });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toEqual([]);
  });
});
