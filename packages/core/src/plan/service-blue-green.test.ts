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
// The old load balancer goes in the second of the two steps, once DNS has moved to the new one.
const removal = (p: Plan): Step => p.stages.flatMap((s) => s.steps).find((s) => s.id === 'waves/retire-load-balancer-service-shop-payments-api')!;
/** The Service's patch inside the removal's guard (`if … then …; else <patch>; fi`). */
const patchOf = (commands: readonly string[]) => commands.flatMap((c) => /(kubectl patch service \S+ -n \S+ -p '.*')(?:; fi)?$/.exec(c)?.[1] ?? [])[0];

describe('Service blue/green', () => {
  it('never deletes the original Service: it keeps its name and ClusterIP and only loses its load balancer', () => {
    const p = plan();
    const commands = [
      ...removal(p).commands,
      ...p.stages.flatMap((s) => s.steps).find((s) => s.id === 'waves/load-balancer-service-shop-payments-api')!.commands,
    ];
    expect(commands.some((c) => c.includes('kubectl delete service'))).toBe(false);
    const patch = patchOf(commands);
    expect(patch).toMatch(/^kubectl patch service payments-api -n shop /);
    const body = /-p '(.*)'$/.exec(patch!)?.[1];
    expect(JSON.parse(body!)).toMatchObject({ spec: { type: 'ClusterIP', loadBalancerClass: null } });
  });

  it('lists the clients that still call the old load balancer by hostname before it goes', () => {
    const guarded = removal(plan()).commands.find((c) => c.includes('grep -nF'))!;
    expect(guarded.indexOf('grep -nF')).toBeGreaterThan(-1);
    expect(guarded.indexOf('grep -nF')).toBeLessThan(guarded.indexOf('kubectl patch service'));
  });

  it('writes a patch kubectl applies, leaving a valid ClusterIP Service without node ports or load balancer fields', () => {
    const patch = patchOf(removal(plan()).commands)!;
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
