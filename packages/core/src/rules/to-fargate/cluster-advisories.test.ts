import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aDaemonSet, planToFargate } from '../../testing/builders-fargate.js';
import { fargateGuardDutyRuntime } from './guardduty.js';
import { fargateImageCache } from './image-cache.js';
import { fargatePricingCommitments } from './pricing-commitments.js';

const gpuOnly = aWorkload({ name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });

describe.each([
  ['fargate-guardduty-runtime', fargateGuardDutyRuntime, 'guardduty-runtime', 'does not support pods running on AWS Fargate'],
  ['fargate-image-cache', fargateImageCache, 'image-cache', 'pull its full image'],
  ['fargate-pricing-commitments', fargatePricingCommitments, 'pricing-commitments', 'Compute Savings Plans only'],
] as const)('%s', (id, rule, capability, phrase) => {
  it('is one cluster-level advisory when workloads move', () => {
    const findings = planToFargate([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })], [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: `${id}:cluster`, severity: 'advisory', capability, resource: null, action: { type: 'review' } });
    expect(findings[0]?.message).toContain(phrase);
  });

  it('passes when nothing moves', () => {
    expect(planToFargate([gpuOnly], [rule])).toEqual([]);
  });
});

describe('fargate-guardduty-runtime evidence', () => {
  it('names the GuardDuty agent when it is in the inventory', () => {
    const agent = aDaemonSet({ namespace: 'amazon-guardduty', name: 'aws-guardduty-agent' });
    expect(planToFargate([aWorkload(), agent], [fargateGuardDutyRuntime])[0]?.message).toContain('amazon-guardduty/aws-guardduty-agent');
  });
});
