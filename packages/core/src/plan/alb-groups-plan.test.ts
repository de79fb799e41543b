import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { aCluster, aFargateInventory, aFargateProfile, aWorkload, contextFor } from '../testing/builders.js';
import { anIngress, anIngressClass } from '../testing/kube-objects.js';
import { validateAgainstCrd } from '../testing/index.js';
import { buildPlan } from './build-plan.js';

const CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/abc';
const backend = (service: string) => ({ rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', backend: { service: { name: service } } }] } }] });
const grouped = (name: string, group: string, extra: Record<string, string> = {}) =>
  anIngress(
    name,
    { ingressClassName: 'alb', ...backend(name) },
    {
      annotations: {
        'alb.ingress.kubernetes.io/group.name': group,
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/certificate-arn': CERT,
        ...extra,
      },
    },
  );

function planFor(ingresses: ReturnType<typeof anIngress>[]): Plan {
  const inventory = aFargateInventory([aWorkload({ namespace: 'shop', name: 'frontend' })], {
    cluster: aCluster({ version: '1.31' }),
    fargateProfiles: [aFargateProfile('shop', [{ namespace: 'shop' }])],
    ingressClasses: [anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' })],
    ingresses,
  });
  return buildPlan(contextFor(inventory, 'auto-mode'));
}
const steps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);
type Params = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };
const paramsOf = (step: Step | undefined) => ((step?.manifests[0]?.object as { items: Params[] }).items ?? []).find((o) => o.kind === 'IngressClassParams');

describe('ALB groups on the way to Auto Mode', () => {
  it('carries a shared IngressGroup into the IngressClassParams with its scheme and certificates, so one host keeps one ALB', () => {
    const plan = planFor([grouped('frontend', 'shop'), grouped('media', 'shop')]);
    const classStep = steps(plan).find((s) => s.id === 'capacity/ingress-class-alb-auto');
    const params = paramsOf(classStep);
    expect(params?.spec).toEqual({ certificateARNs: [CERT], group: { name: 'shop' }, scheme: 'internet-facing' });
    expect(validateAgainstCrd(params, 'eks.amazonaws.com_ingressclassparams_v1.schema.json')).toEqual([]);
    const copies = steps(plan)
      .filter((s) => s.id.startsWith('waves/load-balancer-'))
      .map((s) => (s.manifests[0]?.object as { spec: { ingressClassName: string } }).spec.ingressClassName);
    expect(copies).toEqual(['alb-auto', 'alb-auto']);
  });

  it('makes one IngressClass per group when there are several, and keeps ungrouped Ingresses on the base class', () => {
    const plain = anIngress('plain', { ingressClassName: 'alb', ...backend('plain') });
    const plan = planFor([grouped('frontend', 'shop'), grouped('api', 'partners'), plain]);
    const classes = steps(plan).filter((s) => s.kind === 'ingress-class');
    expect(classes.map((s) => s.id)).toEqual([
      'capacity/ingress-class-alb-auto',
      'capacity/ingress-class-alb-auto-partners',
      'capacity/ingress-class-alb-auto-shop',
    ]);
    expect(paramsOf(classes[0])?.spec).toEqual({});
    expect(paramsOf(classes[1])?.spec).toMatchObject({ group: { name: 'partners' } });
    const classOf = Object.fromEntries(
      steps(plan)
        .filter((s) => s.id.startsWith('waves/load-balancer-'))
        .map((s) => {
          const copy = s.manifests[0]?.object as { metadata: { name: string }; spec: { ingressClassName: string } };
          return [copy.metadata.name, copy.spec.ingressClassName];
        }),
    );
    expect(classOf).toEqual({ 'api-auto': 'alb-auto-partners', 'frontend-auto': 'alb-auto-shop', 'plain-auto': 'alb-auto' });
  });

  it('turns a WAF Classic web ACL into a WAFv2 step and associates it before DNS moves to the new ALB', () => {
    const plan = planFor([grouped('frontend', 'shop', { 'alb.ingress.kubernetes.io/waf-acl-id': '0d3f1c1e-6a2b' })]);
    const waf = steps(plan).find((s) => s.id === 'prerequisites/wafv2-web-acls');
    expect(waf?.commands.join('\n')).toContain('aws waf-regional create-web-acl-migration-stack --web-acl-id 0d3f1c1e-6a2b');
    const blueGreen = steps(plan).find((s) => s.id === 'waves/load-balancer-ingress-shop-frontend');
    expect(blueGreen?.dependsOn).toContain('prerequisites/wafv2-web-acls');
    const commands = blueGreen?.commands ?? [];
    const associate = commands.findIndex((c) => c.startsWith('aws wafv2 associate-web-acl'));
    const dnsShift = commands.findIndex((c) => c.includes('shift DNS'));
    expect(associate).toBeGreaterThan(0);
    expect(associate).toBeLessThan(dnsShift);
  });
});
