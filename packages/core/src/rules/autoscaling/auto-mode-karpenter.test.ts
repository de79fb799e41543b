import { describe, expect, it } from 'vitest';
import { aCluster, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aKarpenterCluster, karpenterController, webOnKarpenter } from '../../testing/karpenter.js';
import { autoModeKarpenterRule as rule } from './auto-mode-karpenter.js';

const run = (...args: Parameters<typeof aKarpenterCluster>) => runRule(rule, aKarpenterCluster(...args), { target: 'auto-mode' });
const byId = (findings: ReturnType<typeof run>, id: string) => findings.find((f) => f.id === id);

describe('auto-mode-karpenter', () => {
  it("re-creates each Karpenter NodePool as a tainted Auto Mode NodePool with its requirements in Auto Mode's labels", () => {
    const f = byId(run(), 'auto-mode-karpenter:NodePool/spot#replace');
    expect(f?.action).toEqual({
      type: 'capacity',
      request: {
        kind: 'node-pool',
        name: 'spot-auto-mode',
        purpose: 'karpenter',
        requirements: [
          { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
          { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
          { key: 'eks.amazonaws.com/instance-generation', operator: 'Gt', values: ['2'] },
        ],
        taints: [{ key: 'eks-auto-mode', effect: 'NoSchedule' }],
        labels: { team: 'web' },
        weight: 10,
        podSecurityGroupIds: [],
        limits: { cpu: '1000' },
      },
    });
    expect(f?.remediation).toContain("EC2NodeClass default's subnets, security groups, AMI and user data are not carried over");
  });

  it("moves the pool's workloads as AWS's procedure does: the toleration, compute-type auto, and the pool renamed", () => {
    const f = byId(run(), 'auto-mode-karpenter:Deployment/shop/web#karpenter');
    expect(f?.action).toEqual({
      type: 'workload',
      edits: [
        { op: 'add-toleration', toleration: { key: 'eks-auto-mode', operator: 'Exists', effect: 'NoSchedule' } },
        { op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: 'spot-auto-mode' },
        { op: 'remove-node-selector', key: 'karpenter.k8s.aws/instance-family' },
        { op: 'set-node-selector', key: 'eks.amazonaws.com/instance-family', value: 'm5' },
        { op: 'set-node-selector', key: 'eks.amazonaws.com/compute-type', value: 'auto' },
      ],
    });
    expect(f?.message).toContain('moves to Auto Mode NodePool spot-auto-mode');
  });

  it('retires the old NodePool, its EC2NodeClass and the controller, and never moves the controller', () => {
    const findings = run();
    const retire = { type: 'decommission', task: { kind: 'retire-karpenter' } };
    expect(byId(findings, 'auto-mode-karpenter:NodePool/spot#retire')?.action).toEqual(retire);
    expect(byId(findings, 'auto-mode-karpenter:EC2NodeClass/default')?.action).toEqual(retire);
    expect(byId(findings, `auto-mode-karpenter:${karpenterController.key}`)?.action).toEqual(retire);
    expect(findings.filter((f) => f.resource?.name === 'karpenter' && f.action.type === 'workload')).toEqual([]);
  });

  it("keeps a workload whose required affinity names Karpenter's labels on its pool, which then stays", () => {
    const pinned = aWorkload({
      namespace: 'shop',
      name: 'pinned',
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'karpenter.k8s.aws/instance-family', operator: 'In', values: ['m5'] }] }],
            },
          },
        },
      },
    });
    const f = byId(run([pinned]), 'auto-mode-karpenter:Deployment/shop/pinned');
    expect(f).toMatchObject({ severity: 'blocker', action: { type: 'stay', on: 'managed-nodes' } });
    expect(f?.remediation).toContain('karpenter.k8s.aws/instance-family');
  });

  it('keeps a workload that selects a Karpenter label Auto Mode has no counterpart of on its pool, rather than drop the selector', () => {
    const accelerated = aWorkload({
      namespace: 'ml',
      name: 'infer',
      spec: { nodeSelector: { 'karpenter.sh/nodepool': 'spot', 'karpenter.k8s.aws/instance-accelerator-name': 'inferentia' } },
    });
    const findings = run([accelerated]);
    expect(byId(findings, 'auto-mode-karpenter:Deployment/ml/infer')).toMatchObject({ severity: 'blocker', action: { type: 'stay', on: 'managed-nodes' } });
    expect(byId(findings, 'auto-mode-karpenter:Deployment/ml/infer')?.remediation).toContain('karpenter.k8s.aws/instance-accelerator-name');
    expect(byId(findings, 'auto-mode-karpenter:Deployment/ml/infer#karpenter')).toBeUndefined();
  });

  it('keeps a workload on a Karpenter NodePool the inventory does not show, and asks for the pools without naming a placeholder', () => {
    const spot = aWorkload({ name: 'spot', spec: { nodeSelector: { 'karpenter.sh/capacity-type': 'spot' } } });
    const [f, ...rest] = runRule(rule, anInventory({ cluster: aCluster(), workloads: [spot] }), { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'blocker', action: { type: 'stay', on: 'managed-nodes' } });
    expect(f?.message).toBe(
      'Deployment shop/spot runs on a Karpenter NodePool, which the inventory does not show, and no Auto Mode NodePool fits what it asks.',
    );
    expect(f?.remediation).toContain('kubectl get nodepools.karpenter.sh -o yaml');
  });

  it('says nothing where there is no Karpenter', () => {
    expect(runRule(rule, aKarpenterCluster([webOnKarpenter], { nodePools: [], nodeClasses: [], workloads: [aWorkload()] }), { target: 'auto-mode' })).toEqual(
      [],
    );
  });
});
