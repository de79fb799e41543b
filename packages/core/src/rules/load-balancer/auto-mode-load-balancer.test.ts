import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../inventory/types.js';
import { aFargateInventory, anAutoModeCluster, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { anIngress, anIngressClass, aService } from '../../testing/kube-objects.js';
import { autoModeLoadBalancerRule as rule } from './auto-mode-load-balancer.js';

const backend = { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web' } } }] } }] };
const run = (parts: Partial<Inventory>) => runRule(rule, aFargateInventory([aWorkload()], parts), { target: 'auto-mode' });

describe('auto-mode-load-balancer', () => {
  it('moves an ALB Ingress of the AWS Load Balancer Controller by blue/green and requests the new IngressClass', () => {
    const ingress = anIngress(
      'web',
      { ingressClassName: 'alb', ...backend },
      {
        annotations: {
          'alb.ingress.kubernetes.io/target-type': 'ip',
          'alb.ingress.kubernetes.io/group.name': 'shared',
          'alb.ingress.kubernetes.io/waf-acl-id': 'x',
        },
      },
    );
    const findings = run({ ingresses: [ingress] });
    expect(findings.find((f) => f.resource?.kind === 'Ingress')).toMatchObject({
      id: 'auto-mode-load-balancer:Ingress/shop/web',
      severity: 'change',
      capability: 'load-balancer',
      action: {
        type: 'load-balancer',
        change: {
          kind: 'ingress-blue-green',
          ingressClass: 'alb-auto',
          unsupportedAnnotations: ['alb.ingress.kubernetes.io/group.name', 'alb.ingress.kubernetes.io/waf-acl-id'],
        },
      },
    });
    expect(findings.find((f) => f.resource === null)).toMatchObject({
      id: 'auto-mode-load-balancer:cluster',
      severity: 'advisory',
      action: { type: 'capacity', request: { kind: 'ingress-class', name: 'alb-auto', controller: 'eks.amazonaws.com/alb' } },
    });
    expect(findings[0]?.remediation).toContain('DNS');
  });

  it('recognises LBC ownership by IngressClass controller, legacy annotation and default class', () => {
    const byClass = anIngress('a', { ingressClassName: 'public', ...backend });
    const byAnnotation = anIngress('b', backend, { annotations: { 'kubernetes.io/ingress.class': 'alb' } });
    const byDefault = anIngress('c', backend);
    const lbc = anIngressClass('public', { controller: 'ingress.k8s.aws/alb' });
    lbc.metadata.annotations['ingressclass.kubernetes.io/is-default-class'] = 'true';
    const findings = run({ ingresses: [byClass, byAnnotation, byDefault], ingressClasses: [lbc] });
    expect(findings.filter((f) => f.resource?.kind === 'Ingress').map((f) => f.resource?.name)).toEqual(['a', 'b', 'c']);
    expect(findings.find((f) => f.resource?.name === 'b')?.action).toMatchObject({ change: { unsupportedAnnotations: ['kubernetes.io/ingress.class'] } });
  });

  it('reuses an existing Auto Mode IngressClass and leaves other controllers alone', () => {
    const findings = run({
      ingresses: [
        anIngress('web', { ingressClassName: 'alb', ...backend }),
        anIngress('nginx', { ingressClassName: 'nginx', ...backend }),
        anIngress('auto', { ingressClassName: 'auto-alb', ...backend }),
      ],
      ingressClasses: [anIngressClass('auto-alb', { controller: 'eks.amazonaws.com/alb' }), anIngressClass('nginx', { controller: 'k8s.io/ingress-nginx' })],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.action).toMatchObject({ change: { ingressClass: 'auto-alb' } });
  });

  it('moves LoadBalancer Services without the Auto Mode class by blue/green', () => {
    const svc = aService(
      'web',
      { type: 'LoadBalancer', selector: { app: 'web' } },
      {
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-access-log-enabled': 'true',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        },
      },
    );
    const [finding] = run({ services: [svc] });
    expect(finding).toMatchObject({
      id: 'auto-mode-load-balancer:Service/shop/web',
      action: {
        type: 'load-balancer',
        change: {
          kind: 'service-blue-green',
          loadBalancerClass: 'eks.amazonaws.com/nlb',
          unsupportedAnnotations: ['service.beta.kubernetes.io/aws-load-balancer-access-log-enabled', 'service.beta.kubernetes.io/aws-load-balancer-type'],
        },
      },
    });
    expect(finding?.message).toContain('use spec.loadBalancerClass');
  });

  it('passes Auto Mode NLBs and non-LoadBalancer Services', () => {
    const services = [
      aService('nlb', { type: 'LoadBalancer', loadBalancerClass: 'eks.amazonaws.com/nlb' }),
      aService('internal', { type: 'ClusterIP', selector: { app: 'web' } }),
    ];
    expect(run({ services })).toEqual([]);
  });

  it('leaves an unclassed LoadBalancer Service to Auto Mode where Auto Mode already load-balances and no controller runs', () => {
    const findings = run({ cluster: anAutoModeCluster(), services: [aService('front', { type: 'LoadBalancer', selector: { app: 'web' } })] });
    expect(findings).toEqual([]);
  });

  it('moves an Ingress whose owner the inventory does not show, saying which evidence is missing and what to check', () => {
    const findings = runRule(rule, anInventory({ workloads: [aWorkload()], ingresses: [anIngress('web', { ingressClassName: 'alb', ...backend })] }), {
      target: 'auto-mode',
    });
    const f = findings.find((x) => x.resource?.kind === 'Ingress');
    expect(f?.message).toContain('is served by an ALB of Auto Mode, the AWS Load Balancer Controller or no controller');
    expect(f?.remediation).toContain("the inventory does not show whether Auto Mode's load balancing is enabled");
    expect(f?.remediation).toContain("If it is Auto Mode's already, mark the blue/green step not applicable.");
  });
});
