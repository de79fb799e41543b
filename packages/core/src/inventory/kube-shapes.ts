// Runtime mirrors of the types in ../kube.ts. Keep the two in step: a field typed there but missing
// here reaches rules unchecked, so a manifest with the wrong type in it would crash a rule instead of
// being reported with its file and line.
import {
  anyObject,
  bool,
  int,
  listOf,
  mapOf,
  nullable,
  numberOrString,
  object,
  quantity,
  required,
  str,
  stringList,
  stringMap,
  type Field,
  type Shape,
} from './shape.js';

const resourceList = mapOf(numberOrString);
const resources = object({ requests: resourceList, limits: resourceList });

const selectorRequirement = object({ key: required(str), operator: required(str), values: stringList });
export const labelSelector = object({ matchLabels: stringMap, matchExpressions: listOf(selectorRequirement) });
const nodeSelectorTerm = object({ matchExpressions: listOf(selectorRequirement), matchFields: listOf(selectorRequirement) });
export const taint = object({ key: required(str), value: str, effect: required(str) });

const keyRef = object({ name: required(str), key: required(str) });
const envVar = object({
  name: required(str),
  value: str,
  valueFrom: object({ secretKeyRef: keyRef, configMapKeyRef: keyRef, fieldRef: object({ fieldPath: required(str) }) }),
});

const container = object({
  name: required(str),
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
  persistentVolumeClaim: object({ claimName: required(str), readOnly: bool }),
  emptyDir: object({ medium: str, sizeLimit: quantity }),
  configMap: object({ name: str }),
  secret: object({ secretName: str }),
  csi: object({ driver: required(str), volumeAttributes: stringMap }),
  nfs: object({ server: required(str), path: required(str) }),
  awsElasticBlockStore: object({ volumeID: required(str) }),
  ephemeral: object({ volumeClaimTemplate: object({ spec: pvcSpec }) }),
  projected: anyObject,
});

const affinity = object({
  nodeAffinity: object({
    requiredDuringSchedulingIgnoredDuringExecution: object({ nodeSelectorTerms: required(listOf(nodeSelectorTerm)) }),
    preferredDuringSchedulingIgnoredDuringExecution: listOf(
      object({ weight: required(int), preference: required(nodeSelectorTerm) }),
    ),
  }),
  podAffinity: anyObject,
  podAntiAffinity: anyObject,
});

export const podSpec = object({
  containers: required(listOf(container)),
  initContainers: listOf(container),
  volumes: listOf(volume),
  nodeSelector: stringMap,
  nodeName: str,
  affinity,
  tolerations: listOf(object({ key: str, operator: str, value: str, effect: str, tolerationSeconds: int })),
  topologySpreadConstraints: listOf(anyObject),
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  serviceAccountName: str,
  serviceAccount: str,
  securityContext: object({ windowsOptions: object({ hostProcess: bool }) }),
  priorityClassName: str,
  runtimeClassName: str,
  schedulerName: str,
  restartPolicy: str,
});

export const podTemplate = object({
  metadata: object({ labels: stringMap, annotations: stringMap }),
  spec: required(podSpec),
});

export const serviceSpec = object({
  type: str,
  selector: stringMap,
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
    metadata: object({ labels: stringMap, annotations: stringMap }),
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

export const objectMeta = object({
  name: required(str),
  namespace: str,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: listOf(object({ apiVersion: str, kind: required(str), name: required(str), controller: bool })),
});

/** A whole Kubernetes document: metadata checked, `spec` against the given shape. */
export function document(spec: Shape, options: { specRequired?: boolean; extra?: Record<string, Shape | Field> } = {}): Shape {
  return object({
    apiVersion: required(str),
    kind: required(str),
    metadata: required(objectMeta),
    spec: options.specRequired ? required(spec) : spec,
    ...options.extra,
  });
}
