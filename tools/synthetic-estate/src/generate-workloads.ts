// Per-namespace documents of a synthetic estate, shaped like `kubectl get -o json` output (metadata,
// spec and status) so parse and normalise costs are realistic, with the features rules look at:
// claims, IRSA, security group policies, network policies, GPU, Spot, arm64, load balancers.
import { ACCOUNT, CLUSTER, POD_SGS, REGION, type Direction, type Domain } from './generate-cluster.js';
import type { Random } from './random.js';

export type Emit = (doc: Record<string, unknown>) => void;

const WORDS = ['cart', 'catalog', 'checkout', 'ledger', 'indexer', 'ranker', 'gateway', 'profile', 'orders', 'quotes', 'audit', 'notify', 'render', 'ingest', 'report', 'sync'];
const IMAGES = ['app', 'worker', 'api', 'job'];

type Kind = 'Deployment' | 'StatefulSet' | 'CronJob' | 'Job' | 'DaemonSet';

const KIND_WEIGHTS: Record<Domain, readonly (readonly [Kind, number])[]> = {
  shop: [['Deployment', 85], ['StatefulSet', 5], ['CronJob', 6], ['Job', 4]],
  payments: [['Deployment', 80], ['StatefulSet', 8], ['CronJob', 8], ['Job', 4]],
  search: [['Deployment', 70], ['StatefulSet', 20], ['CronJob', 10]],
  data: [['Deployment', 40], ['StatefulSet', 40], ['CronJob', 10], ['Job', 10]],
  ml: [['Deployment', 70], ['StatefulSet', 5], ['Job', 25]],
  batch: [['CronJob', 55], ['Job', 35], ['Deployment', 10]],
  web: [['Deployment', 90], ['CronJob', 10]],
  platform: [['Deployment', 70], ['StatefulSet', 10], ['DaemonSet', 10], ['CronJob', 10]],
};

export interface NamespaceInput {
  rnd: Random;
  direction: Direction;
  namespace: string;
  domain: Domain;
  size: number;
}

export function meta(rnd: Random, name: string, namespace: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    creationTimestamp: rnd.timestamp(),
    ...(namespace !== null ? { namespace } : {}),
    name,
    resourceVersion: String(rnd.int(1_000_000, 9_999_999)),
    uid: rnd.uid(),
    ...extra,
  };
}

