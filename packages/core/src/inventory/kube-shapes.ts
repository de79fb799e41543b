// Runtime mirrors of the types in ../kube.ts. Keep the two in step: a field typed there but missing
// here reaches rules unchecked, so a manifest with the wrong type in it would crash a rule instead of
// being reported with its file and line.
import type { NameFormat } from './names.js';
import {
  anyObject,
  bool,
  int,
  labelMap,
  listOf,
  mapOf,
  name,
  nullable,
  numberOrString,
  object,
  quantity,
  required,
  resourceQuantity,
  str,
  stringList,
  stringMap,
  type Field,
  type Shape,
} from './shape.js';

const resourceList = mapOf(resourceQuantity);
const objectName = name('dns-subdomain');
const resources = object({ requests: resourceList, limits: resourceList });

const selectorRequirement = object({ key: required(str), operator: required(str), values: stringList });
export const labelSelector = object({ matchLabels: labelMap, matchExpressions: listOf(selectorRequirement) });
const nodeSelectorTerm = object({ matchExpressions: listOf(selectorRequirement), matchFields: listOf(selectorRequirement) });
export const taint = object({ key: required(str), value: str, effect: required(str) });

const keyRef = object({ name: required(str), key: required(str) });
const envVar = object({
  name: required(str),
  value: str,
  valueFrom: object({ secretKeyRef: keyRef, configMapKeyRef: keyRef, fieldRef: object({ fieldPath: required(str) }) }),
});

const container = object({
  name: required(name('dns-label')),
  image: str,
  command: stringList,
  args: stringList,
  env: listOf(envVar),
  ports: listOf(object({ containerPort: required(int), hostPort: int, hostIP: str, protocol: str, name: str })),
  resources,
  securityContext: object({
    privileged: bool,
    allowPrivilegeEscalation: bool,
    runAsUser: int,
    capabilities: object({ add: stringList, drop: stringList }),
    windowsOptions: object({ hostProcess: bool }),
  }),
  volumeMounts: listOf(object({ name: required(str), mountPath: required(str), readOnly: bool })),
  restartPolicy: str,
});

export const pvcSpec = object({
  storageClassName: nullable(str),
  volumeName: str,
  accessModes: stringList,
  resources,
});

const volume = object({
  name: required(str),
  hostPath: object({ path: required(str), type: str }),
  persistentVolumeClaim: object({ claimName: required(objectName), readOnly: bool }),
  emptyDir: object({ medium: str, sizeLimit: quantity }),
  configMap: object({ name: objectName }),
  secret: object({ secretName: objectName }),
  csi: object({ driver: required(str), volumeAttributes: stringMap }),
  nfs: object({ server: required(str), path: required(str) }),
  awsElasticBlockStore: object({ volumeID: required(str) }),
  ephemeral: object({ volumeClaimTemplate: object({ spec: pvcSpec }) }),
  projected: anyObject,
});

const affinity = object({
  nodeAffinity: object({
    requiredDuringSchedulingIgnoredDuringExecution: object({ nodeSelectorTerms: required(listOf(nodeSelectorTerm)) }),
    preferredDuringSchedulingIgnoredDuringExecution: listOf(object({ weight: required(int), preference: required(nodeSelectorTerm) })),
  }),
  podAffinity: anyObject,
  podAntiAffinity: anyObject,
});

export const podSpec = object({
  containers: required(listOf(container)),
  initContainers: listOf(container),
  volumes: listOf(volume),
  nodeSelector: labelMap,
  nodeName: str,
  affinity,
  tolerations: listOf(object({ key: str, operator: str, value: str, effect: str, tolerationSeconds: int })),
  topologySpreadConstraints: listOf(anyObject),
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  serviceAccountName: objectName,
  serviceAccount: objectName,
  securityContext: object({ windowsOptions: object({ hostProcess: bool }) }),
  priorityClassName: str,
  runtimeClassName: str,
  schedulerName: str,
  restartPolicy: str,
});

export const podTemplate = object({
  metadata: object({ labels: labelMap, annotations: stringMap }),
  spec: required(podSpec),
});

export const serviceSpec = object({
  type: str,
  selector: labelMap,
  loadBalancerClass: str,
  loadBalancerSourceRanges: stringList,
  ports: listOf(object({ port: required(int), targetPort: numberOrString, protocol: str, name: str, nodePort: int })),
});

const serviceBackend = object({ service: object({ name: required(str) }) });
export const ingressSpec = object({
  ingressClassName: str,
  defaultBackend: serviceBackend,
  rules: listOf(
    object({
      host: str,
      http: object({ paths: required(listOf(object({ path: str, backend: required(serviceBackend) }))) }),
    }),
  ),
  tls: listOf(object({ hosts: stringList, secretName: str })),
});

export const ingressClassSpec = object({
  controller: str,
  parameters: object({ apiGroup: str, kind: required(str), name: required(str) }),
});

export const pvSpec = object({
  storageClassName: str,
  capacity: resourceList,
  accessModes: stringList,
  csi: object({ driver: required(str), volumeHandle: str }),
  awsElasticBlockStore: object({ volumeID: required(str) }),
  nfs: object({ server: required(str), path: required(str) }),
  claimRef: object({ namespace: str, name: str }),
});

export const pdbSpec = object({ selector: labelSelector, minAvailable: numberOrString, maxUnavailable: numberOrString });

export const securityGroupPolicySpec = object({
  podSelector: labelSelector,
  serviceAccountSelector: labelSelector,
  securityGroups: object({ groupIds: stringList }),
});

export const nodePoolSpec = object({
  weight: int,
  limits: resourceList,
  template: object({
    metadata: object({ labels: labelMap, annotations: stringMap }),
    spec: object({
      nodeClassRef: object({ group: str, kind: str, name: str }),
      requirements: listOf(selectorRequirement),
      taints: listOf(taint),
      startupTaints: listOf(taint),
      expireAfter: str,
    }),
  }),
  disruption: anyObject,
});

const selectorTerm = object({ id: str, name: str, tags: stringMap });
export const nodeClassSpec = object({
  role: str,
  subnetSelectorTerms: listOf(selectorTerm),
  securityGroupSelectorTerms: listOf(selectorTerm),
  podSubnetSelectorTerms: listOf(selectorTerm),
  podSecurityGroupSelectorTerms: listOf(selectorTerm),
  advancedNetworking: object({ associatePublicIPAddress: bool }),
  ephemeralStorage: object({ size: quantity }),
});

/** Only what InventoryIndex.hpasFor reads. */
export const hpaSpec = object({ scaleTargetRef: object({ kind: str, name: str }) });

const ownerReferences = listOf(object({ apiVersion: str, kind: required(str), name: required(str), controller: bool }));

/** Metadata whose name must fit `format` (most kinds: a DNS subdomain; Namespaces and Services are stricter). */
export function objectMeta(format: NameFormat = 'dns-subdomain'): Shape {
  return object({ name: required(name(format)), namespace: name('namespace'), labels: labelMap, annotations: stringMap, ownerReferences });
}

/** A whole Kubernetes document: metadata checked, `spec` against the given shape. */
export function document(spec: Shape, options: { specRequired?: boolean; extra?: Record<string, Shape | Field>; name?: NameFormat } = {}): Shape {
  return object({
    apiVersion: required(str),
    kind: required(str),
    metadata: required(objectMeta(options.name)),
    spec: options.specRequired ? required(spec) : spec,
    ...options.extra,
  });
}
