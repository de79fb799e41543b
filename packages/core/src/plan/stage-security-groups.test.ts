import { describe, expect, it } from 'vitest';
import type { Namespaced } from '../inventory/types.js';
import { aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aConfigMap, anIngressClass, aNodeClass, aNodePool, aService } from '../testing/kube-objects.js';
import { aSubnet } from '../testing/aws-objects.js';
import { buildPlan } from './build-plan.js';

const denyAll: Namespaced<Record<string, unknown>> = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny-ingress', namespace: 'shop', labels: {}, annotations: {} },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
  origin: { file: 'netpol.yaml', line: 1 },
};

describe('security-groups stage: load balancers behind NetworkPolicies Fargate never enforced', () => {
  const apps = ['api', 'web'].map((name) => aWorkload({ name, podLabels: { app: name, tier: 'edge' } }));
  const services = apps.map((w) =>
    aService(w.metadata.name, { type: 'LoadBalancer', selector: { app: w.metadata.name }, ports: [{ port: 443, targetPort: 8443 }] }),
  );
  const subnet = { ...aSubnet('subnet-a', { tags: { 'kubernetes.io/role/internal-elb': '1' } }), cidrBlock: '10.0.32.0/20' };
  const plan = buildPlan(
    contextFor(
      aFargateInventory(apps, {
        services,
        subnets: [subnet],
        networkPolicies: [denyAll],
        ingressClasses: [anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' })],
      }),
      'auto-mode',
    ),
  );
  const steps = plan.stages.flatMap((s) => s.steps);
  const allow = steps.find((s) => s.id === 'security-groups/allow-load-balancer-shop');

  it('adds one policy per workload in one step per namespace, before the namespace moves', () => {
    expect(allow?.findings).toEqual([
      'auto-mode-network-policy-load-balancer:Deployment/shop/api',
      'auto-mode-network-policy-load-balancer:Deployment/shop/web',
    ]);
    expect(allow?.commands).toEqual(['kubectl apply -f netpol-allow-load-balancer-shop.yaml']);
    const wave = steps.find((s) => s.kind === 'wave' && s.namespaces.includes('shop'));
    const before = (id: string, seen = new Set<string>()): boolean =>
      steps.find((s) => s.id === id)?.dependsOn.some((d) => d === allow?.id || (!seen.has(d) && seen.add(d) && before(d, seen))) ?? false;
    expect(before(wave!.id)).toBe(true);
  });

  it('writes NetworkPolicies that admit only the load balancer subnets on the pod port, selecting pods as the Service does', () => {
    const list = allow?.manifests[0]?.object as { items: Record<string, unknown>[] };
    expect(list.items).toEqual(
      ['api', 'web'].map((name) => ({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `allow-load-balancer-${name}`, namespace: 'shop', labels: { 'app.kubernetes.io/managed-by': 'modeshift' } },
        spec: {
          podSelector: { matchLabels: { app: name } },
          policyTypes: ['Ingress'],
          ingress: [{ from: [{ ipBlock: { cidr: '10.0.32.0/20' } }], ports: [{ port: 8443, protocol: 'TCP' }] }],
        },
      })),
    );
    expect(allow?.rollback.commands).toEqual(['kubectl delete -f netpol-allow-load-balancer-shop.yaml']);
    expect(allow?.verify.command).toBe('kubectl get networkpolicy -n shop allow-load-balancer-api allow-load-balancer-web');
  });
});

