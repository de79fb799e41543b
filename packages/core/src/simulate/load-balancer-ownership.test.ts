// Going to Fargate, every load balancer Auto Mode serves, whatever shows it (its IngressClass, the default
// IngressClass, its loadBalancerClass, Auto Mode being the default provider), is moved blue/green before
// Auto Mode is disabled: the simulator checks the plan does, and catches a plan that does not.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/plan';
import { buildUnsimulatedPlan } from '../plan/build-plan.js';
import { anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { anIngress, anIngressClass, aService } from '../testing/kube-objects.js';
import { replayOrder, simulate } from './replay.js';

const backend = { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] };
const web = aWorkload({ namespace: 'shop', name: 'web' });

function autoModeLoadBalancers() {
  const inventory = anAutoModeInventory([web], {
    ingressClasses: [
      anIngressClass('auto-alb', { controller: 'eks.amazonaws.com/alb' }, { isDefault: true }),
      anIngressClass('public', { controller: 'eks.amazonaws.com/alb' }),
    ],
    ingresses: [
      anIngress('by-class', { ingressClassName: 'public', ...backend }),
      anIngress('by-default', backend),
      // A class the inventory does not show, on a cluster where Auto Mode load-balances and no controller runs.
      anIngress('by-cluster', { ingressClassName: 'internal-alb', ...backend }, { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internal' } }),
    ],
    services: [
      aService('by-lb-class', { type: 'LoadBalancer', loadBalancerClass: 'eks.amazonaws.com/nlb', selector: { app: 'web' }, ports: [{ port: 80 }] }),
      aService('by-default-provider', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] }),
    ],
  });
  const ctx = contextFor(inventory, 'fargate');
  return { ctx, plan: buildUnsimulatedPlan(ctx) };
}

const ORIGINALS = [
  'Ingress/shop/by-class',
  'Ingress/shop/by-default',
  'Ingress/shop/by-cluster',
  'Service/shop/by-lb-class',
  'Service/shop/by-default-provider',
];
const stepOf = (key: string) => {
  const [kind, ns, name] = key.split('/');
  return `waves/load-balancer-${kind!.toLowerCase()}-${ns!}-${name!}`;
};

function withoutLoadBalancerSteps(plan: Plan): Plan {
  const copy = structuredClone(plan);
  const gone = new Set(
    copy.stages.flatMap((s) => s.steps.filter((step) => step.kind === 'load-balancer' || step.kind === 'retire-load-balancer').map((step) => step.id)),
  );
  for (const stage of copy.stages) {
    stage.steps = stage.steps.filter((s) => !gone.has(s.id));
    for (const s of stage.steps) s.dependsOn = s.dependsOn.filter((d) => !gone.has(d));
  }
  return copy;
}

describe('load balancers Auto Mode serves, on the way to Fargate', () => {
  const { ctx, plan } = autoModeLoadBalancers();

  it('each get a blue/green step that runs before Auto Mode is disabled', () => {
    const order = replayOrder(plan).map((s) => s.id);
    const disable = order.indexOf('decommission/disable-auto-mode');
    expect(disable).toBeGreaterThan(0);
    for (const key of ORIGINALS) {
      expect(order, key).toContain(stepOf(key));
      expect(order.indexOf(stepOf(key)), key).toBeLessThan(disable);
    }
  });

  it('break, in the simulation, when a plan disables Auto Mode without moving them', () => {
    const found = simulate(ctx, withoutLoadBalancerSteps(plan))
      .violations.filter((v) => v.invariant === 'load-balancers')
      .map((v) => `${v.step} ${v.resource}`);
    expect(found.sort()).toEqual(ORIGINALS.map((key) => `decommission/disable-auto-mode ${key}`).sort());
  });
});
