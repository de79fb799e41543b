import { describe, expect, it } from 'vitest';
import { aFargateProfile, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateKeepOnEc2Rule } from './fargate-keep-on-ec2.js';

const gpu = (annotations = {}) =>
  aWorkload({ name: 'infer', podAnnotations: annotations, containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });

describe('fargate-keep-on-ec2', () => {
  it('annotates a staying workload whose namespace gets a new profile', () => {
    const [f] = runRule(fargateKeepOnEc2Rule, anAutoModeInventory([aWorkload({ name: 'web' }), gpu()]), { target: 'fargate' });
    expect(f).toMatchObject({
      id: 'fargate-keep-on-ec2:Deployment/shop/infer',
      severity: 'change',
      capability: 'scheduling',
      action: { type: 'workload', edits: [{ op: 'set-pod-annotation', key: 'eks.amazonaws.com/compute-type', value: 'ec2' }] },
    });
    expect(f?.message).toContain('modeshift-shop');
  });

  it('also covers namespaces an existing profile selects (a live pod seen on an Auto Mode node)', () => {
    const pod = { ...gpu(), kind: 'Pod' as const, key: 'Pod/shop/infer', nodeName: 'i-0123' };
    const node = {
      name: 'i-0123',
      labels: { 'eks.amazonaws.com/compute-type': 'auto', 'karpenter.sh/nodepool': 'gpu' },
      taints: [],
      origin: { file: 'nodes.yaml', line: 1 },
    };
    const findings = runRule(
      fargateKeepOnEc2Rule,
      anAutoModeInventory([pod], { nodes: [node], fargateProfiles: [aFargateProfile('everything', [{ namespace: '*' }])] }),
      { target: 'fargate' },
    );
    expect(findings[0]?.message).toContain('Fargate profile everything');
  });

  it('passes staying workloads already annotated, or in namespaces no profile will select', () => {
    expect(
      runRule(fargateKeepOnEc2Rule, anAutoModeInventory([aWorkload({ name: 'web' }), gpu({ 'eks.amazonaws.com/compute-type': 'ec2' })]), { target: 'fargate' }),
    ).toEqual([]);
    expect(runRule(fargateKeepOnEc2Rule, anAutoModeInventory([gpu()]), { target: 'fargate' })).toEqual([]);
  });
});
