import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { aCluster, aFargateInventory, aFargateProfile, aWorkload, contextFor } from '../testing/builders.js';
import { anIngress, aService } from '../testing/kube-objects.js';
import { buildPlan } from './build-plan.js';

const nlb = aService(
  'payments-api',
  {
    type: 'LoadBalancer',
    loadBalancerClass: 'service.k8s.aws/nlb',
    selector: { app: 'payments-api' },
    ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', nodePort: 31874 }],
  },
  { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' } },
);

function plan(): Plan {
  const inventory = aFargateInventory([aWorkload({ namespace: 'shop', name: 'payments-api' })], {
    cluster: aCluster({ version: '1.31' }),
    fargateProfiles: [aFargateProfile('shop', [{ namespace: 'shop' }])],
    services: [nlb],
    // An Ingress backend still routes to the Service by name.
    ingresses: [anIngress('api', { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'payments-api' } } }] } }] })],
  });
  return buildPlan(contextFor(inventory, 'auto-mode'));
}
const blueGreen = (p: Plan): Step => p.stages.flatMap((s) => s.steps).find((s) => s.id === 'waves/load-balancer-service-shop-payments-api')!;

describe('Service blue/green', () => {
  it('never deletes the original Service: it keeps its name and ClusterIP and only loses its load balancer', () => {
    const commands = blueGreen(plan()).commands;
    expect(commands.some((c) => c.startsWith('kubectl delete service'))).toBe(false);
    const patch = commands.find((c) => c.startsWith('kubectl patch service payments-api -n shop'));
    expect(patch).toBeDefined();
    const body = /-p '(.*)'$/.exec(patch!)?.[1];
    expect(JSON.parse(body!)).toMatchObject({ spec: { type: 'ClusterIP', loadBalancerClass: null } });
  });

  it('lists the clients that still call the old load balancer by hostname before it goes', () => {
    const commands = blueGreen(plan()).commands;
    const check = commands.findIndex((c) => c.includes('grep -nF'));
    const retire = commands.findIndex((c) => c.startsWith('kubectl patch service'));
    expect(check).toBeGreaterThan(-1);
    expect(check).toBeLessThan(retire);
  });

  it('writes a patch kubectl applies, leaving a valid ClusterIP Service without node ports or load balancer fields', () => {
    const patch = blueGreen(plan()).commands.find((c) => c.startsWith('kubectl patch service'))!;
    const body = /-p '(.*)'$/.exec(patch)![1]!;
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'payments-api', namespace: 'shop' },
      spec: { ...nlb.spec, externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true },
    };
    const out = JSON.parse(
      execFileSync('kubectl', ['patch', '--local', '-f', '-', '-p', body, '-o', 'json'], { input: JSON.stringify(service), encoding: 'utf8', timeout: 60_000 }),
    ) as { spec: Record<string, unknown> & { ports: Record<string, unknown>[] } };
    expect(out.spec.type).toBe('ClusterIP');
    for (const field of ['loadBalancerClass', 'externalTrafficPolicy', 'allocateLoadBalancerNodePorts']) expect(out.spec).not.toHaveProperty(field);
    expect(out.spec.ports[0]).toEqual({ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' });
  });
});
