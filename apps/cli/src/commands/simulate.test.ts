import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo, EXAMPLES, tempTree } from '../testing.js';

const F2A = join(EXAMPLES, 'fargate-to-auto-mode');

/** The example's plan as schema version 1 wrote it: no rule catalogue. */
function olderPlan(): string {
  const { rules: _rules, ...plan } = JSON.parse(readFileSync(join(F2A, 'plan.json'), 'utf8')) as Record<string, unknown>;
  return join(tempTree({ 'plan.json': JSON.stringify({ ...plan, schemaVersion: 1 }) }), 'plan.json');
}

/** An edited plan with a missing comma after a value that must never be echoed. */
function brokenPlan(): string {
  return join(tempTree({ 'plan.json': '{\n  "schemaVersion": 2,\n  "token": "AKIAIOSFODNN7EXAMPLE" "x": 1\n}\n' }), 'plan.json');
}

describe('modeshift simulate', () => {
  it.each([
    ['fargate-to-auto-mode', 'auto-mode'],
    ['auto-mode-to-fargate', 'fargate'],
  ])('plans examples/%s, replays it and exits 0: every invariant holds', async (name, to) => {
    const io = captureIo();
    const code = await run(['simulate', join(EXAMPLES, name, 'inventory'), '--to', to], io);
    expect(io.err()).toBe('');
    expect(io.out()).toContain('verdict: simulated step by step: every invariant holds');
    expect(code).toBe(0);
  });

  it('replays the plan JSON it is given, in JSON, with the verdict of plan', async () => {
    const io = captureIo();
    const code = await run(['simulate', join(F2A, 'inventory'), '--to', 'auto-mode', '--plan', join(F2A, 'plan.json'), '--format', 'json'], io);
    expect(code).toBe(0);
    const sim = JSON.parse(io.out()) as { verdict: string; violations: { step: string }[] };
    const plan = JSON.parse(readFileSync(join(F2A, 'plan.json'), 'utf8')) as { simulation: { verdict: string; violations: { step: string }[] } };
    expect(sim.verdict).toBe('holds');
    expect(sim.verdict).toBe(plan.simulation.verdict);
    expect(sim.violations).toEqual(plan.simulation.violations);
  });

  it('exits 1 naming the step, invariant and resource when an edited plan deletes a Service another workload calls', async () => {
    type Effect = { type: string; service?: unknown; replacedBy?: unknown };
    const plan = JSON.parse(readFileSync(join(F2A, 'plan.json'), 'utf8')) as { stages: { steps: { id: string; effects: Effect[] }[] }[] };
    const step = plan.stages.flatMap((s) => s.steps).find((s) => s.id === 'waves/retire-load-balancer-service-payments-eu-payments-api')!;
    // Delete the Service instead of keeping it as ClusterIP, as the plan did before the specialist's review.
    step.effects = step.effects.map((e) => (e.type === 'retire-load-balancer' ? { type: 'delete-object', object: e.service, replacedBy: e.replacedBy } : e));
    const dir = tempTree({ 'plan.json': JSON.stringify(plan) });
    const io = captureIo();
    const code = await run(['simulate', join(F2A, 'inventory'), '--to', 'auto-mode', '--plan', join(dir, 'plan.json')], io);
    expect(code).toBe(1);
    expect(io.out()).toContain('verdict: simulated step by step: 1 broken invariant (load-balancers)');
    expect(io.out()).toContain('BROKEN load-balancers: Service/payments-eu/payments-api: deleting it takes away its ClusterIP');
    expect(io.out()).toContain('still uses it');
  });

  it.each([
    ['a plan of another cluster', join(EXAMPLES, 'auto-mode-to-fargate', 'plan.json'), /a plan for cluster retail-platform, but the inventory is of shop-prod/],
    ['a file that is not JSON', join(F2A, 'plan.txt'), /plan\.txt:1: the plan is not valid JSON \(column 1: /],
    ['a plan broken on line 3, without quoting it', brokenPlan(), /^modeshift: .*plan\.json:3: the plan is not valid JSON \(column \d+: [^"]*\)\n$/],
    ['a file that does not exist', join(F2A, 'missing.json'), /missing\.json: cannot read the plan: ENOENT/],
    ['a plan written before the rule catalogue (schema version 1)', olderPlan(), /plan\.json: not a modeshift plan \(schemaVersion 2 expected\)/],
  ])('exits 2 with one message for %s', async (_, file, message) => {
    const io = captureIo();
    const code = await run(['simulate', join(F2A, 'inventory'), '--to', 'auto-mode', '--plan', file], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
