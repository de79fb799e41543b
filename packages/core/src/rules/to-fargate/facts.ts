// Facts the Auto Mode → Fargate rules compare against that the capability matrix does not carry as
// data. Each block names its section of ../shared/reference/aws-facts.md; keep the two in step.
import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';

/** §2 Logging row (Fargate column). */
export const AWS_LOGGING = {
  namespace: 'aws-observability',
  configMap: 'aws-logging',
  maxChars: 5300,
  /** Fluent Bit output plugins the built-in router accepts (`kinesis_streams` is the core plugin's name for `kinesis`). */
  outputs: ['cloudwatch_logs', 'cloudwatch', 'firehose', 'kinesis_firehose', 'kinesis_streams', 'kinesis', 'es'] as readonly string[],
  filters: ['grep', 'parser', 'record_modifier', 'rewrite_tag', 'throttle', 'nest', 'modify', 'kubernetes'] as readonly string[],
} as const;

/** §0.8 and §1 migration reference table: every EBS provisioner name in use, old and new. */
export const EBS_PROVISIONERS: readonly string[] = [AUTO_MODE_FACTS.ebsProvisioner, 'ebs.csi.aws.com', 'kubernetes.io/aws-ebs'];
export const EFS_PROVISIONER = 'efs.csi.aws.com';

/** §0.9: IRSA works on Fargate, Pod Identity does not. */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
/** What the Pod Identity webhook injects into pods: the agent's credentials endpoint and a token file. */
export const POD_IDENTITY_ENV = {
  credentialsUri: 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  agentAddress: '169.254.170.23',
  tokenFile: 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
} as const;
export const POD_IDENTITY_VOLUME = 'eks-pod-identity-token';

/** §2 Load balancing row (Fargate column: AWS Load Balancer Controller, IP targets). */
export const LOAD_BALANCER_CONTROLLER = {
  ingressController: 'ingress.k8s.aws/alb',
  ingressClass: 'alb',
  /** Used when the Auto Mode IngressClass already holds the name `alb`: both must exist during blue/green. */
  ingressClassFallback: 'alb-lbc',
  nlbClass: 'service.k8s.aws/nlb',
  ingressTargetType: 'alb.ingress.kubernetes.io/target-type: ip',
  nlbTargetType: 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip',
} as const;

/** §4.7: IngressClassParams fields renamed between Auto Mode and the controller. */
export const INGRESS_CLASS_PARAMS_RENAMES = 'certificateARNs → certificateArn, subnets.matchTags → subnets.tags, listeners[].attributes → listeners[].listenerAttributes';

/**
 * §4.3 and §7.4: node labels only EC2 capacity carries. Fargate nodes have none of them, and how
 * Fargate treats a nodeSelector it cannot satisfy is not documented, so the plan strips them.
 */
export function isEc2OnlyLabel(key: string): boolean {
  return (
    key === 'eks.amazonaws.com/compute-type' ||
    key.startsWith('eks.amazonaws.com/instance-') ||
    key === 'eks.amazonaws.com/nodegroup' ||
    key === 'eks.amazonaws.com/capacityType' ||
    key.startsWith('karpenter.sh/') ||
    key.startsWith('karpenter.k8s.aws/') ||
    key === 'node.kubernetes.io/instance-type' ||
    key === 'beta.kubernetes.io/instance-type'
  );
}

export const CAPACITY_TYPE_LABEL = 'karpenter.sh/capacity-type';

/**
 * hostPath mounts that mean an agent observes the node itself (processes, kernel, container runtime,
 * kubelet) rather than sharing a socket with pods. Such an agent cannot become a sidecar.
 */
export const NODE_OBSERVING_PATHS: readonly string[] = [
  '/proc',
  '/sys',
  '/dev',
  '/var/run/docker.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/lib/modules',
  '/var/log/journal',
  '/run/log/journal',
  '/var/log/pods',
  '/var/log/containers',
];
/** Exact paths (not prefixes): the host root and the whole runtime directory. */
export const NODE_OBSERVING_EXACT: readonly string[] = ['/', '/var/run', '/run', '/var/log'];
