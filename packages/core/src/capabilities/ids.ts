/** The capability ids of the public contract. Add, never rename. */
export const CAPABILITY_IDS = [
  'node-access',
  'image-cache',
  'gpu',
  'neuron',
  'windows',
  'arm64',
  'pod-security-groups',
  'public-ip',
  'daemonset',
  'spot',
  'pricing-commitments',
  'guardduty-runtime',
  'autoscaling',
  'os-patching',
  'ebs-volume',
  'efs-volume',
  'pod-identity',
  'host-network',
  'privileged',
  'host-path',
  'pod-size',
  'ephemeral-storage',
  'load-balancer',
  'network-policy',
  'logging',
  'scheduling',
  'coredns',
  'imds',
  'kubernetes-version',
  'iam',
] as const;

export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export type Mode = 'auto-mode' | 'fargate';

export const MODES: readonly Mode[] = ['auto-mode', 'fargate'];
