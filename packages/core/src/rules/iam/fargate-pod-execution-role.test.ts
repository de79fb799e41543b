import { describe, expect, it } from 'vitest';
import { aFargateProfile, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargatePodExecutionRoleRule } from './fargate-pod-execution-role.js';

describe('fargate-pod-execution-role', () => {
  it('asks for a pod execution role once when no profile has one', () => {
    const findings = runRule(fargatePodExecutionRoleRule, anAutoModeInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]), { target: 'fargate' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'fargate-pod-execution-role:cluster',
      severity: 'change',
      capability: 'iam',
      action: { type: 'prerequisite', task: { kind: 'pod-execution-role' } },
    });
    expect(findings[0]?.remediation).toContain('AmazonEKSFargatePodExecutionRolePolicy');
  });

  it('passes when an existing profile already has a role, or nothing moves', () => {
    expect(
      runRule(fargatePodExecutionRoleRule, anAutoModeInventory([aWorkload()], { fargateProfiles: [aFargateProfile('other', [{ namespace: 'other' }])] }), {
        target: 'fargate',
      }),
    ).toEqual([]);
    expect(runRule(fargatePodExecutionRoleRule, anAutoModeInventory([]), { target: 'fargate' })).toEqual([]);
  });
});