describe('security-groups stage: SecurityGroupPolicies when moving to Fargate', () => {
  const pools = ['red', 'blue'].map((c) => aNodePool(c, { nodeClass: c, labels: { pool: c } }));
  const classes = ['red', 'blue'].map((c) => aNodeClass(c, { podSecurityGroupSelectorTerms: [{ id: `sg-${c}` }] }));
  const on = (name: string, pool: string) => aWorkload({ namespace: 'pay', name, spec: { nodeSelector: { pool } } });
  const plan = buildPlan(contextFor(anAutoModeInventory([on('api', 'red'), on('worker', 'blue')], { nodePools: pools, nodeClasses: classes }), 'fargate'));
  const steps = plan.stages.flatMap((s) => s.steps);
  const wave = steps.find((s) => s.id === 'waves/pay');
  const policies = (wave?.manifests ?? []).filter((m) => m.object.kind === 'SecurityGroupPolicy');

  it('gives pods from two NodeClasses of one namespace two policies, each selecting its own pods, under names of their own', () => {
    const objects = policies.map((m) => m.object as { metadata: { name: string }; spec: { podSelector: unknown; securityGroups: { groupIds: string[] } } });
    expect(objects.map((o) => [o.spec.podSelector, o.spec.securityGroups.groupIds])).toEqual([
      [{ matchLabels: { app: 'worker' } }, ['sg-blue', 'sg-cluster']],
      [{ matchLabels: { app: 'api' } }, ['sg-cluster', 'sg-red']],
    ]);
    expect(new Set(objects.map((o) => o.metadata.name)).size).toBe(2);
    expect(new Set(policies.map((m) => m.file)).size).toBe(2);
  });

  it('applies them in the wave that moves the pods, before the rollouts, not in a step of their own before it', () => {
    // Until the wave the pods run on Auto Mode, where a policy selecting them below 1.36 leaves restarted pods Pending.
    expect(steps.some((s) => s.kind === 'security-group-policy')).toBe(false);
    const applied = wave!.commands.findIndex((c) => c.startsWith('kubectl apply -f sgp-'));
    const patched = wave!.commands.findIndex((c) => c.startsWith('kubectl patch'));
    expect(applied).toBeGreaterThanOrEqual(0);
    expect(applied).toBeLessThan(patched);
    expect(wave!.rollback.commands.at(-1)).toMatch(/^kubectl delete securitygrouppolicy modeshift-pay/);
  });
});

describe('security-groups stage: the network policy controller', () => {
  const web = aWorkload({ name: 'web' });
  const service = aService('web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 8443 }] });
  const planWith = (value: string | null) =>
    buildPlan(
      contextFor(
        aFargateInventory([web], {
          services: [service],
          networkPolicies: [denyAll],
          configMaps: value === null ? [] : [aConfigMap('amazon-vpc-cni', { 'enable-network-policy-controller': value }, { namespace: 'kube-system' })],
        }),
        'auto-mode',
      ),
    ).stages.flatMap((s) => s.steps);

  it('switches the controller on when the inventory shows it off, after the load balancer policies and before the waves', () => {
    const steps = planWith('false');
    const enable = steps.find((s) => s.id === 'security-groups/enable-network-policy-controller');
    expect(enable?.commands).toEqual([
      `kubectl patch configmap amazon-vpc-cni -n kube-system --type merge -p '{"data":{"enable-network-policy-controller":"true"}}'`,
    ]);
    expect(enable?.dependsOn).toEqual(expect.arrayContaining(['security-groups/allow-load-balancer-shop', 'security-groups/review-network-policies']));
    expect(steps.find((s) => s.kind === 'wave')?.dependsOn).toContain(enable?.id);
  });

  it('creates the ConfigMap when the inventory has none, and adds no step when the controller is on', () => {
    const create = planWith(null).find((s) => s.id === 'security-groups/enable-network-policy-controller');
    expect(create?.commands).toEqual(['kubectl apply -f configmap-amazon-vpc-cni.yaml']);
    expect(create?.manifests[0]?.object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'amazon-vpc-cni', namespace: 'kube-system' },
      data: { 'enable-network-policy-controller': 'true' },
    });
    expect(planWith('true').some((s) => s.id === 'security-groups/enable-network-policy-controller')).toBe(false);
  });
});

describe('security-groups stage: NetworkPolicies Fargate will not enforce', () => {
  it('asks for the decision before the waves move the pods they isolate, not in the closing review', () => {
    const plan = buildPlan(contextFor(anAutoModeInventory([aWorkload({ name: 'api' })], { networkPolicies: [denyAll] }), 'fargate'));
    const steps = plan.stages.flatMap((s) => s.steps);
    const review = steps.find((s) => s.id === 'security-groups/review-network-policies');
    expect(review?.findings).toEqual(['fargate-network-policies:NetworkPolicy/shop/default-deny-ingress']);
    expect(review?.why).toContain('the isolation these give is gone the moment their pods land on Fargate');
    const wave = steps.find((s) => s.kind === 'wave' && s.namespaces.includes('shop'));
    expect(wave).toBeDefined();
    const order = steps.map((s) => s.id);
    expect(order.indexOf(review!.id)).toBeLessThan(order.indexOf(wave!.id));
    // Waves wait for the security-groups stage, which holds the review.
    expect(plan.stages.find((s) => s.id === 'waves')?.dependsOn).toContain('security-groups');
    expect(steps.filter((s) => s.findings.includes(review!.findings[0]!)).map((s) => s.id)).toEqual([review!.id]);
  });
});
