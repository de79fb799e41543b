/**
 * Every Kubernetes kind the collector lists: the kinds the inventory loader understands. This table is
 * also what the README's ClusterRole must cover (a test checks that), so adding a kind here without
 * documenting it fails the build.
 */
export interface KindSpec {
  kind: string;
  /** Resource name in URLs and RBAC rules. */
  plural: string;
  /** Output file under kubernetes/, without `.json`: the plural, qualified by group where two groups share it. */
  file: string;
  /** How progress, the report and not-collected.json name the kind: the kind, qualified where two groups share it. */
  label: string;
  /** '' for the core group. */
  group: string;
  /** Versions in order of preference. Built-in kinds have one; CRDs list what their controllers shipped. */
  versions: readonly string[];
  namespaced: boolean;
  /** A CRD: listed only when discovery shows its group, and a 404 means "not installed". */
  optional: boolean;
  /** Listed as PartialObjectMetadataList so that no data is ever sent to us. */
  metadataOnly?: boolean;
  /** Top-level status fields a planner may read; the rest of status is volatile and dropped. */
  statusKeep?: readonly string[];
}

const builtIn = (kind: string, plural: string, group: string, version: string, namespaced: boolean, extra: Partial<KindSpec> = {}): KindSpec => ({
  kind,
  plural,
  file: plural,
  label: kind,
  group,
  versions: [version],
  namespaced,
  optional: false,
  ...extra,
});

const crd = (kind: string, plural: string, group: string, versions: string[], namespaced: boolean, extra: Partial<KindSpec> = {}): KindSpec => ({
  kind,
  plural,
  file: plural,
  label: kind,
  group,
  versions,
  namespaced,
  optional: true,
  ...extra,
});

/** Two CRDs named alike (IngressClassParams): files and labels say which group. */
const qualified = (plural: string, kind: string, group: string): Partial<KindSpec> => ({ file: `${plural}.${group}`, label: `${kind} (${group})` });

