import { remediationOf, sourcesOf } from '@modeshift/plan';
import { describe, expect, it } from 'vitest';
import { aFinding } from '../render/__fixtures__/markdown-plans.js';
import { renderJson } from '../render/json.js';
import { aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from './build-plan.js';
import { catalogueFindings, ruleTitle } from './rule-catalogue.js';

const ref = (name: string) => ({ kind: 'Deployment', namespace: 'shop', name });

describe('the rule catalogue', () => {
  it('states the remediation and sources most findings share once, and leaves them out of those findings', () => {
    const { rules, findings } = catalogueFindings([
      aFinding('r:Deployment/shop/a', { rule: 'r', resource: ref('a') }),
      aFinding('r:Deployment/shop/b', { rule: 'r', resource: ref('b') }),
      aFinding('r:Deployment/shop/c', { rule: 'r', resource: ref('c'), remediation: 'Something else.', sources: ['https://example.com/other'] }),
    ]);
    expect(rules.r).toMatchObject({
      remediation: 'A remediation.',
      sources: ['https://docs.aws.amazon.com/eks/latest/userguide/automode.html'],
      severity: 'change',
    });
    expect(findings[0]).not.toHaveProperty('remediation');
    expect(findings[0]).not.toHaveProperty('sources');
    expect(findings[2]).toMatchObject({ remediation: 'Something else.', sources: ['https://example.com/other'] });
    expect(findings.map((f) => remediationOf(rules, f))).toEqual(['A remediation.', 'A remediation.', 'Something else.']);
    expect(sourcesOf(rules, findings[1]!)).toEqual(rules.r!.sources);
  });

  it('gives a severity only when every finding of the rule has it', () => {
    const { rules } = catalogueFindings([
      aFinding('r:Deployment/shop/a', { rule: 'r' }),
      aFinding('r:Deployment/shop/b', { rule: 'r', resource: ref('b'), severity: 'gain' }),
    ]);
    expect(rules.r).not.toHaveProperty('severity');
  });

  it('titles a rule without its own title by its id in words, without the target', () => {
    expect(ruleTitle('auto-mode-arm64-pool')).toBe('Arm64 pool');
    expect(ruleTitle('fargate-host-network')).toBe('Host network');
    expect(ruleTitle('fargate-ebs-volumes')).toBe('EBS volumes');
  });

  it('writes the catalogue once per rule in the plan JSON, so a remediation appears once however many workloads share it', () => {
    const workloads = Array.from({ length: 30 }, (_, i) => aWorkload({ name: `app-${i}` }));
    const plan = buildPlan(contextFor(aFargateInventory(workloads), 'auto-mode'));
    expect(plan.schemaVersion).toBe(2);
    const json = renderJson(plan);
    for (const [id, entry] of Object.entries(plan.rules)) {
      expect(
        plan.findings.some((f) => f.rule === id),
        id,
      ).toBe(true);
      expect(json.split(JSON.stringify(entry.remediation)).length - 1, id).toBeLessThanOrEqual(
        1 + plan.findings.filter((f) => f.remediation === entry.remediation).length,
      );
    }
    const shared = plan.findings.filter((f) => f.remediation === undefined).length;
    expect(shared).toBeGreaterThanOrEqual(30);
  });
});
