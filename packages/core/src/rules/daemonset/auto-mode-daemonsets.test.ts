import { describe, expect, it } from 'vitest';
import { aFargateInventory, aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeDaemonsetsRule as rule } from './auto-mode-daemonsets.js';

const ds = (namespace: string, name: string, nodeSelector?: Record<string, string>) =>
  aWorkload({ kind: 'DaemonSet', namespace, name, spec: { nodeSelector } });

describe('auto-mode-daemonsets', () => {
  it('asks to review DaemonSets that will run on every Auto Mode node', () => {
    const [finding] = runRule(rule, aManagedNodesInventory([ds('logging', 'fluent-bit')]), { target: 'auto-mode' });
    expect(finding).toMatchObject({
      id: 'auto-mode-daemonsets:DaemonSet/logging/fluent-bit',
      severity: 'advisory',
      capability: 'daemonset',
      action: { type: 'review' },
    });
    expect(finding?.message).toContain('every Auto Mode node');
  });

  it('says which DaemonSets Auto Mode replaces', () => {
    const findings = runRule(rule, aManagedNodesInventory([ds('kube-system', 'aws-node'), ds('kube-system', 'kube-proxy')]), { target: 'auto-mode' });
    expect(findings.map((f) => f.message)).toEqual([
      'DaemonSet kube-system/aws-node is the Amazon VPC CNI, which Auto Mode provides itself on its nodes.',
      'DaemonSet kube-system/kube-proxy is kube-proxy, which Auto Mode provides itself on its nodes.',
    ]);
  });

  it('points out DaemonSets that never ran on a Fargate-only cluster', () => {
    const [finding] = runRule(rule, aFargateInventory([aWorkload(), ds('monitoring', 'node-exporter')]), { target: 'auto-mode' });
    expect(finding?.message).toContain('no node to run on today');
  });

  it('leaves Windows DaemonSets to the windows rule and ignores other kinds', () => {
    expect(
      runRule(rule, aManagedNodesInventory([ds('amazon-cloudwatch', 'fluent-bit-windows', { 'kubernetes.io/os': 'windows' }), aWorkload()]), {
        target: 'auto-mode',
      }),
    ).toEqual([]);
  });
});
