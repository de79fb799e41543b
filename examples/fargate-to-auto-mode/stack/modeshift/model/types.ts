// Copied from @modeshift/pulumi 0.1.0 (src/model/types.ts) by `modeshift stack`. Regenerate rather than edit.
// What the stack builds, as plain data derived from a plan. Components take these shapes and nothing
// else, so a generated project needs only plan.json and @pulumi/* at run time.

import type { StringMap } from '../plan/index.js';

/** AWS managed policies, by the names the facts give (aws-facts §7.3, §4.6, §4.2). No policy of ours. */
export const MANAGED_POLICIES = {
  autoModeNode: ['AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly'],
  fargatePodExecution: 'AmazonEKSFargatePodExecutionRolePolicy',
  autoNodeAccess: 'AmazonEKSAutoNodePolicy',
} as const;

export interface KubernetesObjectModel {
  /** Pulumi resource name: stable for the same plan, unique within the stack. */
  logicalName: string;
  stepId: string;
  object: Record<string, unknown>;
}

export interface AutoModeModel {
  /** The existing cluster role and the Auto Mode policies it must get; name null when the plan does not know it. */
  clusterRole: { name: string | null; policies: string[]; stepId: string } | null;
  nodeRole: { name: string; policies: string[]; stepId: string } | null;
  /** Turning Auto Mode on: done by the plan step's command on an existing cluster (not managed here). */
  enable: { nodePools: string[]; command: string | null; stepId: string } | null;
  authenticationMode: { mode: 'API' | 'API_AND_CONFIG_MAP'; command: string | null; stepId: string } | null;
  accessEntries: { type: 'EC2'; policy: string; stepId: string }[];
}

export interface FargateProfileModel {
  logicalName: string;
  /** The profile name in EKS; profiles with more than 5 selectors are split as `<name>`, `<name>-2`, … */
  name: string;
  stepId: string;
  selectors: { namespace: string; labels: StringMap }[];
  /** Private subnets from the plan; null when the plan has none, so the stack config must name them. */
  subnets: string[] | null;
}

export interface FargateModel {
  podExecutionRole: { name: string; policy: string; stepId: string } | null;
  /** The role the plan's profile commands name when the plan creates none (it already exists). */
  existingPodExecutionRoleArn: string | null;
  profiles: FargateProfileModel[];
}

export interface IrsaRoleModel {
  logicalName: string;
  name: string;
  namespace: string;
  serviceAccount: string;
  stepId: string;
}

/** How a plan step is carried out once this stack exists. */
export type Coverage = 'stack' | 'stack-and-commands' | 'commands' | 'left-out';

export interface StepCoverage {
  stepId: string;
  title: string;
  coverage: Coverage;
  /** Why it is not (only) the stack, in a sentence; empty when the stack does all of it. */
  note: string;
  /** The plan's commands still to run by hand (all of them for `commands`). */
  commands: string[];
}

export interface LeftOut {
  subject: string;
  reason: string;
}

export interface StackModel {
  target: 'auto-mode' | 'fargate';
  cluster: { name: string | null; region: string | null; version: string | null };
  autoMode: AutoModeModel | null;
  fargate: FargateModel | null;
  irsaRoles: IrsaRoleModel[];
  kubernetes: KubernetesObjectModel[];
  /** `<what>` placeholders the plan left in Kubernetes objects; stack config must give each a value. */
  placeholders: string[];
  leftOut: LeftOut[];
  steps: StepCoverage[];
}
