// The cluster role step attaches, and rolls back, only what the plan adds: AmazonEKSClusterPolicy was
// there before (every cluster role needs it), and so may be any Auto Mode policy.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBash } from '../testing/bash.js';
import { aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from './build-plan.js';

const step = buildPlan(contextFor(aFargateInventory([aWorkload()]), 'auto-mode'))
  .stages.flatMap((s) => s.steps)
  .find((s) => s.id === 'prerequisites/cluster-role-policies')!;

describe('the cluster role step', () => {
  it('never attaches or detaches AmazonEKSClusterPolicy', () => {
    expect(step.commands.join('\n')).not.toContain('AmazonEKSClusterPolicy');
    expect(step.rollback.commands.join('\n')).not.toContain('AmazonEKSClusterPolicy');
    expect(step.infrastructure).toEqual([
      expect.objectContaining({
        policies: ['AmazonEKSBlockStoragePolicy', 'AmazonEKSComputePolicy', 'AmazonEKSLoadBalancingPolicy', 'AmazonEKSNetworkingPolicy'],
      }),
    ]);
  });

  it('records the policies first and rolls back only those it added', () => {
    expect(step.commands[0]).toMatch(
      /^\[ -s cluster-role-policies-before\.txt \] \|\| aws iam list-attached-role-policies .* > cluster-role-policies-before\.txt$/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-role-'));
    writeFileSync(join(dir, 'cluster-role-policies-before.txt'), 'AmazonEKSClusterPolicy\tAmazonEKSComputePolicy\n');
    const stub = `aws() { printf '%s\\n' "$*"; }`;
    const run = runBash(`${stub}\n${step.rollback.commands.join('\n')}`, { cwd: dir });
    expect(run.status).toBe(0);
    const detached = run.stdout
      .trim()
      .split('\n')
      .map((l) => /policy\/(\S+)$/.exec(l)?.[1]);
    expect(detached.slice(0, 3)).toEqual(['AmazonEKSBlockStoragePolicy', 'AmazonEKSLoadBalancingPolicy', 'AmazonEKSNetworkingPolicy']);
  });

  it('saves the trust policy before replacing it, and the rollback puts that one back', () => {
    const save = step.commands.findIndex((c) => c.includes('aws iam get-role '));
    const replace = step.commands.findIndex((c) => c.startsWith('aws iam update-assume-role-policy '));
    expect(save).toBeGreaterThanOrEqual(0);
    expect(save).toBeLessThan(replace);
    const saved = /> (\S+)$/.exec(step.commands[save]!)?.[1];
    expect(step.commands[save]).toContain('--query Role.AssumeRolePolicyDocument');
    expect(saved).toBeDefined();
    expect(step.rollback.commands).toContainEqual(
      expect.stringMatching(new RegExp(`^aws iam update-assume-role-policy .*file://${saved!.replace('.', '\\.')}$`)),
    );
  });

  it('keeps what the first run recorded: run again, it does not record what it had itself set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-role-'));
    const records = step.commands.filter((c) => c.includes(' > '));
    expect(records).toHaveLength(2);
    const first = runBash(`aws() { echo first; }\n${records.join('\n')}`, { cwd: dir });
    const second = runBash(`aws() { echo second; }\n${records.join('\n')}`, { cwd: dir });
    expect([first.status, second.status]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'cluster-role-policies-before.txt'), 'utf8')).toBe('first\n');
    expect(readFileSync(join(dir, 'cluster-role-trust-before.json'), 'utf8')).toBe('first\n');
  });
});
