import { describe, expect, it } from 'vitest';
import { aDaemonSet, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodePool } from '../../testing/kube-objects.js';
import { aNodegroup } from '../../testing/aws-objects.js';
import { fargateGpuRule } from './fargate-gpu.js';

const gpuContainer = {
  name: 'infer',
  image: 'vllm/vllm-openai',
  resources: { requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } },
};
const gpuPool = aNodePool('gpu', {
  requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['g5'] }],
  taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
});

describe('fargate-gpu', () => {
  it('keeps a pod that requests nvidia.com/gpu on Auto Mode', () => {
    const w = aWorkload({
      namespace: 'ml',
      name: 'infer',
      containers: [gpuContainer],
      spec: { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] },
    });
    const [f] = runRule(fargateGpuRule, anAutoModeInventory([w], { nodePools: [gpuPool] }), { target: 'fargate' });
    expect(f).toMatchObject({ id: 'fargate-gpu:Deployment/ml/infer', severity: 'blocker', capability: 'gpu', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('requests nvidia.com/gpu');
    expect(f?.remediation).toContain('leaves Auto Mode enabled');
    expect(f?.sources).toContain('https://docs.aws.amazon.com/eks/latest/userguide/fargate.html');
  });

  it('recognises GPU node selectors and the nvidia.com/gpu toleration without a GPU request', () => {
    const bySelector = aWorkload({ name: 'a', spec: { nodeSelector: { 'eks.amazonaws.com/instance-gpu-manufacturer': 'nvidia' } } });
    const byToleration = aWorkload({ name: 'b', spec: { tolerations: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }] } });
    const findings = runRule(fargateGpuRule, anAutoModeInventory([bySelector, byToleration]), { target: 'fargate' });
    expect(findings.map((f) => f.resource?.name)).toEqual(['a', 'b']);
    expect(findings[1]?.remediation).toContain('remove the toleration');
  });

  it('says the workload stays on its node group when it runs on managed nodes', () => {
    const w = aWorkload({ name: 'train', containers: [gpuContainer], spec: { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'gpu' } } });
    const [f] = runRule(fargateGpuRule, anAutoModeInventory([w], { nodegroups: [aNodegroup('gpu', { labels: { 'eks.amazonaws.com/nodegroup': 'gpu' } })] }), {
      target: 'fargate',
    });
    expect(f?.action).toEqual({ type: 'stay', on: 'managed-nodes' });
  });

  it('passes ordinary pods, mixed-category selectors and DaemonSets (judged by fargate-daemonsets)', () => {
    const plain = aWorkload();
    const mixed = aWorkload({
      name: 'mixed',
      spec: {
        nodeSelector: {},
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'g'] }] }],
            },
          },
        },
      },
    });
    const plugin = aDaemonSet({ name: 'nvidia-device-plugin', spec: { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(runRule(fargateGpuRule, anAutoModeInventory([plain, mixed, plugin]), { target: 'fargate' })).toEqual([]);
  });
});
