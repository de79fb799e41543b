import { describe, expect, it } from 'vitest';
import { buildUnsimulatedPlan } from '../plan/build-plan.js';
import type { Plan, Step } from '@modeshift/plan';
import { aWorkload, anAutoModeInventory, contextFor } from '../testing/builders.js';
import { aService, aServiceAccount } from '../testing/kube-objects.js';
import { replayOrder, simulate } from './replay.js';

const steps = (plan: Plan) => plan.stages.flatMap((s) => s.steps);
const keys = (plan: Plan, ctx: Parameters<typeof simulate>[0]) => simulate(ctx, plan).violations.map((v) => `${v.step} ${v.invariant} ${v.resource}`);

function without(plan: Plan, id: string): Plan {
  const copy = structuredClone(plan);
  const removed = steps(copy).find((s) => s.id === id)!;
  for (const stage of copy.stages) {
    stage.steps = stage.steps.filter((s) => s.id !== id);
    for (const s of stage.steps) if (s.dependsOn.includes(id)) s.dependsOn = [...new Set([...s.dependsOn.filter((d) => d !== id), ...removed.dependsOn])];
  }
  return copy;
}

/** An Auto Mode cluster whose api Deployment is reached through an Auto Mode NLB and uses Pod Identity. */
function autoModeShop() {
  const api = aWorkload({
    namespace: 'api',
    name: 'orders',
    spec: { serviceAccountName: 'orders' },
    containers: [
      {
        name: 'main',
        image: 'example',
        env: [{ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }],
        resources: { requests: { cpu: '250m', memory: '512Mi' } },
      },
    ],
  });
  const inventory = anAutoModeInventory([api], {
    services: [
      aService(
        'orders',
        { type: 'LoadBalancer', loadBalancerClass: 'eks.amazonaws.com/nlb', selector: { app: 'orders' }, ports: [{ port: 80, targetPort: 8080 }] },
        { namespace: 'api' },
      ),
    ],
    serviceAccounts: [aServiceAccount('orders', { namespace: 'api' })],
  });
  const ctx = contextFor(inventory, 'fargate');
  return { ctx, plan: buildUnsimulatedPlan(ctx) };
}

describe('replay order', () => {
  it('runs every step after the steps it depends on, ties in plan order, across stages', () => {
    const { plan } = autoModeShop();
    const order = replayOrder(plan).map((s) => s.id);
    for (const step of steps(plan)) for (const dep of step.dependsOn) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(step.id));
  });

  it('rejects a plan whose steps wait for each other', () => {
    const { plan } = autoModeShop();
    const copy = structuredClone(plan);
    const [first, second] = steps(copy) as [Step, Step];
    first.dependsOn = [second.id];
    second.dependsOn = [first.id];
    expect(() => replayOrder(copy)).toThrow(/cycle/);
  });

  it('rejects a dependency on a step the plan does not have', () => {
    const { plan } = autoModeShop();
    const copy = structuredClone(plan);
    steps(copy)[0]!.dependsOn = ['waves/nowhere'];
    expect(() => replayOrder(copy)).toThrow(/waves\/nowhere/);
  });
});

describe('a plan to Fargate for a cluster with an Auto Mode NLB and Pod Identity', () => {
  it('as planned, breaks nothing: the controller the plan installs runs on Fargate before Auto Mode goes', () => {
    const { ctx, plan } = autoModeShop();
    expect(keys(plan, ctx)).toEqual([]);
  });

  it('without the step that moves the controller to Fargate, disabling Auto Mode strands the load balancers it manages', () => {
    const { ctx, plan } = autoModeShop();
    expect(keys(without(plan, 'capacity/aws-load-balancer-controller-on-fargate'), ctx)).toEqual([
      'decommission/disable-auto-mode load-balancers Service/api/orders-fargate',
    ]);
  });

  it('without the load balancer controller step, nothing serves the blue/green copy', () => {
    const { ctx, plan } = autoModeShop();
    expect(keys(without(plan, 'prerequisites/aws-load-balancer-controller'), ctx)).toEqual([
      'waves/load-balancer-service-api-orders load-balancers Service/api/orders-fargate',
    ]);
  });

  it('with the IRSA step after its wave, the pods land on Fargate without credentials when their wave moves them', () => {
    const { ctx, plan } = autoModeShop();
    const copy = structuredClone(plan);
    const irsa = steps(copy).find((s) => s.id === 'prerequisites/irsa')!;
    for (const s of steps(copy)) s.dependsOn = s.dependsOn.filter((d) => d !== irsa.id);
    irsa.dependsOn = ['waves/api'];
    copy.stages[0]!.steps = copy.stages[0]!.steps.filter((s) => s !== irsa);
    copy.stages.find((s) => s.id === 'waves')!.steps.push(irsa);
    expect(keys(copy, ctx)).toEqual(['waves/api identity Deployment/api/orders']);
  });

  it('disabling Auto Mode before the controller has Fargate capacity leaves the load balancers unmanaged', () => {
    const { ctx, plan } = autoModeShop();
    const copy = structuredClone(plan);
    steps(copy)
      .find((s) => s.id === 'prerequisites/aws-load-balancer-controller')!
      .effects.push({ type: 'disable-auto-mode' });
    expect(keys(copy, ctx)).toContain('prerequisites/aws-load-balancer-controller load-balancers Service/api/orders');
  });
});
