// Facts the Fargate → Auto Mode rules compare against that the capability matrix does not carry as
// data yet. Each block names its section of ../shared/reference/aws-facts.md; keep the two in step.
import type { CapacityRequest, Taint } from '../../findings/types.js';
import type { NodeSelectorRequirement } from '../../kube.js';

/** §2 os-patching row, §1 "Auto Mode node lifetime". */
export const NODE_LIFETIME = { maxDays: 21, defaultExpireAfter: '336h' } as const;

/** §2 network policies row. */
export const NETWORK_POLICY_CONTROLLER = {
  namespace: 'kube-system',
  configMap: 'amazon-vpc-cni',
  key: 'enable-network-policy-controller',
} as const;

/** §2 load balancing row (LBC side) and §4.7 (Auto Mode side). */
export const LOAD_BALANCER_CONTROLLER = {
  ingressController: 'ingress.k8s.aws/alb',
  legacyIngressClass: 'alb',
  ingressClassAnnotation: 'kubernetes.io/ingress.class',
} as const;

/** §4.7 "Not supported on Auto Mode"; `auth-type` only when it asks for OIDC. */
export const UNSUPPORTED_INGRESS_ANNOTATIONS: readonly string[] = [
  'kubernetes.io/ingress.class',
  'alb.ingress.kubernetes.io/group.name',
  'alb.ingress.kubernetes.io/waf-acl-id',
  'alb.ingress.kubernetes.io/web-acl-id',
  'alb.ingress.kubernetes.io/shield-advanced-protection',
];
export const OIDC_AUTH_ANNOTATION = 'alb.ingress.kubernetes.io/auth-type';

/** §4.7 and §1 (`aws-load-balancer-type` → use spec.loadBalancerClass). Prefixes end with "-". */
export const UNSUPPORTED_SERVICE_ANNOTATIONS: readonly string[] = [
  'service.beta.kubernetes.io/load-balancer-source-ranges',
  'service.beta.kubernetes.io/aws-load-balancer-internal',
  'service.beta.kubernetes.io/aws-load-balancer-proxy-protocol',
  'service.beta.kubernetes.io/aws-load-balancer-type',
  'service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled',
  'service.beta.kubernetes.io/aws-load-balancer-access-log-',
];

/** §0.8, §2 block storage row, §1 migration reference table (older provisioner name). */
export const STORAGE_DRIVERS = {
  efs: 'efs.csi.aws.com',
  ebs: ['ebs.csi.aws.com', 'kubernetes.io/aws-ebs'],
  ebsMigrationTool: 'awslabs/eks-auto-mode-ebs-migration-tool',
} as const;

/**
 * DaemonSets whose function Auto Mode provides itself (§2 CoreDNS / system add-ons row, GPU and
 * Neuron rows: device plugins are built in). Matched by name in kube-system or by name pattern.
 */
export const REPLACED_DAEMONSETS: readonly { match: RegExp; what: string }[] = [
  { match: /^aws-node$/, what: 'the Amazon VPC CNI' },
  { match: /^kube-proxy$/, what: 'kube-proxy' },
  { match: /^ebs-csi-node/, what: 'the EBS CSI node plugin' },
  { match: /^eks-pod-identity-agent$/, what: 'the EKS Pod Identity Agent' },
  { match: /nvidia-device-plugin/, what: 'the NVIDIA device plugin' },
  { match: /neuron-device-plugin/, what: 'the Neuron device plugin' },
];

/** Names modeshift proposes for objects it asks the plan to create. */
export const PROPOSED = {
  ingressClass: 'alb-auto',
  storageClass: 'auto-ebs-sc',
  securityGroupTaintKey: 'modeshift.io/security-groups',
} as const;

// Custom pools do not inherit the built-in pools' guardrails (§4.1, §4.4), so every proposed pool
// restates them: C/M/R families and amd64, because an amd64-only image would crash on a Graviton
// node that an unconstrained pool is free to launch.
const CMR: NodeSelectorRequirement = { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] };
const AMD64: NodeSelectorRequirement = { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] };
const ON_DEMAND: NodeSelectorRequirement = { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] };

type NodePoolRequest = Extract<CapacityRequest, { kind: 'node-pool' }>;

function pool(name: string, purpose: NodePoolRequest['purpose'], requirements: NodeSelectorRequirement[], taint: Taint, limits: Record<string, string> = {}): NodePoolRequest {
  return { kind: 'node-pool', name, purpose, requirements, taints: [taint], podSecurityGroupIds: [], limits };
}

/**
 * Spot only, no on-demand fallback inside the pool: the taint makes the pool opt-in, and a pod that
 * tolerates it without requiring Spot still fits the untainted general-purpose pool, which is the
 * on-demand fallback. A mixed pool would silently launch on-demand nodes under the name "spot".
 */
export const SPOT_POOL: NodePoolRequest = pool(
  'spot',
  'spot',
  [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }, CMR, AMD64],
  { key: 'modeshift.io/spot', value: 'true', effect: 'NoSchedule' },
);

/** §2 NVIDIA GPU row, §4.3 labels: NVIDIA only (g4ad is AMD), amd64 (g5g is Graviton). */
export function gpuPool(totalGpus: number): NodePoolRequest {
  return pool(
    'gpu',
    'gpu',
    [
      { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g', 'p'] },
      { key: 'eks.amazonaws.com/instance-gpu-manufacturer', operator: 'In', values: ['nvidia'] },
      AMD64,
      ON_DEMAND,
    ],
    { key: 'nvidia.com/gpu', effect: 'NoSchedule' },
    { 'nvidia.com/gpu': String(totalGpus) },
  );
}

/** §2 Neuron row: the families Auto Mode lists. */
export function neuronPool(limits: Record<string, string>): NodePoolRequest {
  return pool(
    'neuron',
    'neuron',
    [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['inf1', 'inf2', 'trn1', 'trn1n', 'trn2'] }, AMD64, ON_DEMAND],
    { key: 'aws.amazon.com/neuron', effect: 'NoSchedule' },
    limits,
  );
}

/** Tainted so that amd64-only pods never land on it by chance (the built-in pool is amd64 only, §4.4). */
export const ARM64_POOL: NodePoolRequest = pool(
  'arm64',
  'arm64',
  [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }, CMR, ON_DEMAND],
  { key: 'modeshift.io/arch', value: 'arm64', effect: 'NoSchedule' },
);
