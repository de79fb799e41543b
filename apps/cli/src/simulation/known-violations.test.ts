import { simulate } from '@modeshift/core/base';
import { expect, it } from 'vitest';
import { planCases } from './cases.js';

/**
 * What today's plans really break, per case (every other case simulates clean). Each line is a
 * planner defect the simulator finds, not a tolerance: fixing one makes this test fail until its
 * line is removed, and a new one fails it until it is understood.
 */
const KNOWN: Record<string, string[]> = {
  'example fargate-to-auto-mode → auto-mode': [
    // A completed one-off Job is re-created to add the compute-type annotation: it runs again.
    'waves/batch end-state Job/batch/reindex-2026-11-20',
    // SecurityGroupPolicy left in place below 1.36: the VPC resource controller may inject pod-eni requests.
    'waves/payments-eu security-groups Deployment/payments-eu/payments-api',
    // The ALB copy drops the shared group (two ALBs for one host) and the WAF ACL.
    'waves/load-balancer-ingress-shop-frontend load-balancers Ingress/shop/frontend',
    // checkout calls the NLB of Service payments-api, which the blue/green step deletes.
    'waves/load-balancer-service-payments-eu-payments-api load-balancers Service/payments-eu/payments-api',
  ],
  'example auto-mode-to-fargate → fargate': [
    // The controller's chart creates IngressClass alb, which Auto Mode already owns: helm install fails.
    'prerequisites/aws-load-balancer-controller load-balancers IngressClass/alb',
    // Profiles are created before the pod templates are fixed: a restart leaves these Pending on Fargate.
    'capacity/fargate-profile-modeshift-api capacity Deployment/api/edge-proxy',
    'capacity/fargate-profile-modeshift-api capacity Deployment/api/order-worker',
    'capacity/fargate-profile-modeshift-api capacity Deployment/api/orders',
    'capacity/fargate-profile-modeshift-api capacity Deployment/api/pricing',
    // ...and before the aws-logging router and CoreDNS on Fargate exist.
    'capacity/fargate-profile-modeshift-web logs Deployment/web/storefront',
    'capacity/fargate-profile-modeshift-web dns Deployment/kube-system/coredns',
    'capacity/coredns-on-fargate logs Deployment/kube-system/coredns',
    // aws-logging drops the ${HOST_NAME} output and keeps the node agent's application.* Match, which Fargate's kube.* tags never meet.
    'waves/api logs Deployment/api/edge-proxy',
    'waves/api logs Deployment/api/order-worker',
    'waves/api logs Deployment/api/orders',
    'waves/api logs Deployment/api/pricing',
    // The ALB copy loses scheme internet-facing and its certificate, and uses IngressClass alb-lbc, which no step creates.
    'waves/load-balancer-ingress-web-storefront load-balancers Ingress/web/storefront',
    'waves/load-balancer-ingress-web-storefront load-balancers Ingress/web/storefront-fargate',
    // With the controller's install failing, nothing serves the NLB copy either.
    'waves/load-balancer-service-web-storefront-internal load-balancers Service/web/storefront-internal-fargate',
  ],
  'corpus automode-custom-nodepools → fargate': [
    'prerequisites/aws-load-balancer-controller load-balancers IngressClass/alb',
    'waves/load-balancer-ingress-default-httpd-ingress load-balancers Ingress/default/httpd-ingress',
    'waves/load-balancer-ingress-default-httpd-ingress load-balancers Ingress/default/httpd-ingress-fargate',
  ],
};

it('both examples and every corpus case, in both directions, break exactly the known invariants', async () => {
  const found: Record<string, string[]> = {};
  for (const c of await planCases()) {
    const violations = simulate(c.ctx, c.plan).violations.map((v) => `${v.step} ${v.invariant} ${v.resource}`);
    if (violations.length > 0) found[c.name] = violations;
  }
  expect(found).toEqual(KNOWN);
});
