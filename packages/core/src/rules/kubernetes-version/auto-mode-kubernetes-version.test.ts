import { describe, expect, it } from 'vitest';
import { aCluster, aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeKubernetesVersionRule } from './auto-mode-kubernetes-version.js';

const run = (version: string | null, flag?: string) => {
  const inventory = aFargateInventory([aWorkload()], { cluster: version === null ? null : aCluster({ version }) });
  return runRule(autoModeKubernetesVersionRule, inventory, { target: 'auto-mode', clusterVersion: flag });
};

describe('auto-mode-kubernetes-version', () => {
  it('blocks a cluster below 1.29 and asks for an upgrade step', () => {
    const [finding] = run('1.28');
    expect(finding).toMatchObject({
      id: 'auto-mode-kubernetes-version:cluster',
      severity: 'blocker',
      capability: 'kubernetes-version',
      action: { type: 'prerequisite', task: { kind: 'upgrade-kubernetes', minVersion: '1.29' } },
    });
    expect(finding?.sources).toContain('https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-prepare.html');
  });

  it('passes 1.29 and later', () => {
    expect(run('1.29')).toEqual([]);
    expect(run('1.33')).toEqual([]);
  });

  it('uses --cluster-version when the inventory has no cluster', () => {
    expect(run(null, '1.27')[0]?.severity).toBe('blocker');
    expect(run(null, '1.30')).toEqual([]);
  });

  it('says the version is unknown rather than guessing', () => {
    expect(run(null)[0]).toMatchObject({ severity: 'advisory', action: { type: 'review' } });
  });

  it('does not apply when moving to Fargate', () => {
    const inventory = aFargateInventory([aWorkload()], { cluster: aCluster({ version: '1.25' }) });
    expect(runRule(autoModeKubernetesVersionRule, inventory, { target: 'fargate' })).toEqual([]);
  });
});