function container(rnd: Random, name: string, image: string, gpu: boolean): Record<string, unknown> {
  const cpu = rnd.pick(['100m', '250m', '500m', '1', '2']);
  const memory = rnd.pick(['128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '4Gi']);
  const limits: Record<string, string> = { memory, ...(gpu ? { 'nvidia.com/gpu': '1' } : {}) };
  return {
    env: [
      { name: 'AWS_REGION', value: REGION },
      { name: 'LOG_LEVEL', value: rnd.pick(['info', 'warn', 'debug']) },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    ],
    image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${image}:${rnd.int(1, 9)}.${rnd.int(0, 30)}.${rnd.int(0, 9)}`,
    imagePullPolicy: 'IfNotPresent',
    name,
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    readinessProbe: { failureThreshold: 3, httpGet: { path: '/readyz', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
    resources: { limits, requests: { cpu, memory, ...(gpu ? { 'nvidia.com/gpu': '1' } : {}) } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
  };
}

interface AppTraits {
  gpu: boolean;
  spot: boolean;
  arm64: boolean;
  pci: boolean;
  batch: boolean;
}

/** Where the pods are told to run: node selectors, tolerations and annotations of the source mode. */
function placementOf(direction: Direction, traits: AppTraits, ebs: boolean) {
  const nodeSelector: Record<string, string> = {};
  const tolerations: Record<string, unknown>[] = [];
  const annotations: Record<string, string> = {};
  if (traits.gpu) {
    nodeSelector.workload = 'gpu';
    tolerations.push({ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' });
  }
  if (direction === 'to-auto-mode') {
    // Fargate cannot run GPUs or mount EBS: those pods are kept on the node groups.
    if (traits.gpu || ebs) annotations['eks.amazonaws.com/compute-type'] = 'ec2';
  } else {
    if (traits.spot) {
      nodeSelector['karpenter.sh/capacity-type'] = 'spot';
      tolerations.push({ key: 'spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' });
    }
    if (traits.arm64) nodeSelector['kubernetes.io/arch'] = 'arm64';
    if (traits.pci) {
      nodeSelector['data-classification'] = 'pci';
      tolerations.push({ key: 'pci', operator: 'Equal', value: 'true', effect: 'NoSchedule' });
    }
  }
  return { nodeSelector, tolerations, annotations };
}

function template(rnd: Random, input: NamespaceInput, app: string, traits: AppTraits, sa: string | null, ebs: boolean) {
  const labels: Record<string, string> = { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': input.domain };
  if (traits.batch) labels['workload-type'] = 'batch';
  const placed = placementOf(input.direction, traits, ebs);
  const containers = [container(rnd, app, `${input.domain}/${rnd.pick(IMAGES)}`, traits.gpu)];
  if (rnd.chance(0.15)) containers.push(container(rnd, 'envoy', 'mesh/envoy', false));
  const spec: Record<string, unknown> = {
    containers,
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: { fsGroup: 65534 },
    terminationGracePeriodSeconds: 30,
    volumes: [{ name: 'tmp', emptyDir: {} }],
  };
  if (sa) Object.assign(spec, { serviceAccount: sa, serviceAccountName: sa });
  if (Object.keys(placed.nodeSelector).length) spec.nodeSelector = placed.nodeSelector;
  if (placed.tolerations.length) spec.tolerations = placed.tolerations;
  if (rnd.chance(0.2)) {
    spec.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app } } }];
  }
  const annotations = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080', ...placed.annotations };
  return { metadata: { annotations, creationTimestamp: null, labels }, spec };
}

function deploymentStatus(replicas: number, rnd: Random) {
  const t = rnd.timestamp();
  return {
    availableReplicas: replicas,
    conditions: [
      { lastTransitionTime: t, lastUpdateTime: t, message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
      { lastTransitionTime: t, lastUpdateTime: t, message: 'ReplicaSet has successfully progressed.', reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
    ],
    observedGeneration: 3,
    readyReplicas: replicas,
    replicas,
    updatedReplicas: replicas,
  };
}

/** Services, ingresses, PDBs and HPAs that come with a long-running app. */
function frontOf(input: NamespaceInput, rnd: Random, app: string, kind: Kind, replicas: number, emit: Emit): void {
  const ns = input.namespace;
  const lb = (input.domain === 'shop' || input.domain === 'web') && kind === 'Deployment' && rnd.chance(0.04);
  const serviceSpec: Record<string, unknown> = {
    ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }],
    selector: { app },
    sessionAffinity: 'None',
    type: lb ? 'LoadBalancer' : 'ClusterIP',
    ...(kind === 'StatefulSet' ? { clusterIP: 'None' } : { clusterIP: `172.20.${rnd.int(0, 255)}.${rnd.int(1, 254)}` }),
  };
  const serviceAnnotations: Record<string, string> = {};
  if (lb && input.direction === 'to-auto-mode') {
    Object.assign(serviceAnnotations, { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' });
  } else if (lb) {
    serviceSpec.loadBalancerClass = 'eks.amazonaws.com/nlb';
  }
  if (kind === 'StatefulSet' || rnd.chance(0.85)) {
    emit({ apiVersion: 'v1', kind: 'Service', metadata: meta(rnd, app, ns, { labels: { app }, annotations: serviceAnnotations }), spec: serviceSpec, status: { loadBalancer: {} } });
  }
  if ((input.domain === 'shop' || input.domain === 'web') && kind === 'Deployment' && rnd.chance(0.15)) {
    const annotations: Record<string, string> = { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip', 'alb.ingress.kubernetes.io/healthcheck-path': '/healthz' };
    if (rnd.chance(0.3)) annotations['alb.ingress.kubernetes.io/group.name'] = input.domain;
    const host = `${app}.${ns}.example.com`;
    emit({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta(rnd, app, ns, { annotations, labels: { app } }),
      spec: { ingressClassName: 'alb', rules: [{ host, http: { paths: [{ backend: { service: { name: app, port: { name: 'http' } } }, path: '/', pathType: 'Prefix' }] } }] },
      status: { loadBalancer: { ingress: [{ hostname: `k8s-${rnd.hex(10)}.${REGION}.elb.amazonaws.com` }] } },
    });
  }
  if (replicas >= 2 && rnd.chance(0.5)) {
    emit({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta(rnd, app, ns), spec: { minAvailable: 1, selector: { matchLabels: { app } } }, status: { currentHealthy: replicas, desiredHealthy: 1, disruptionsAllowed: replicas - 1, expectedPods: replicas } });
  }
  if (kind === 'Deployment' && rnd.chance(0.15)) {
    emit({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta(rnd, app, ns), spec: { maxReplicas: 20, minReplicas: replicas, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app }, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } });
  }
}

function workload(input: NamespaceInput, i: number, emit: Emit): string {
  const { rnd, namespace: ns, domain, direction } = input;
  const kind = rnd.weighted(KIND_WEIGHTS[domain]);
  const app = `${rnd.pick(WORDS)}-${i}`;
  const traits: AppTraits = {
    gpu: domain === 'ml' && kind !== 'DaemonSet' && rnd.chance(0.4),
    spot: kind === 'Deployment' && rnd.chance(0.12),
    arm64: rnd.chance(0.08),
    pci: domain === 'payments' && rnd.chance(0.5),
    batch: domain === 'batch' && rnd.chance(0.9),
  };
  let sa: string | null = null;
  if (rnd.chance(0.7)) {
    sa = app;
    const irsa = rnd.chance(0.6) ? { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-${ns}-${app}` } : {};
    emit({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(rnd, app, ns, { annotations: irsa, labels: { app } }) });
  }
  if (rnd.chance(0.4)) emit({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(rnd, `${app}-config`, ns), data: { 'app.yaml': `server:\n  port: 8080\nfeature: ${rnd.hex(6)}\n` } });
  if (rnd.chance(0.3)) emit({ apiVersion: 'v1', kind: 'Secret', metadata: meta(rnd, `${app}-credentials`, ns), type: 'Opaque' });

  const ebs = kind === 'StatefulSet' && (direction === 'to-fargate' || domain === 'platform' || rnd.chance(0.3));
  const storageClassName = !ebs ? 'efs-sc' : direction === 'to-fargate' ? 'auto-ebs-sc' : 'gp3';
  const tpl = template(rnd, input, app, traits, sa, ebs);
  const labels = { app, 'app.kubernetes.io/part-of': domain };
  let replicas: number;
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet': {
      replicas = rnd.weighted([[1, 2], [2, 4], [3, 3], [6, 1]] as const);
      const spec: Record<string, unknown> = { replicas, revisionHistoryLimit: 10, selector: { matchLabels: { app } }, template: tpl };
      if (kind === 'StatefulSet') {
        Object.assign(spec, { serviceName: app, podManagementPolicy: 'OrderedReady' });
        spec.volumeClaimTemplates = [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: [ebs ? 'ReadWriteOnce' : 'ReadWriteMany'], resources: { requests: { storage: `${rnd.pick([10, 20, 50, 100])}Gi` } }, storageClassName, volumeMode: 'Filesystem' } }];
        (tpl.spec.containers as Record<string, unknown>[])[0]!.volumeMounts = [{ mountPath: '/var/lib/data', name: 'data' }, { mountPath: '/tmp', name: 'tmp' }];
        for (let r = 0; r < replicas; r++) {
          emit({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta(rnd, `data-${app}-${r}`, ns, { labels: { app } }), spec: { accessModes: [ebs ? 'ReadWriteOnce' : 'ReadWriteMany'], resources: { requests: { storage: '20Gi' } }, storageClassName, volumeMode: 'Filesystem', volumeName: `pvc-${rnd.uid()}` }, status: { phase: 'Bound' } });
        }
      } else {
        spec.strategy = { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' };
      }
      emit({ apiVersion: 'apps/v1', kind, metadata: meta(rnd, app, ns, { generation: 3, labels }), spec, status: deploymentStatus(replicas, rnd) });
      frontOf(input, rnd, app, kind, replicas, emit);
      break;
    }
    case 'DaemonSet':
      emit({ apiVersion: 'apps/v1', kind, metadata: meta(rnd, app, ns, { generation: 2, labels }), spec: { selector: { matchLabels: { app } }, template: tpl, updateStrategy: { type: 'RollingUpdate' } }, status: { currentNumberScheduled: 3, desiredNumberScheduled: 3, numberReady: 3 } });
      break;
    case 'Job':
      tpl.spec.restartPolicy = 'Never';
      emit({ apiVersion: 'batch/v1', kind, metadata: meta(rnd, app, ns, { labels }), spec: { backoffLimit: 3, completions: 1, parallelism: 1, template: tpl, ttlSecondsAfterFinished: 86400 }, status: { succeeded: 1 } });
      break;
    case 'CronJob':
      tpl.spec.restartPolicy = 'OnFailure';
      emit({ apiVersion: 'batch/v1', kind, metadata: meta(rnd, app, ns, { labels }), spec: { concurrencyPolicy: 'Forbid', jobTemplate: { spec: { backoffLimit: 2, template: tpl } }, schedule: `${rnd.int(0, 59)} ${rnd.int(0, 23)} * * *`, successfulJobsHistoryLimit: 3 }, status: {} });
      break;
  }
  return app;
}

/** A namespace and everything in it; returns how many workloads it holds. */
export function namespaceDocuments(input: NamespaceInput, emit: Emit): number {
  const { rnd, namespace: ns } = input;
  emit({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(rnd, ns, null, { labels: { 'kubernetes.io/metadata.name': ns, team: input.domain } }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  const apps: string[] = [];
  for (let i = 0; i < input.size; i++) apps.push(workload(input, i, emit));
  if (rnd.chance(0.3)) {
    emit({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta(rnd, 'default-deny-ingress', ns), spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    emit({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(rnd, 'allow-from-gateway', ns),
      spec: { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: apps.slice(0, 3) }] }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }], policyTypes: ['Ingress'] },
    });
  }
  if (rnd.chance(input.domain === 'payments' ? 0.6 : 0.03)) {
    const app = apps[0]!;
    emit({ apiVersion: 'vpcresources.k8s.aws/v1beta1', kind: 'SecurityGroupPolicy', metadata: meta(rnd, app, ns, { labels: { app } }), spec: { podSelector: { matchLabels: { app } }, securityGroups: { groupIds: [rnd.pick(POD_SGS)] } } });
  }
  return input.size;
}
