// A blue/green copy of a load balancer states the scheme the old one had: the new controller's default
// need not be the old one's (the in-tree provider makes internet-facing load balancers, the AWS Load
// Balancer Controller and Auto Mode internal ones), and a public site copied as internal vanishes.
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { aCluster, aFargateInventory, aFargateProfile, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aClusterObject, anIngress, anIngressClass, aService } from '../testing/kube-objects.js';
import type { Namespaced } from '../inventory/types.js';
import type { IngressSpec, ServiceSpec, StringMap } from '../kube.js';
import { buildPlan } from './build-plan.js';

const steps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);
type Copy = { metadata: { name: string; annotations: StringMap }; spec: { ingressClassName?: string } };
const copyOf = (plan: Plan, id: string) => steps(plan).find((s) => s.id === id)?.manifests[0]?.object as Copy | undefined;
const lbSimulationFindings = (plan: Plan) => plan.findings.filter((f) => f.rule === 'simulation-load-balancers');

const lbService = (name: string, spec: Partial<ServiceSpec> = {}, annotations: StringMap = {}) =>
  aService(name, { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...spec }, { annotations });
const ingress = (name: string, className: string, annotations: StringMap = {}): Namespaced<IngressSpec> =>
  anIngress(name, { ingressClassName: className, rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web' } } }] } }] }, { annotations });

function toAutoMode(parts: Parameters<typeof aFargateInventory>[1]): Plan {
  const inventory = aFargateInventory([aWorkload({ namespace: 'shop', name: 'web' })], {
    cluster: aCluster({ version: '1.31' }),
    fargateProfiles: [aFargateProfile('shop', [{ namespace: 'shop' }])],
    ...parts,
  });
  return buildPlan(contextFor(inventory, 'auto-mode'));
}

describe('the scheme of a blue/green copy to Auto Mode', () => {
  it('is internet-facing for a Service the in-tree provider served without a scheme, and the simulation finds nothing lost', () => {
    const plan = toAutoMode({ services: [lbService('web')] });
    expect(copyOf(plan, 'waves/load-balancer-service-shop-web')?.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe(
      'internet-facing',
    );
    expect(lbSimulationFindings(plan)).toEqual([]);
  });

  it('is internal for a Service made internal with the aws-load-balancer-internal annotation Auto Mode does not read', () => {
    const plan = toAutoMode({ services: [lbService('web', {}, { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' })] });
    const annotations = copyOf(plan, 'waves/load-balancer-service-shop-web')?.metadata.annotations ?? {};
    expect(annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internal');
    expect(annotations['service.beta.kubernetes.io/aws-load-balancer-internal']).toBeUndefined();
  });

  it('is internal for an Ingress of the AWS Load Balancer Controller without a scheme, even when Auto Mode’s existing class makes internet-facing ALBs', () => {
    const plan = toAutoMode({
      ingressClasses: [
        anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' }),
        anIngressClass('auto', {
          controller: 'eks.amazonaws.com/alb',
          parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'auto' },
        }),
      ],
      ingressClassParams: [aClusterObject('IngressClassParams', 'auto', { scheme: 'internet-facing' }, { apiVersion: 'eks.amazonaws.com/v1' })],
      ingresses: [ingress('private', 'alb'), ingress('public', 'alb', { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' })],
    });
    const internal = copyOf(plan, 'waves/load-balancer-ingress-shop-private');
    expect(internal?.spec.ingressClassName).toBe('alb-auto');
    expect(internal?.metadata.annotations['alb.ingress.kubernetes.io/scheme']).toBe('internal');
    expect(copyOf(plan, 'waves/load-balancer-ingress-shop-public')?.spec.ingressClassName).toBe('auto');
    expect(lbSimulationFindings(plan)).toEqual([]);
  });

  it('states the default scheme in the IngressClassParams of a group none of whose Ingresses set one', () => {
    const grouped = (name: string) => ingress(name, 'alb', { 'alb.ingress.kubernetes.io/group.name': 'shop' });
    const plan = toAutoMode({ ingressClasses: [anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' })], ingresses: [grouped('a'), grouped('b')] });
    const classStep = steps(plan).find((s) => s.kind === 'ingress-class');
    const params = (classStep?.manifests[0]?.object as { items: { kind: string; spec: Record<string, unknown> }[] }).items.find(
      (o) => o.kind === 'IngressClassParams',
    );
    expect(params?.spec).toEqual({ group: { name: 'shop' }, scheme: 'internal' });
  });
});

describe('the scheme of a blue/green copy to Fargate', () => {
  it('is stated on Service and Ingress copies of Auto Mode load balancers that had none', () => {
    const inventory = anAutoModeInventory([aWorkload({ namespace: 'shop', name: 'web' })], {
      services: [lbService('web', { loadBalancerClass: 'eks.amazonaws.com/nlb' })],
      ingressClasses: [anIngressClass('alb', { controller: 'eks.amazonaws.com/alb' })],
      ingresses: [ingress('web', 'alb')],
    });
    const plan = buildPlan(contextFor(inventory, 'fargate'));
    expect(copyOf(plan, 'waves/load-balancer-service-shop-web')?.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internal');
    expect(copyOf(plan, 'waves/load-balancer-ingress-shop-web')?.metadata.annotations['alb.ingress.kubernetes.io/scheme']).toBe('internal');
  });
});
