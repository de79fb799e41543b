import { describe, expect, it } from 'vitest';
import { aDaemonSet, aFargateInventory, aManagedNodesInventory, anAutoModeInventory, aWorkload, runRule } from '../testing/builders.js';
import type { Rule } from './engine/types.js';
import { CLUSTER_ADVISORY_RULES } from './cluster-advisories.js';

function advisory(id: string): Rule {
  const rule = CLUSTER_ADVISORY_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no advisory ${id}`);
  return rule;
}

const gpuOnly = aWorkload({ name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });

describe.each([
  ['auto-mode-guardduty-runtime', 'guardduty-runtime', 'once they run on Auto Mode it can'],
  ['auto-mode-image-cache', 'image-cache', 'likely'],
] as const)('%s', (id, capability, phrase) => {
  it('is one cluster-level gain for a cluster moving from Fargate', () => {
    const findings = runRule(advisory(id), aFargateInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]), { target: 'auto-mode' });
    expect(findings).toMatchObject([{ id: `${id}:cluster`, severity: 'gain', capability, resource: null, action: { type: 'review' } }]);
    expect(findings[0]?.message).toContain(phrase);
  });

  it('says nothing for workloads already on EC2 nodes', () => {
    expect(runRule(advisory(id), aManagedNodesInventory([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });
});

describe.each([
  ['fargate-guardduty-runtime', 'guardduty-runtime', 'does not support pods running on AWS Fargate'],
  ['fargate-image-cache', 'image-cache', 'pull its full image'],
  ['fargate-pricing-commitments', 'pricing-commitments', 'Compute Savings Plans only'],
] as const)('%s', (id, capability, phrase) => {
  it('is one cluster-level advisory when workloads move', () => {
    const findings = runRule(advisory(id), anAutoModeInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]), { target: 'fargate' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: `${id}:cluster`, severity: 'advisory', capability, resource: null, action: { type: 'review' } });
    expect(findings[0]?.message).toContain(phrase);
  });

  it('passes when nothing moves', () => {
    expect(runRule(advisory(id), anAutoModeInventory([gpuOnly]), { target: 'fargate' })).toEqual([]);
  });
});

describe('fargate-guardduty-runtime evidence', () => {
  it('names the GuardDuty agent when it is in the inventory', () => {
    const agent = aDaemonSet({ namespace: 'amazon-guardduty', name: 'aws-guardduty-agent' });
    expect(runRule(advisory('fargate-guardduty-runtime'), anAutoModeInventory([aWorkload(), agent]), { target: 'fargate' })[0]?.message).toContain(
      'amazon-guardduty/aws-guardduty-agent',
    );
  });
});

describe('the advisory table', () => {
  it('holds each rule id once', () => {
    const ids = CLUSTER_ADVISORY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
