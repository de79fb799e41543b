import { describe, expect, it } from 'vitest';
import { aCluster, anAutoModeCluster, anAutoModeInventory, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { anIngress, anIngressClass, aService } from '../../testing/kube-objects.js';
import { fargateLoadBalancersRule } from './fargate-load-balancers.js';

const autoAlb = anIngressClass('alb', {
  controller: 'eks.amazonaws.com/alb',
  parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'alb' },
});

describe('fargate-load-balancers', () => {
  it('moves Auto Mode ALBs and NLBs blue/green and installs the controller once', () => {
    const findings = runRule(
      fargateLoadBalancersRule,
      anAutoModeInventory([aWorkload()], {
        ingressClasses: [autoAlb],
        ingresses: [anIngress('web', { ingressClassName: 'alb' })],
        services: [
          aService('front', { type: 'LoadBalancer', selector: { app: 'web' } }),
          aService('api', { type: 'LoadBalancer', loadBalancerClass: 'eks.amazonaws.com/nlb' }),
        ],
      }),
      { target: 'fargate' },
    );
    expect(findings.map((f) => [f.id, f.action])).toEqual([
      [
        'fargate-load-balancers:Ingress/shop/web',
        { type: 'load-balancer', change: { kind: 'ingress-blue-green', ingressClass: 'alb-lbc', unsupportedAnnotations: [] } },
      ],
      [
        'fargate-load-balancers:Service/shop/api',
        { type: 'load-balancer', change: { kind: 'service-blue-green', loadBalancerClass: 'service.k8s.aws/nlb', unsupportedAnnotations: [] } },
      ],
      [
        'fargate-load-balancers:Service/shop/front',
        { type: 'load-balancer', change: { kind: 'service-blue-green', loadBalancerClass: 'service.k8s.aws/nlb', unsupportedAnnotations: [] } },
      ],
      ['fargate-load-balancers:cluster', { type: 'load-balancer', change: { kind: 'install-load-balancer-controller' } }],
    ]);
    expect(findings[0]?.remediation).toContain('alb.ingress.kubernetes.io/target-type: ip');
    expect(findings[0]?.remediation).toContain('IngressClassParams alb');
    expect(findings[0]?.sources).toContain('https://docs.aws.amazon.com/eks/latest/userguide/auto-disable.html');
  });

  it('uses the IngressClass name alb when the Auto Mode class has another name', () => {
    const cls = anIngressClass('auto-alb', { controller: 'eks.amazonaws.com/alb' }, { isDefault: true });
    const [f] = runRule(fargateLoadBalancersRule, anAutoModeInventory([aWorkload()], { ingressClasses: [cls], ingresses: [anIngress('web', {})] }), {
      target: 'fargate',
    });
    expect(f?.action).toMatchObject({ change: { kind: 'ingress-blue-green', ingressClass: 'alb' } });
  });

  it('passes load balancers the AWS Load Balancer Controller already owns', () => {
    const lbc = anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' });
    const findings = runRule(
      fargateLoadBalancersRule,
      anAutoModeInventory([aWorkload()], {
        ingressClasses: [lbc],
        ingresses: [anIngress('web', { ingressClassName: 'alb' })],
        services: [aService('nlb', { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' }), aService('internal', { type: 'ClusterIP' })],
      }),
      { target: 'fargate' },
    );
    expect(findings).toEqual([]);
  });

  it('does not claim an unclassed LoadBalancer Service for Auto Mode when the cluster has it off', () => {
    const cluster = { ...anAutoModeCluster(), autoMode: { ...aCluster().autoMode, enabled: true, elasticLoadBalancing: false } };
    expect(
      runRule(fargateLoadBalancersRule, anAutoModeInventory([aWorkload()], { cluster, services: [aService('front', { type: 'LoadBalancer' })] }), {
        target: 'fargate',
      }),
    ).toEqual([]);
  });

  it('moves an ALB whose IngressClass the inventory does not show blue/green, saying so and what to check', () => {
    const ing = anIngress('web', { ingressClassName: 'alb' }, { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } });
    const findings = runRule(fargateLoadBalancersRule, anInventory({ workloads: [aWorkload()], ingresses: [ing] }), { target: 'fargate' });
    const f = findings.find((x) => x.id === 'fargate-load-balancers:Ingress/shop/web');
    // The copy cannot take the name alb: the class the original names may be Auto Mode's.
    expect(f?.action).toEqual({ type: 'load-balancer', change: { kind: 'ingress-blue-green', ingressClass: 'alb-lbc', unsupportedAnnotations: [] } });
    expect(f?.message).toContain('ingressClassName alb, a class the inventory does not show');
    expect(f?.remediation).toContain('kubectl get ingressclass');
    expect(f?.remediation).toContain('mark the blue/green step not applicable');
  });

  it('moves an unclassed LoadBalancer Service of a cluster the inventory does not describe, saying what to check', () => {
    const findings = runRule(
      fargateLoadBalancersRule,
      anInventory({ workloads: [aWorkload()], services: [aService('front', { type: 'LoadBalancer', selector: { app: 'web' } })] }),
      { target: 'fargate' },
    );
    const f = findings.find((x) => x.id === 'fargate-load-balancers:Service/shop/front');
    expect(f?.action).toMatchObject({ change: { kind: 'service-blue-green' } });
    expect(f?.message).toContain("may belong to Auto Mode, the AWS Load Balancer Controller or Kubernetes' in-tree AWS cloud provider");
    expect(f?.remediation).toContain("kubectl get service front -n shop -o jsonpath='{.spec.loadBalancerClass}'");
  });

  it('leaves an Ingress that only the legacy annotation classes to the controller: Auto Mode does not read the annotation', () => {
    const legacy = anIngress('old', {}, { annotations: { 'kubernetes.io/ingress.class': 'alb' } });
    const findings = runRule(fargateLoadBalancersRule, anAutoModeInventory([aWorkload()], { ingressClasses: [autoAlb], ingresses: [legacy] }), {
      target: 'fargate',
    });
    expect(findings.filter((f) => f.resource?.kind === 'Ingress')).toEqual([]);
  });
});
