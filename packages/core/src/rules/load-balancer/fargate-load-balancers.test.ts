import { describe, expect, it } from 'vitest';
import { aCluster, anAutoModeCluster, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
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
});
