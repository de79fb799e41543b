import { describe, expect, it } from 'vitest';
import { aFargateProfile, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodePool } from '../../testing/kube-objects.js';
import { fargateSchedulingRule } from './fargate-scheduling.js';

describe('fargate-scheduling', () => {
  it('has a finding for every moving workload, naming the profile that takes it', () => {
    const findings = runRule(fargateSchedulingRule, anAutoModeInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]), { target: 'fargate' });
    expect(findings.map((f) => f.id)).toEqual(['fargate-scheduling:Deployment/shop/a', 'fargate-scheduling:Deployment/shop/b']);
    expect(findings[0]).toMatchObject({
      severity: 'change',
      action: { type: 'workload', edits: [{ op: 'remove-pod-annotation', key: 'eks.amazonaws.com/compute-type' }] },
    });
    expect(findings[0]?.message).toContain('the new Fargate profile modeshift-shop');
  });

  it('has the wave unpin a workload that the plan pins to EC2 until a new profile may take it', () => {
    const [f] = runRule(fargateSchedulingRule, anAutoModeInventory([aWorkload({ name: 'a' })]), { target: 'fargate' });
    expect(f?.message).toContain('Until its wave, the pod annotation eks.amazonaws.com/compute-type: ec2 (set before the profile exists) keeps it on EC2');
  });

  it('strips EC2-only selectors, the pool label, node affinity and the compute-type annotation', () => {
    const pool = aNodePool('amd64', { labels: { NodeGroupType: 'amd64' }, taints: [{ key: 'amd64', effect: 'NoSchedule' }] });
    const w = aWorkload({
      name: 'httpd',
      podAnnotations: { 'eks.amazonaws.com/compute-type': 'ec2' },
      spec: {
        nodeSelector: { NodeGroupType: 'amd64', 'eks.amazonaws.com/compute-type': 'auto', 'kubernetes.io/os': 'linux' },
        tolerations: [{ key: 'amd64', operator: 'Exists' }],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm'] }] }],
            },
          },
        },
      },
    });
    const [f] = runRule(
      fargateSchedulingRule,
      anAutoModeInventory([w], { nodePools: [pool], fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }])] }),
      { target: 'fargate' },
    );
    expect(f?.action).toEqual({
      type: 'workload',
      edits: [
        { op: 'remove-node-selector', key: 'NodeGroupType' },
        { op: 'remove-node-selector', key: 'eks.amazonaws.com/compute-type' },
        { op: 'remove-node-affinity' },
        { op: 'remove-pod-annotation', key: 'eks.amazonaws.com/compute-type' },
      ],
    });
    expect(f?.message).toContain('Fargate profile apps');
  });

  it('leaves Spot selectors to fargate-spot and passes workloads that stay', () => {
    const spot = aWorkload({ name: 'game', spec: { nodeSelector: { 'karpenter.sh/capacity-type': 'spot' } } });
    const gpu = aWorkload({ name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });
    const findings = runRule(
      fargateSchedulingRule,
      anAutoModeInventory([spot, gpu], {
        nodePools: [aNodePool('spot', { requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }] })],
      }),
      { target: 'fargate' },
    );
    expect(findings.map((f) => [f.resource?.name, f.action])).toEqual([
      ['game', { type: 'workload', edits: [{ op: 'remove-pod-annotation', key: 'eks.amazonaws.com/compute-type' }] }],
    ]);
  });
});
