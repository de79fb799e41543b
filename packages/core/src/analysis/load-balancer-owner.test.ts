import { describe, expect, it } from 'vitest';
import { anIngress, aService } from '../testing/kube-objects.js';
import { ingressOwner, serviceOwner, type LoadBalancingFacts } from './load-balancer-owner.js';

const CLASSES: Record<string, string> = { 'auto-alb': 'eks.amazonaws.com/alb', alb: 'ingress.k8s.aws/alb', nginx: 'k8s.io/ingress-nginx' };

function facts(parts: Partial<LoadBalancingFacts> & { defaultClass?: string } = {}): LoadBalancingFacts {
  const { defaultClass, ...rest } = parts;
  return {
    ingressClass: (name) => (CLASSES[name] ? { controller: CLASSES[name] } : undefined),
    defaultIngressClass: () => (defaultClass ? { name: defaultClass, controller: CLASSES[defaultClass]! } : undefined),
    autoModeLoadBalancing: null,
    controllerRunning: null,
    classMayExist: () => true,
    ...rest,
  };
}

const owners = (o: { owners: string[] } | null) => o?.owners;

describe('who serves an Ingress, from evidence', () => {
  it('follows the IngressClass it names to its controller', () => {
    expect(owners(ingressOwner(facts(), anIngress('a', { ingressClassName: 'auto-alb' })))).toEqual(['auto-mode']);
    expect(owners(ingressOwner(facts(), anIngress('a', { ingressClassName: 'alb' })))).toEqual(['load-balancer-controller']);
    expect(ingressOwner(facts(), anIngress('a', { ingressClassName: 'nginx' }))).toMatchObject({ owners: ['other'], controller: 'k8s.io/ingress-nginx' });
  });

  it('follows the default IngressClass when the Ingress names none', () => {
    expect(owners(ingressOwner(facts({ defaultClass: 'auto-alb' }), anIngress('a', {})))).toEqual(['auto-mode']);
  });

  it('gives the legacy annotation to the controller: Auto Mode does not read it', () => {
    const legacy = anIngress('a', {}, { annotations: { 'kubernetes.io/ingress.class': 'alb' } });
    expect(owners(ingressOwner(facts({ autoModeLoadBalancing: true }), legacy))).toEqual(['load-balancer-controller']);
  });

  it('says nobody serves an Ingress whose class a collected inventory does not have', () => {
    const o = ingressOwner(facts({ classMayExist: () => false }), anIngress('a', { ingressClassName: 'gone' }));
    expect(o).toMatchObject({ owners: ['nobody'], evidence: 'IngressClass gone does not exist', check: null });
  });

  it("decides an ALB whose class it does not see from the cluster: Auto Mode's load balancing or a running controller", () => {
    const ing = anIngress('a', { ingressClassName: 'alb-public' }, { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } });
    expect(owners(ingressOwner(facts({ autoModeLoadBalancing: true, controllerRunning: false }), ing))).toEqual(['auto-mode']);
    expect(owners(ingressOwner(facts({ autoModeLoadBalancing: false, controllerRunning: true }), ing))).toEqual(['load-balancer-controller']);
  });

  it('names every candidate and what to check when nothing decides', () => {
    const o = ingressOwner(facts(), anIngress('a', { ingressClassName: 'alb-public' }, { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internal' } }));
    expect(o.owners).toEqual(['auto-mode', 'load-balancer-controller', 'nobody']);
    expect(o.evidence).toContain("does not show whether Auto Mode's load balancing is enabled");
    expect(o.check).toContain('kubectl get ingressclass');
    expect(o.check).toContain('cluster.kubernetesNetworkConfig.elasticLoadBalancing');
    expect(o.check).toContain('app.kubernetes.io/name=aws-load-balancer-controller');
  });
});

describe("who serves a Service's load balancer, from evidence", () => {
  const lb = (loadBalancerClass?: string, annotations = {}) =>
    aService('s', { type: 'LoadBalancer', ...(loadBalancerClass ? { loadBalancerClass } : {}) }, { annotations });

  it('reads loadBalancerClass, and the annotation that asks for the controller', () => {
    expect(owners(serviceOwner(facts(), lb('eks.amazonaws.com/nlb')))).toEqual(['auto-mode']);
    expect(owners(serviceOwner(facts(), lb('service.k8s.aws/nlb')))).toEqual(['load-balancer-controller']);
    expect(owners(serviceOwner(facts(), lb(undefined, { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' })))).toEqual([
      'load-balancer-controller',
    ]);
    expect(serviceOwner(facts(), aService('c', { type: 'ClusterIP' }))).toBeNull();
  });

  it("gives a Service without a class to the cluster's default provider", () => {
    expect(owners(serviceOwner(facts({ autoModeLoadBalancing: true, controllerRunning: false }), lb()))).toEqual(['auto-mode']);
    expect(owners(serviceOwner(facts({ autoModeLoadBalancing: false, controllerRunning: true }), lb()))).toEqual(['load-balancer-controller']);
    expect(owners(serviceOwner(facts({ autoModeLoadBalancing: false, controllerRunning: false }), lb()))).toEqual(['in-tree']);
  });

  it('keeps every provider a candidate when the cluster is not shown, and says how to find out', () => {
    const o = serviceOwner(facts(), lb());
    expect(o?.owners).toEqual(['auto-mode', 'load-balancer-controller', 'in-tree']);
    expect(o?.check).toContain("kubectl get service s -n shop -o jsonpath='{.spec.loadBalancerClass}'");
  });

  it('keeps both a candidate when Auto Mode load balances and the controller runs too', () => {
    expect(owners(serviceOwner(facts({ autoModeLoadBalancing: true, controllerRunning: true }), lb()))).toEqual(['auto-mode', 'load-balancer-controller']);
  });
});
