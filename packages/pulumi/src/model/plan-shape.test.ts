// The plan.json a generated stack reads is typed by @modeshift/plan, but JSON is checked by nothing at run
// time: these tests read the examples' plans (which the CLI's golden test regenerates) and hold them to that
// contract, so a field or kind that drifts from it fails here rather than in a user's `pulumi up`.
import { makeStep } from '@modeshift/core';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_IDS, MODES, SEVERITIES, STAGE_IDS, STEP_KINDS, type Plan } from '../plan/index.js';
import { EXAMPLES, examplePlan } from '../testing/examples.js';
import { INFRASTRUCTURE_HANDLING } from './coverage.js';

const STEP_FIELDS = Object.keys(makeStep({ id: 'x/y', title: 'y', kind: 'review', why: 'y' })).sort();
const PLAN_FIELDS = [
  'cluster',
  'cost',
  'costUnavailable',
  'findings',
  'from',
  'heldBack',
  'incomplete',
  'inventoryDate',
  'rules',
  'schemaVersion',
  'simulation',
  'skippedInputs',
  'stages',
  'summary',
  'to',
  'workloads',
];

describe.each(EXAMPLES)('the plan.json of %s', (name) => {
  const plan: Plan = examplePlan(name);
  const steps = plan.stages.flatMap((s) => s.steps);

  it('has the fields of a Plan and no others, at schema version 2', () => {
    expect(Object.keys(plan).sort()).toEqual(PLAN_FIELDS);
    expect(plan.schemaVersion).toBe(2);
    expect(MODES).toContain(plan.to);
  });

  it('lists every stage of the contract, in order', () => {
    expect(plan.stages.map((s) => s.id)).toEqual([...STAGE_IDS]);
  });

  it('has steps with the fields of a Step and kinds the contract names', () => {
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(Object.keys(step).sort(), step.id).toEqual(STEP_FIELDS);
      expect(STEP_KINDS, step.id).toContain(step.kind);
    }
  });

  it('names only infrastructure the stack has decided how to handle', () => {
    const kinds = steps.flatMap((s) => s.infrastructure.map((i) => i.kind));
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(Object.keys(INFRASTRUCTURE_HANDLING), kind).toContain(kind);
  });

  it('has findings with severities and capabilities the contract names', () => {
    expect(plan.findings.length).toBeGreaterThan(0);
    for (const f of plan.findings) {
      expect(SEVERITIES, f.id).toContain(f.severity);
      expect(CAPABILITY_IDS, f.id).toContain(f.capability);
    }
  });

  it("catalogues every finding's rule once, with its title, remediation and sources, and no rule without findings", () => {
    const used = new Set(plan.findings.map((f) => f.rule));
    expect(Object.keys(plan.rules).sort()).toEqual([...used].sort());
    for (const [id, entry] of Object.entries(plan.rules)) {
      expect(entry.title, id).not.toBe('');
      expect(entry.remediation, id).not.toBe('');
      expect(CAPABILITY_IDS, id).toContain(entry.capability);
      expect(Array.isArray(entry.sources), id).toBe(true);
    }
  });
});
