import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { IngressSpec, ObjectMeta, ServiceSpec } from '../../kube.js';
import { validateAgainstCrd } from '../../testing/index.js';
import { autoModeIngressClassManifests, blueGreenIngress, blueGreenService } from './load-balancers.js';

const shared = new URL('../../../../../../shared/', import.meta.url);
const raw = parse(readFileSync(new URL('corpus/fargate-workshop-sgp-irsa/ingress.yaml', shared), 'utf8')) as { metadata: Omit<ObjectMeta, 'labels'>; spec: IngressSpec };
// The reader normalises metadata to always carry labels and annotations.
const workshopIngress = { metadata: { labels: {}, ...raw.metadata }, spec: raw.spec };

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels: Record<string, string>; annotations: Record<string, string> }; spec: Record<string, unknown> };

describe('autoModeIngressClassManifests', () => {
  it('emits IngressClassParams the schema accepts and an IngressClass for eks.amazonaws.com/alb pointing at it', () => {
    const [params, cls] = autoModeIngressClassManifests('alb-auto') as Obj[];
    expect(validateAgainstCrd(params, 'eks.amazonaws.com_ingressclassparams_v1.schema.json')).toEqual([]);
    expect(params).toMatchObject({ apiVersion: 'eks.amazonaws.com/v1', kind: 'IngressClassParams', metadata: { name: 'alb-auto' }, spec: {} });
    expect(cls).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'alb-auto', labels: { 'app.kubernetes.io/managed-by': 'modeshift' } },
      spec: { controller: 'eks.amazonaws.com/alb', parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'alb-auto' } },
    });
  });

  it('carries a group name and scheme into the params when asked, and the validator bites on a bad scheme', () => {
    const [params] = autoModeIngressClassManifests('shared-alb', { groupName: 'shop', scheme: 'internal' }) as Obj[];
    expect(params!.spec).toEqual({ group: { name: 'shop' }, scheme: 'internal' });
    expect(validateAgainstCrd(params, 'eks.amazonaws.com_ingressclassparams_v1.schema.json')).toEqual([]);
    const bad = { ...params!, spec: { scheme: 'public' } };
    expect(validateAgainstCrd(bad, 'eks.amazonaws.com_ingressclassparams_v1.schema.json').join('\n')).toContain('/spec/scheme: must be equal to one of the allowed values');
  });
});

describe('blueGreenIngress', () => {
  const withLegacy = {
    metadata: {
      ...workshopIngress.metadata,
      labels: { app: 'ui', 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: {
        ...workshopIngress.metadata.annotations,
        'kubernetes.io/ingress.class': 'alb',
        'alb.ingress.kubernetes.io/group.name': 'shop',
        'alb.ingress.kubernetes.io/target-type': 'instance',
      },
    },
    spec: workshopIngress.spec,
  };
  const copy = blueGreenIngress(withLegacy, { ingressClassName: 'alb-auto', suffix: 'auto', dropAnnotations: ['alb.ingress.kubernetes.io/group.name'] }) as Obj;

  it('is a copy named <name>-<suffix> in the same namespace with the new class and the same rules', () => {
    expect(copy.metadata.name).toBe('ui-auto');
    expect(copy.metadata.namespace).toBe('ui');
    expect(copy.spec['ingressClassName']).toBe('alb-auto');
    expect(copy.spec['rules']).toEqual(workshopIngress.spec.rules);
  });

  it('drops the listed annotations and the legacy class annotation, and forces IP targets', () => {
    expect(copy.metadata.annotations).toEqual({
      'alb.ingress.kubernetes.io/healthcheck-path': '/actuator/health/liveness',
      'alb.ingress.kubernetes.io/inbound-cidrs': '$INBOUND_CIDRS',
      'alb.ingress.kubernetes.io/scheme': 'internet-facing',
      'alb.ingress.kubernetes.io/target-type': 'ip',
    });
    const plain = blueGreenIngress({ metadata: { name: 'x', namespace: 'y', labels: {}, annotations: {} }, spec: {} }, { ingressClassName: 'alb', suffix: 'fargate', dropAnnotations: [] }) as Obj;
    expect(plain.metadata.annotations).toEqual({ 'alb.ingress.kubernetes.io/target-type': 'ip' });
  });

  it('marks the copy as modeshift-managed and leaves the original untouched', () => {
    expect(copy.metadata.labels).toEqual({ app: 'ui', 'app.kubernetes.io/managed-by': 'modeshift' });
    expect(withLegacy.metadata.annotations['kubernetes.io/ingress.class']).toBe('alb');
    (copy.spec['rules'] as unknown[]).pop();
    expect(workshopIngress.spec.rules).toHaveLength(1);
  });
});

describe('blueGreenService', () => {
  const service = {
    metadata: {
      name: 'checkout',
      namespace: 'shop',
      labels: { app: 'checkout' },
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        'service.beta.kubernetes.io/aws-load-balancer-proxy-protocol': '*',
      },
    },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.100.12.7',
      clusterIPs: ['10.100.12.7'],
      healthCheckNodePort: 30999,
      externalTrafficPolicy: 'Local',
      selector: { app: 'checkout' },
      loadBalancerClass: 'service.k8s.aws/nlb',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 31080 }],
    } as ServiceSpec,
  };
  const copy = blueGreenService(service, { loadBalancerClass: 'eks.amazonaws.com/nlb', suffix: 'auto', dropAnnotations: ['service.beta.kubernetes.io/aws-load-balancer-proxy-protocol'] }) as Obj;

  it('sets the new class, keeps selector, ports and source ranges, and drops allocated fields', () => {
    expect(copy.metadata.name).toBe('checkout-auto');
    expect(copy.spec).toEqual({
      type: 'LoadBalancer',
      loadBalancerClass: 'eks.amazonaws.com/nlb',
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      externalTrafficPolicy: 'Local',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      selector: { app: 'checkout' },
    });
  });

  it('drops the type annotation loadBalancerClass replaces, plus the listed ones; extra annotations win', () => {
    expect(copy.metadata.annotations).toEqual({
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    });
    const internal = blueGreenService(service, {
      loadBalancerClass: 'service.k8s.aws/nlb',
      suffix: 'fargate',
      dropAnnotations: [],
      annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
    }) as Obj;
    expect(internal.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internal');
    expect(Object.keys(internal.metadata.annotations)).toEqual([...Object.keys(internal.metadata.annotations)].sort());
  });

  it('keeps copies of long names within the 63-character Service limit, distinct per original', () => {
    const long = (n: string) =>
      (blueGreenService({ ...service, metadata: { ...service.metadata, name: n } }, { loadBalancerClass: 'eks.amazonaws.com/nlb', suffix: 'fargate', dropAnnotations: [] }) as Obj).metadata.name;
    const a = long(`${'a'.repeat(58)}-one`);
    const b = long(`${'a'.repeat(58)}-two`);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/-fargate$/);
    expect(a).not.toBe(b);
  });
});
