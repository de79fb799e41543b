// Part of @modeshift/plan: `modeshift stack` copies this file unchanged into generated projects, so it
// imports nothing outside this package.

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

/** A compute mode a plan moves workloads to. */
export type Mode = 'auto-mode' | 'fargate';

export const MODES: readonly Mode[] = ['auto-mode', 'fargate'];

/** Where the workloads run today, summarised over all of them: a plan's `from`. */
export type SourceMode = 'fargate' | 'auto-mode' | 'mixed' | 'managed-nodes' | 'unknown';
