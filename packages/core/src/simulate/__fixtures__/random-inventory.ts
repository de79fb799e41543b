// Random inventories for property tests: each workload gets a few traits, chosen so that between
// them they touch every capability the rules check, in both directions.
import fc from 'fast-check';
import type { Inventory, Workload } from '../../inventory/types.js';
import type { Container, PodSpec } from '../../kube.js';
import { aFargateProfile, aWorkload, anAutoModeCluster, aCluster, anInventory } from '../../testing/builders.js';
import { anObject, aSecurityGroupPolicy, aService, anIngress, anIngressClass, aServiceAccount } from '../../testing/kube-objects.js';

export const TRAITS = [
  'gpu',
  'neuron',
  'arm64',
  'windows',
  'host-network',
  'host-port',
  'privileged',
  'net-admin',
  'host-path',
  'oversize',
  'daemonset',
  'job',
  'cronjob',
  'pod-identity',
  'irsa',
  'security-groups',
  'load-balancer',
  'ingress',
  'network-policy',
  'spot-selector',
  'single-replica',
  'topology-spread',
] as const;
export type Trait = (typeof TRAITS)[number];

interface Shape {
  namespace: string;
  name: string;
  traits: Trait[];
}

function container(traits: readonly Trait[]): Container {
  const has = (t: Trait) => traits.includes(t);
  return {
    name: 'main',
    image: 'public.ecr.aws/nginx/nginx:1.27',
    resources: {
      requests: {
        cpu: has('oversize') ? '32' : '250m',
        memory: '512Mi',
        ...(has('gpu') ? { 'nvidia.com/gpu': '1' } : {}),
        ...(has('neuron') ? { 'aws.amazon.com/neuron': '1' } : {}),
      },
    },
    ...(has('host-port') ? { ports: [{ containerPort: 8080, hostPort: 8080, name: 'http' }] } : { ports: [{ containerPort: 8080, name: 'http' }] }),
    ...(has('privileged') || has('net-admin') ? { securityContext: has('privileged') ? { privileged: true } : { capabilities: { add: ['NET_ADMIN'] } } } : {}),
    ...(has('pod-identity') ? { env: [{ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }] } : {}),
  };
}

function workload(shape: Shape): Workload {
  const has = (t: Trait) => shape.traits.includes(t);
  const spec: Partial<PodSpec> = { serviceAccountName: shape.name };
  const selector: Record<string, string> = {};
  if (has('arm64')) selector['kubernetes.io/arch'] = 'arm64';
  if (has('windows')) selector['kubernetes.io/os'] = 'windows';
  if (has('spot-selector')) selector['karpenter.sh/capacity-type'] = 'spot';
  if (Object.keys(selector).length > 0) spec.nodeSelector = selector;
  if (has('host-network')) spec.hostNetwork = true;
  if (has('host-path')) spec.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
  if (has('topology-spread'))
    spec.topologySpreadConstraints = [
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: shape.name } } },
    ];
  const kind = has('daemonset') ? 'DaemonSet' : has('job') ? 'Job' : has('cronjob') ? 'CronJob' : 'Deployment';
  return aWorkload({
    kind,
    namespace: shape.namespace,
    name: shape.name,
    replicas: kind === 'Deployment' ? (has('single-replica') ? 1 : 2) : undefined,
    containers: [container(shape.traits)],
    spec,
  });
}

const shapeArb = fc.record({
  namespace: fc.constantFrom('shop', 'api', 'batch'),
  name: fc.constantFrom('web', 'cart', 'orders', 'worker', 'agent'),
  traits: fc.subarray([...TRAITS], { maxLength: 3 }),
});

/** An inventory on Fargate or on Auto Mode with 1–5 workloads of random traits, and the objects their traits imply. */
export const inventoryArb = fc
  .record({
    source: fc.constantFrom('fargate', 'auto-mode'),
    shapes: fc.uniqueArray(shapeArb, { minLength: 1, maxLength: 5, selector: (s) => `${s.namespace}/${s.name}` }),
  })
  .map(({ source, shapes }): Inventory => {
    const workloads = shapes.map(workload);
    const namespaces = [...new Set(shapes.map((s) => s.namespace))].sort();
    const with_ = (t: Trait) => shapes.filter((s) => s.traits.includes(t));
    const services = [
      ...with_('load-balancer').map((s) =>
        aService(
          `${s.name}-lb`,
          {
            type: 'LoadBalancer',
            loadBalancerClass: source === 'fargate' ? 'service.k8s.aws/nlb' : 'eks.amazonaws.com/nlb',
            selector: { app: s.name },
            ports: [{ port: 80, targetPort: 'http' }],
          },
          { namespace: s.namespace },
        ),
      ),
      ...with_('ingress').map((s) =>
        aService(s.name, { selector: { app: s.name }, ports: [{ port: 80, targetPort: 'http', name: 'http' }] }, { namespace: s.namespace }),
      ),
    ];
    const ingresses = with_('ingress').map((s) =>
      anIngress(
        s.name,
        { ingressClassName: source === 'fargate' ? 'alb' : 'alb-auto', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: s.name } } }] } }] },
        { namespace: s.namespace },
      ),
    );
    return anInventory({
      cluster: source === 'fargate' ? aCluster() : anAutoModeCluster(),
      fargateProfiles:
        source === 'fargate'
          ? [
              aFargateProfile(
                'apps',
                namespaces.map((namespace) => ({ namespace })),
              ),
            ]
          : [],
      workloads,
      services,
      ingresses,
      ingressClasses:
        ingresses.length > 0
          ? [
              source === 'fargate'
                ? anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' })
                : anIngressClass('alb-auto', { controller: 'eks.amazonaws.com/alb' }),
            ]
          : [],
      networkPolicies: with_('network-policy').map((s) =>
        anObject<Record<string, unknown>>(
          'NetworkPolicy',
          `deny-${s.name}`,
          { podSelector: { matchLabels: { app: s.name } }, policyTypes: ['Ingress'] },
          { namespace: s.namespace, apiVersion: 'networking.k8s.io/v1' },
        ),
      ),
      securityGroupPolicies:
        source === 'fargate'
          ? with_('security-groups').map((s) =>
              aSecurityGroupPolicy(s.name, ['sg-0123456789abcdef0'], { pods: { matchLabels: { app: s.name } } }, { namespace: s.namespace }),
            )
          : [],
      serviceAccounts: shapes.map((s) =>
        aServiceAccount(s.name, {
          namespace: s.namespace,
          annotations: s.traits.includes('irsa') ? { 'eks.amazonaws.com/role-arn': `arn:aws:iam::111122223333:role/${s.name}` } : {},
        }),
      ),
    });
  });
