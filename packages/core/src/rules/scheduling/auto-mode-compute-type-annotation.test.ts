import { describe, expect, it } from 'vitest';
import { aFargateInventory, aFargateProfile, aManagedNodesInventory, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodegroup } from '../../testing/aws-objects.js';
import { autoModeComputeTypeAnnotationRule as rule } from './auto-mode-compute-type-annotation.js';

describe('auto-mode-compute-type-annotation', () => {
  it('moves every Fargate workload with the compute-type annotation', () => {
    const inventory = aFargateInventory([aWorkload({ name: 'web' }), aWorkload({ kind: 'CronJob', name: 'report' })]);
    const findings = runRule(rule, inventory, { target: 'auto-mode' });
    expect(findings.map((f) => f.id)).toEqual([
      'auto-mode-compute-type-annotation:CronJob/shop/report',
      'auto-mode-compute-type-annotation:Deployment/shop/web',
    ]);
    expect(findings[1]).toMatchObject({
      severity: 'change',
      capability: 'scheduling',
      action: { type: 'workload', edits: [{ op: 'set-pod-annotation', key: 'eks.amazonaws.com/compute-type', value: 'ec2' }] },
    });
  });

  it('leaves CoreDNS to its own rule', () => {
    const coredns = aWorkload({ namespace: 'kube-system', name: 'coredns' });
    expect(runRule(rule, aFargateInventory([coredns]), { target: 'auto-mode' })).toEqual([]);
  });

  it('mentions the profile-pinning label and bare Pods', () => {
    const pod = aWorkload({ kind: 'Pod', name: 'debug', podLabels: { app: 'debug', 'eks.amazonaws.com/fargate-profile': 'apps' } });
    const [finding] = runRule(rule, aFargateInventory([pod]), { target: 'auto-mode' });
    expect(finding?.remediation).toContain('eks.amazonaws.com/fargate-profile: apps');
    expect(finding?.remediation).toContain('bare Pod');
  });

  it('ignores workloads on EC2 nodes and workloads already annotated', () => {
    expect(runRule(rule, aManagedNodesInventory([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
    const moved = aWorkload({ podAnnotations: { 'eks.amazonaws.com/compute-type': 'ec2' } });
    expect(runRule(rule, aFargateInventory([moved]), { target: 'auto-mode' })).toEqual([]);
  });
});

describe('auto-mode-compute-type-annotation beside a managed node group', () => {
  const held = aWorkload({ name: 'held', spec: { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'system' } } });
  const web = aWorkload({ name: 'web' });
  const inventory = anInventory({
    fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }])],
    nodegroups: [aNodegroup('system')],
    workloads: [held, web],
  });
  const edits = (name: string) => runRule(rule, inventory, { target: 'auto-mode' }).find((f) => f.resource?.name === name)?.action;

  it('pins a mover to Auto Mode nodes, which the node group would otherwise share', () => {
    expect(edits('web')).toMatchObject({
      edits: [{ op: 'set-pod-annotation' }, { op: 'set-node-selector', key: 'eks.amazonaws.com/compute-type', value: 'auto' }],
    });
  });

  it('does not pin one its own selector holds to the node group: it would have nowhere to run', () => {
    expect(edits('held')).toEqual({ type: 'workload', edits: [{ key: 'eks.amazonaws.com/compute-type', op: 'set-pod-annotation', value: 'ec2' }] });
  });
});
