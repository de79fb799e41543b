import { simulate, type Effect, type Plan } from '@modeshift/core/base';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCases, type PlanCase } from './cases.js';
import { addEffect, clone, fresh, moveAfter, stepOf } from './mutate.js';

let toAuto: PlanCase;
let toFargate: PlanCase;

beforeAll(async () => {
  const cases = await planCases();
  toAuto = cases.find((c) => c.name === 'example fargate-to-auto-mode → auto-mode')!;
  toFargate = cases.find((c) => c.name === 'example auto-mode-to-fargate → fargate')!;
});

function broken(c: PlanCase, mutate: (plan: Plan) => Plan): string[] {
  const before = simulate(c.ctx, c.plan).violations;
  return fresh(before, simulate(c.ctx, mutate(clone(c.plan))).violations);
}

// The controller step removed and Pod Identity after its wave: packages/core/src/simulate/simulate.test.ts.
describe('a broken example plan is caught at the step that breaks it, under the invariant it breaks', () => {
  it('decommission before the waves: the Fargate profiles go while the pods still run on them', () => {
    const found = broken(toAuto, (p) =>
      moveAfter(
        moveAfter(p, 'decommission/delete-fargate-profiles', 'security-groups/review-network-policies'),
        'decommission/scale-coredns',
        'decommission/delete-fargate-profiles',
      ),
    );
    expect(found).toContain('decommission/delete-fargate-profiles end-state FargateProfile/shop');
    expect(found).toContain('decommission/delete-fargate-profiles security-groups Deployment/payments-eu/payments-api');
  });

  it('a Fargate profile deleted one step before its wave: its pods stop before the wave moves them', () => {
    const found = broken(toAuto, (p) => addEffect(p, 'waves/kube-system', { type: 'delete-fargate-profile', name: 'shop' }));
    expect(found).toEqual(['waves/kube-system end-state FargateProfile/shop']);
  });

  it('Auto Mode disabled with workloads that stay on it: they have nowhere to run', () => {
    const found = broken(toFargate, (p) => addEffect(p, 'decommission/disable-auto-mode', { type: 'disable-auto-mode' }));
    expect(found).toContain('decommission/disable-auto-mode capacity StatefulSet/data/postgres');
    expect(found).toContain('decommission/disable-auto-mode capacity Deployment/ml/vllm-deepseek');
    expect(found).toContain('decommission/disable-auto-mode end-state cluster/auto-mode');
  });

  it('a Service deleted while another workload calls it by name', () => {
    const found = broken(toAuto, (p) =>
      addEffect(p, 'waves/shop', { type: 'delete-object', object: { kind: 'Service', namespace: 'shop', name: 'cart' }, replacedBy: null }),
    );
    expect(found).toEqual(['waves/shop load-balancers Service/shop/cart']);
  });

  it('the log agent installed after the waves: the first wave ships no logs', () => {
    const found = broken(toAuto, (p) => moveAfter(p, 'node-agents/log-agent', 'waves/payments-eu'));
    expect(found).toContain('waves/batch logs CronJob/batch/nightly-report');
    expect(found).toContain('waves/shop logs Deployment/shop/cart');
  });

  it('a NodePool tainted against the toleration its pods carry: they stay Pending', () => {
    const found = broken(toAuto, (p) => {
      const step = stepOf(p, 'security-groups/sg-ee69d7fb');
      const list = step.manifests[0]!.object as { items: { kind: string; spec: { template: { spec: { taints: { value: string }[] } } } }[] };
      list.items.find((i) => i.kind === 'NodePool')!.spec.template.spec.taints[0]!.value = 'another-value';
      return p;
    });
    expect(found).toEqual(['waves/payments-eu capacity Deployment/payments-eu/payments-api']);
  });

  it('the blue/green copy of an ALB without its WAFv2 association: it would go live unprotected', () => {
    const found = broken(toAuto, (p) => {
      const step = stepOf(p, 'waves/load-balancer-ingress-shop-frontend');
      step.effects = step.effects.filter((e) => e.type !== 'associate-web-acl');
      return p;
    });
    // Caught where the copy takes over from the old Ingress: the model has no DNS, so the removal is that moment.
    expect(found).toEqual(['waves/retire-load-balancer-ingress-shop-frontend load-balancers Ingress/shop/frontend']);
  });

  it('a Service deleted instead of kept as ClusterIP while checkout still calls it', () => {
    const found = broken(toAuto, (p) => {
      const step = stepOf(p, 'waves/retire-load-balancer-service-payments-eu-payments-api');
      step.effects = step.effects.map((e): Effect =>
        e.type === 'retire-load-balancer' ? { type: 'delete-object', object: e.service, replacedBy: e.replacedBy } : e,
      );
      return p;
    });
    expect(found).toEqual(['waves/retire-load-balancer-service-payments-eu-payments-api load-balancers Service/payments-eu/payments-api']);
  });

  it('a SecurityGroupPolicy left on pods that move to Auto Mode below 1.36: they stay Pending', () => {
    const found = broken(toAuto, (p) => {
      const step = stepOf(p, 'waves/payments-eu');
      step.effects = step.effects.filter((e) => !(e.type === 'delete-object' && e.object.kind === 'SecurityGroupPolicy'));
      return p;
    });
    expect(found).toEqual(['waves/payments-eu security-groups Deployment/payments-eu/payments-api']);
  });

  it('the SecurityGroupPolicy for Fargate applied before the wave: pods still on Auto Mode get pod-eni requests', () => {
    const found = broken(toFargate, (p) => {
      const wave = stepOf(p, 'waves/api');
      const apply = wave.effects.find((e) => e.type === 'create-object' && e.object.kind === 'SecurityGroupPolicy')!;
      addEffect(p, 'capacity/pin-moving-workloads', apply);
      stepOf(p, 'capacity/pin-moving-workloads').manifests.push(...wave.manifests.filter((m) => m.object.kind === 'SecurityGroupPolicy'));
      return p;
    });
    expect(found.some((k) => k.startsWith('capacity/pin-moving-workloads security-groups Deployment/api/'))).toBe(true);
  });

  it('the load balancer controller installed with the chart default IngressClass alb, which Auto Mode owns: helm install fails', () => {
    const found = broken(toFargate, (p) => {
      const step = stepOf(p, 'prerequisites/aws-load-balancer-controller');
      step.effects = step.effects.map((e): Effect => (e.type === 'install-addon' ? { ...e, ingressClass: 'alb' } : e));
      return p;
    });
    expect(found).toContain('prerequisites/aws-load-balancer-controller load-balancers IngressClass/alb');
  });

  it("Fargate's log router configured after CoreDNS moved there: CoreDNS ships no logs", () => {
    const found = broken(toFargate, (p) => moveAfter(p, 'prerequisites/aws-logging', 'capacity/coredns-on-fargate'));
    expect(found).toContain('capacity/coredns-on-fargate logs Deployment/kube-system/coredns');
  });
});
