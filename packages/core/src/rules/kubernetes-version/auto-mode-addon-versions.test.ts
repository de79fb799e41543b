import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../plan/build-plan.js';
import { aCluster, aDaemonSet, aFargateInventory, aWorkload, contextFor, runRule } from '../../testing/builders.js';
import { autoModeAddonVersionsRule as rule } from './auto-mode-addon-versions.js';

const agent = (name: string, tag: string) =>
  aDaemonSet({
    namespace: 'kube-system',
    name,
    containers: [{ name, image: `602401143452.dkr.ecr.us-east-1.amazonaws.com/${name === 'aws-node' ? 'amazon-k8s-cni' : 'eks/kube-proxy'}:${tag}` }],
  });
const inventory = (cni: string, proxy: string, version = '1.31') =>
  aFargateInventory([aWorkload(), agent('aws-node', cni), agent('kube-proxy', proxy)], { cluster: aCluster({ version }) });

describe('auto-mode-addon-versions', () => {
  it('asks for an upgrade when the VPC CNI is older than v1.19.0-eksbuild.1', () => {
    const findings = runRule(rule, inventory('v1.18.5-eksbuild.1', 'v1.31.3-eksbuild.2'), { target: 'auto-mode' });
    expect(findings).toMatchObject([
      {
        severity: 'change',
        action: { type: 'prerequisite', task: { kind: 'upgrade-addon', addon: 'vpc-cni', current: 'v1.18.5-eksbuild.1', minimum: 'v1.19.0-eksbuild.1' } },
      },
    ]);
  });

  it('compares kube-proxy builds of the cluster minor, eksbuild number included', () => {
    const findings = runRule(rule, inventory('v1.19.2-eksbuild.1', 'v1.31.2-eksbuild.1'), { target: 'auto-mode' });
    expect(findings.map((f) => f.message)).toEqual([
      'The kube-proxy add-on runs v1.31.2-eksbuild.1; enabling Auto Mode on an existing cluster needs v1.31.2-eksbuild.3 or later.',
    ]);
  });

  it('reports nothing when both meet the minimum', () => {
    expect(runRule(rule, inventory('v1.19.0-eksbuild.1', 'v1.31.3-eksbuild.2'), { target: 'auto-mode' })).toEqual([]);
  });

  it('says when a minor has no minimum in the reference instead of guessing one', () => {
    const findings = runRule(rule, inventory('v1.19.2-eksbuild.1', 'v1.29.0-eksbuild.1', '1.29'), { target: 'auto-mode' });
    expect(findings).toMatchObject([{ severity: 'advisory', action: { type: 'review' } }]);
    expect(findings[0]?.message).toContain('could not be checked');
  });

  it('puts the upgrade in the prerequisites, before Auto Mode is enabled', () => {
    const plan = buildPlan(contextFor(inventory('v1.18.5-eksbuild.1', 'v1.31.3-eksbuild.2'), 'auto-mode'));
    const steps = plan.stages.flatMap((s) => s.steps);
    const upgrade = steps.find((s) => s.id === 'prerequisites/upgrade-addons');
    expect(upgrade?.commands).toContain(
      'aws eks update-addon --cluster-name demo --addon-name vpc-cni --addon-version <vpc-cni-version> --resolve-conflicts PRESERVE',
    );
    expect(steps.find((s) => s.id === 'capacity/enable-auto-mode')?.dependsOn).toContain('prerequisites/upgrade-addons');
  });
});