/** Namespaces come first: their names drive the per-namespace fallback when a cluster-wide list is forbidden. */
export const KINDS: readonly KindSpec[] = [
  builtIn('Namespace', 'namespaces', '', 'v1', false, { statusKeep: ['phase'] }),
  builtIn('Node', 'nodes', '', 'v1', false, { statusKeep: ['nodeInfo', 'capacity', 'allocatable'] }),
  builtIn('Pod', 'pods', '', 'v1', true, { statusKeep: ['phase', 'qosClass'] }),
  builtIn('Service', 'services', '', 'v1', true, { statusKeep: ['loadBalancer'] }),
  builtIn('ServiceAccount', 'serviceaccounts', '', 'v1', true),
  builtIn('ConfigMap', 'configmaps', '', 'v1', true),
  builtIn('Secret', 'secrets', '', 'v1', true, { metadataOnly: true }),
  builtIn('PersistentVolumeClaim', 'persistentvolumeclaims', '', 'v1', true, { statusKeep: ['phase', 'capacity'] }),
  builtIn('PersistentVolume', 'persistentvolumes', '', 'v1', false, { statusKeep: ['phase'] }),
  builtIn('Deployment', 'deployments', 'apps', 'v1', true),
  builtIn('StatefulSet', 'statefulsets', 'apps', 'v1', true),
  builtIn('DaemonSet', 'daemonsets', 'apps', 'v1', true),
  builtIn('ReplicaSet', 'replicasets', 'apps', 'v1', true),
  builtIn('Job', 'jobs', 'batch', 'v1', true, { statusKeep: ['conditions', 'completionTime'] }),
  builtIn('CronJob', 'cronjobs', 'batch', 'v1', true),
  builtIn('Ingress', 'ingresses', 'networking.k8s.io', 'v1', true, { statusKeep: ['loadBalancer'] }),
  builtIn('IngressClass', 'ingressclasses', 'networking.k8s.io', 'v1', false),
  builtIn('NetworkPolicy', 'networkpolicies', 'networking.k8s.io', 'v1', true),
  builtIn('StorageClass', 'storageclasses', 'storage.k8s.io', 'v1', false),
  builtIn('PodDisruptionBudget', 'poddisruptionbudgets', 'policy', 'v1', true),
  builtIn('HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'autoscaling', 'v2', true),
  crd('NodePool', 'nodepools', 'karpenter.sh', ['v1', 'v1beta1'], false),
  // Resolved subnets and security groups in status name the real IDs a NodeClass selects.
  crd('NodeClass', 'nodeclasses', 'eks.amazonaws.com', ['v1'], false, { statusKeep: ['subnets', 'securityGroups'] }),
  crd('EC2NodeClass', 'ec2nodeclasses', 'karpenter.k8s.aws', ['v1', 'v1beta1'], false, {
    statusKeep: ['subnets', 'securityGroups'],
  }),
  crd('SecurityGroupPolicy', 'securitygrouppolicies', 'vpcresources.k8s.aws', ['v1beta1'], true),
  // Auto Mode's built-in ALB reads its own IngressClassParams; the AWS Load Balancer Controller reads another.
  crd(
    'IngressClassParams',
    'ingressclassparams',
    'eks.amazonaws.com',
    ['v1'],
    false,
    qualified('ingressclassparams', 'IngressClassParams', 'eks.amazonaws.com'),
  ),
  crd('IngressClassParams', 'ingressclassparams', 'elbv2.k8s.aws', ['v1beta1'], false, qualified('ingressclassparams', 'IngressClassParams', 'elbv2.k8s.aws')),
  // Operators' objects whose pod templates the inventory reads as workloads: a GPU worker group of a
  // RayCluster is a fleet the plan must place like any Deployment.
  crd('RayCluster', 'rayclusters', 'ray.io', ['v1', 'v1alpha1'], true),
  crd('RayService', 'rayservices', 'ray.io', ['v1', 'v1alpha1'], true),
  crd('RayJob', 'rayjobs', 'ray.io', ['v1', 'v1alpha1'], true),
  crd('Rollout', 'rollouts', 'argoproj.io', ['v1alpha1'], true),
  // Knative's Service shares its name with the core Service: files and labels say which group.
  crd('Service', 'services', 'serving.knative.dev', ['v1'], true, qualified('services', 'Service', 'serving.knative.dev')),
  crd('SparkApplication', 'sparkapplications', 'sparkoperator.k8s.io', ['v1beta2'], true),
  crd('ScheduledSparkApplication', 'scheduledsparkapplications', 'sparkoperator.k8s.io', ['v1beta2'], true),
  crd('StrimziPodSet', 'strimzipodsets', 'core.strimzi.io', ['v1beta2'], true),
  crd('FlinkDeployment', 'flinkdeployments', 'flink.apache.org', ['v1beta1'], true),
  crd('ScaledJob', 'scaledjobs', 'keda.sh', ['v1alpha1'], true),
  // Service-mesh objects that configure the proxies of the pods in their namespace: evidence of a sidecar
  // that the exported pod templates do not show (it is injected when a pod is created).
  crd('Sidecar', 'sidecars', 'networking.istio.io', ['v1', 'v1beta1', 'v1alpha3'], true),
  crd('PeerAuthentication', 'peerauthentications', 'security.istio.io', ['v1', 'v1beta1'], true),
  crd(
    'AuthorizationPolicy',
    'authorizationpolicies',
    'security.istio.io',
    ['v1', 'v1beta1'],
    true,
    qualified('authorizationpolicies', 'AuthorizationPolicy', 'security.istio.io'),
  ),
  crd('Server', 'servers', 'policy.linkerd.io', ['v1beta3', 'v1beta2', 'v1beta1'], true),
  crd('ServerAuthorization', 'serverauthorizations', 'policy.linkerd.io', ['v1beta1'], true),
  crd(
    'AuthorizationPolicy',
    'authorizationpolicies',
    'policy.linkerd.io',
    ['v1alpha1'],
    true,
    qualified('authorizationpolicies', 'AuthorizationPolicy', 'policy.linkerd.io'),
  ),
  crd('VirtualNode', 'virtualnodes', 'appmesh.k8s.aws', ['v1beta2'], true),
];

export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** The collection URL of a kind, across all namespaces or within one. */
export function listPath(spec: KindSpec, version: string, namespace?: string): string {
  const base = spec.group === '' ? `/api/${version}` : `/apis/${spec.group}/${version}`;
  const ns = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${base}${ns}/${spec.plural}`;
}
