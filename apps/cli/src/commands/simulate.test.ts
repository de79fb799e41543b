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

describe('modeshift simulate', () => {
  it('plans, replays and exits 1 naming the step, invariant and resource that break', async () => {
    const io = captureIo();
    const code = await run(['simulate', join(F2A, 'inventory'), '--to', 'auto-mode'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(1);
    expect(io.out()).toContain('verdict: simulated step by step: 4 broken invariants');
    expect(io.out()).toContain('BROKEN load-balancers: Service/payments-eu/payments-api: deleting it takes away its ClusterIP');
  });

  it('replays the plan JSON it is given, in JSON, with the verdict of plan', async () => {
    const io = captureIo();
    const code = await run(['simulate', join(F2A, 'inventory'), '--to', 'auto-mode', '--plan', join(F2A, 'plan.json'), '--format', 'json'], io);
    expect(code).toBe(1);
    const sim = JSON.parse(io.out()) as { verdict: string; violations: { step: string }[] };
    const plan = JSON.parse(readFileSync(join(F2A, 'plan.json'), 'utf8')) as { simulation: { verdict: string; violations: { step: string }[] } };
    expect(sim.verdict).toBe('broken');
    expect(sim.violations).toEqual(plan.simulation.violations);
  });

  it('exits 0 for the plan edited as the specialist review asks', async () => {
    type Step = {
      id: string;
      effects: { type: string; workload?: string; object?: { kind: string } }[];
      manifests: {
        file: string;
        object: {
          items?: { kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec: Record<string, unknown> }[];
          metadata?: { annotations?: Record<string, string> };
        };
      }[];
    };
    const plan = JSON.parse(readFileSync(join(F2A, 'plan.json'), 'utf8')) as { stages: { steps: Step[] }[] };
    const step = (id: string) => plan.stages.flatMap((s) => s.steps).find((s) => s.id === id)!;
    // Leave the finished Job alone rather than re-create it.
    step('waves/batch').effects = step('waves/batch').effects.filter((e) => e.type !== 'recreate-workload');
    // Remove the SecurityGroupPolicy in the wave that moves its pods to the NodeClass.
    step('waves/payments-eu').effects.push({
      type: 'delete-object',
      object: { kind: 'SecurityGroupPolicy', namespace: 'payments-eu', name: 'payments-api' },
      replacedBy: null,
    } as never);
    // Carry the ALB group into the IngressClassParams and the WAF into a WAFv2 ACL on each copy.
    const params = step('capacity/ingress-class-alb-auto').manifests[0]!.object.items!.find((i) => i.kind === 'IngressClassParams')!;
    params.spec.group = { name: 'shop' };
    for (const id of ['waves/load-balancer-ingress-shop-frontend', 'waves/load-balancer-ingress-shop-media']) {
      const copy = step(id).manifests[0]!.object;
      copy.metadata!.annotations = {
        ...copy.metadata!.annotations,
        'alb.ingress.kubernetes.io/wafv2-acl-arn': 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop/1',
      };
    }
    // Keep the Service checkout calls instead of deleting it.
    const service = step('waves/load-balancer-service-payments-eu-payments-api');
    service.effects = service.effects.filter((e) => e.type !== 'delete-object');
    const dir = tempTree({ 'plan.json': JSON.stringify(plan) });
    const io = captureIo();
    const code = await run(['simulate', join(F2A, 'inventory'), '--to', 'auto-mode', '--plan', join(dir, 'plan.json')], io);
    expect(io.out()).toContain('verdict: simulated step by step: every invariant holds');
    expect(code).toBe(0);
  });

  it.each([
    ['a plan of another cluster', join(EXAMPLES, 'auto-mode-to-fargate', 'plan.json'), /a plan for cluster retail-platform, but the inventory is of shop-prod/],
    ['a file that is not JSON', join(F2A, 'plan.txt'), /plan\.txt: not a plan/],
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
