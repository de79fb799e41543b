// The order of a plan to Fargate: no pod may reach Fargate before everything it needs there exists,
// and nothing the plan installs may lose its capacity when Auto Mode is disabled.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/plan';
import { anAutoModeCluster, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aService, anIngress, anIngressClass } from '../testing/kube-objects.js';
import { allSteps, stepsBefore } from '../testing/plan-steps.js';
import { buildPlan } from './build-plan.js';

function shopToFargate(): Plan {
  const web = aWorkload({
    namespace: 'shop',
    name: 'web',
    containers: [
      {
        name: 'web',
        image: 'nginx',
        ports: [{ containerPort: 8080, hostPort: 8080, name: 'http' }],
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
      },
    ],
    spec: { nodeSelector: { 'eks.amazonaws.com/compute-type': 'auto' } },
  });
  const api = aWorkload({ namespace: 'shop', name: 'api' });
  const svc = aService(
    'web',
    { type: 'LoadBalancer', loadBalancerClass: 'eks.amazonaws.com/nlb', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
    { namespace: 'shop' },
  );
  const ingress = anIngress(
    'api',
    { ingressClassName: 'alb', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'api' } } }] } }] },
    { namespace: 'shop' },
  );
  const inventory = anAutoModeInventory([web, api], {
    cluster: anAutoModeCluster(),
    services: [svc, aService('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }, { namespace: 'shop' })],
    ingresses: [ingress],
    ingressClasses: [anIngressClass('alb', { controller: 'eks.amazonaws.com/alb' })],
  });
  return buildPlan(contextFor(inventory, 'fargate'));
}

describe('a plan to Fargate', () => {
  const plan = shopToFargate();
  const profile = allSteps(plan).find((s) => s.id === 'capacity/fargate-profile-modeshift-shop')!;

  it('pins every moving workload to EC2 before the profile that selects its namespace exists', () => {
    expect(profile).toBeDefined();
    const pin = allSteps(plan).find((s) => s.id === 'capacity/pin-moving-workloads');
    expect([...(pin?.workloads ?? [])].sort()).toEqual(['Deployment/shop/api', 'Deployment/shop/web']);
    expect(pin?.commands.join('\n')).toContain('"eks.amazonaws.com/compute-type":"ec2"');
    expect(stepsBefore(plan, profile.id)).toContain('capacity/pin-moving-workloads');
  });

  it('fixes and unpins each workload in one patch in its wave', () => {
    const wave = allSteps(plan).find((s) => s.id === 'waves/shop')!;
    const web = wave.commands.find((c) => c.startsWith('kubectl patch deployment/web'));
    expect(web).toContain('"eks.amazonaws.com/compute-type":null');
    expect(web).toContain('"$patch":"replace"');
    expect(wave.commands.find((c) => c.startsWith('kubectl patch deployment/api'))).toContain('"eks.amazonaws.com/compute-type":null');
  });

  it('gives the AWS Load Balancer Controller it installs a Fargate profile before Auto Mode is disabled', () => {
    const install = allSteps(plan).find((s) => s.id === 'prerequisites/aws-load-balancer-controller');
    const onFargate = allSteps(plan).find((s) => s.id === 'capacity/aws-load-balancer-controller-on-fargate');
    const disable = allSteps(plan).find((s) => s.id === 'decommission/disable-auto-mode');
    expect(install && onFargate && disable).toBeTruthy();
    expect(onFargate!.commands.join('\n')).toContain('--selectors namespace=kube-system,labels={app.kubernetes.io/name=aws-load-balancer-controller}');
    expect([...stepsBefore(plan, onFargate!.id)]).toEqual(expect.arrayContaining([install!.id, 'capacity/coredns-on-fargate']));
    expect([...stepsBefore(plan, disable!.id)]).toContain(onFargate!.id);
    expect(onFargate!.infrastructure).toEqual([
      expect.objectContaining({
        kind: 'fargate-profile',
        request: {
          kind: 'fargate-profile',
          name: 'aws-load-balancer-controller',
          selectors: [{ namespace: 'kube-system', labels: { 'app.kubernetes.io/name': 'aws-load-balancer-controller' } }],
        },
      }),
    ]);
  });
});
