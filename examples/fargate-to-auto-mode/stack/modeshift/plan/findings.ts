// Part of @modeshift/plan: `modeshift stack` copies this file unchanged into generated projects, so it
// imports nothing outside this package.
import type { CapabilityId } from './capabilities.js';
import type { LabelSelector, NodeSelectorRequirement, StringMap, Toleration } from './kube.js';

/** A Kubernetes object (or AWS resource) named the way findings and steps name it. */
export interface ResourceRef {
  kind: string;
  namespace: string | null;
  name: string;
}

export type Severity = 'blocker' | 'change' | 'advisory' | 'gain';

/** Worst first: the order summaries and `--fail-on` use. */
export const SEVERITIES: readonly Severity[] = ['blocker', 'change', 'advisory', 'gain'];

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** An edit to a workload's pod template, applied when the workload moves in its wave. */
export type WorkloadEdit =
  | { op: 'set-pod-annotation'; key: string; value: string }
  | { op: 'remove-pod-annotation'; key: string }
  | { op: 'set-node-selector'; key: string; value: string }
  | { op: 'remove-node-selector'; key: string }
  | { op: 'add-toleration'; toleration: Toleration }
  | { op: 'remove-tolerations'; keys: string[] }
  | { op: 'remove-node-affinity' }
  | { op: 'remove-topology-spread' }
  | { op: 'set-resources'; container: string; requests: StringMap; limits: StringMap }
  | { op: 'remove-host-ports'; container: string }
  | { op: 'remove-added-capabilities'; container: string };

/** Capacity the target needs before workloads can move there. */
export type CapacityRequest =
  | {
      kind: 'node-pool';
      /** Stable, DNS-safe name; requests with the same name are merged by the planner. */
      name: string;
      /** `karpenter`: a self-managed Karpenter NodePool re-created for Auto Mode (AWS's Karpenter migration). */
      purpose: 'general' | 'spot' | 'gpu' | 'neuron' | 'arm64' | 'security-groups' | 'karpenter';
      requirements: NodeSelectorRequirement[];
      taints: Taint[];
      /** Node labels the pool's nodes carry (a re-created pool keeps its original's); none when absent. */
      labels?: StringMap;
      /** Karpenter's preference among pools (1..100); none when absent. */
      weight?: number;
      /** Pod security groups for the NodeClass (re-homed SecurityGroupPolicies); empty = the default NodeClass. */
      podSecurityGroupIds: string[];
      /** Extra resource limits for the pool, e.g. { "nvidia.com/gpu": "8" }. */
      limits: StringMap;
    }
  | {
      kind: 'fargate-profile';
      name: string;
      selectors: { namespace: string; labels: StringMap }[];
    }
  | { kind: 'coredns-on-fargate' }
  | { kind: 'storage-class'; name: string; provisioner: string }
  | { kind: 'ingress-class'; name: string; controller: string; params?: AlbClassParams };

/**
 * What an Auto Mode IngressClassParams sets for every Ingress of its class: the ALB group (Auto Mode does not
 * read the `group.name` annotation) and the settings the group's Ingresses agree on.
 */
export interface AlbClassParams {
  groupName?: string;
  scheme?: 'internal' | 'internet-facing';
  certificateARNs?: string[];
  subnetIds?: string[];
}

export interface LogOutput {
  /** Fluent Bit output plugin name, e.g. cloudwatch_logs, firehose, kinesis_streams, es. */
  plugin: string;
  params: StringMap;
}

export type NodeAgentChange =
  /**
   * To Auto Mode: Fargate's built-in log router is gone; a DaemonSet ships the same outputs, through the
   * [FILTER] sections of aws-logging's filters.conf and with the [PARSER] sections of its parsers.conf.
   */
  | { kind: 'log-agent-daemonset'; outputs: LogOutput[]; filters?: LogOutput[]; parsers?: LogOutput[] }
  /**
   * To Fargate: the agent's outputs move into aws-observability/aws-logging, its [FILTER] sections into
   * filters.conf and the [PARSER] sections those filters name into parsers.conf (`plugin` is the parser's name).
   */
  | { kind: 'aws-logging-configmap'; outputs: LogOutput[]; unsupported: string[]; filters?: LogOutput[]; parsers?: LogOutput[] }
  /** To Fargate: metrics/APM/security agent re-deployed as a sidecar in each workload. */
  | { kind: 'sidecar'; agent: string }
  /** Node-only infrastructure with no meaning without nodes. */
  | { kind: 'retire'; agent: string };

export type SecurityGroupChange =
  /** To Auto Mode below 1.36: a NodeClass with these pod security groups and a tainted NodePool. */
  | { kind: 'node-class-pod-security-groups'; groupIds: string[]; nodePool: string }
  /** To Auto Mode at 1.36 or later: SecurityGroupPolicy is honoured natively; verify. */
  | { kind: 'verify-security-group-policy' }
  /** To Fargate: a SecurityGroupPolicy takes over the NodeClass security groups, for the pods that had them ({} = all). */
  | { kind: 'security-group-policy'; namespace: string; groupIds: string[]; podSelector: LabelSelector }
  /**
   * To Auto Mode: a NetworkPolicy that lets a load balancer reach pods that Fargate's unenforced
   * policies would cut off. `ports` are the pods' ports (numbers, or the names the pods give them).
   */
  | {
      kind: 'allow-load-balancer';
      namespace: string;
      workload: string;
      podSelector: StringMap;
      ports: { port: number | string; protocol: string }[];
      /** The load balancer subnets' CIDRs; empty when the inventory has no subnets. */
      cidrs: string[];
      /** What sends the traffic: "Ingress shop/frontend", "Service payments/api". */
      via: string[];
    };

export type LoadBalancerChange =
  | { kind: 'ingress-blue-green'; ingressClass: string; unsupportedAnnotations: string[] }
  | { kind: 'service-blue-green'; loadBalancerClass: string | null; unsupportedAnnotations: string[] }
  | { kind: 'install-load-balancer-controller' };

export type PrerequisiteTask =
  | { kind: 'upgrade-kubernetes'; minVersion: string }
  | { kind: 'authentication-mode' }
  | { kind: 'cluster-role-policies'; policies: string[] }
  /** `nodePools`: the built-in pools to enable; both when absent (only `system` while self-managed Karpenter still runs). */
  | { kind: 'enable-auto-mode'; nodePools?: string[] }
  | { kind: 'install-efs-csi-driver' }
  /** An EKS add-on older than Auto Mode's minimum for existing clusters: `current` is the image tag the inventory shows. */
  | { kind: 'upgrade-addon'; addon: string; current: string; minimum: string }
  | { kind: 'pod-execution-role' }
  | { kind: 'irsa-role'; serviceAccount: string }
  /** Service accounts that may use EKS Pod Identity (associations are not in Kubernetes): check each, move those that do to IRSA. */
  | { kind: 'pod-identity-to-irsa'; serviceAccounts: string[] }
  | { kind: 'move-data'; claim: string }
  /** More Fargate profiles than the default quota allows (the plan's quota step counts them all). */
  | { kind: 'fargate-profile-quota' };

export type DecommissionTask =
  | { kind: 'delete-fargate-profiles' }
  | { kind: 'scale-coredns-to-zero' }
  | { kind: 'disable-auto-mode' }
  | { kind: 'retire-node-pools' }
  /** Self-managed Karpenter: its NodePools and EC2NodeClasses deleted once nothing runs on them, its controller last. */
  | { kind: 'retire-karpenter' };

/**
 * What a finding asks of the plan. Rules say what must happen; the planner decides where and when.
 */
export type Action =
  | { type: 'prerequisite'; task: PrerequisiteTask }
  | { type: 'capacity'; request: CapacityRequest }
  | { type: 'node-agent'; change: NodeAgentChange }
  | { type: 'security-groups'; change: SecurityGroupChange }
  | { type: 'workload'; edits: WorkloadEdit[] }
  /** The workload cannot run on the target as it is: it stays where it runs, or must be redesigned. */
  | { type: 'stay'; on: 'managed-nodes' | 'auto-mode' | 'fargate' }
  | { type: 'load-balancer'; change: LoadBalancerChange }
  | { type: 'decommission'; task: DecommissionTask }
  /** Read it and decide; the verification stage lists it. */
  | { type: 'review' };

/**
 * What the plan's rule catalogue says once for every finding of a rule (plan.json `rules`, by rule id):
 * the texts that would otherwise repeat in each of thousands of findings.
 */
export interface RuleEntry {
  capability: CapabilityId;
  /** Set when every finding of the rule has this severity; absent when they differ (a pool's gain and change). */
  severity?: Severity;
  /** A short headline for the rule. */
  title: string;
  /** The remediation most of the rule's findings share; a finding with another one carries its own. */
  remediation: string;
  /** The sources most of the rule's findings share; a finding with others carries its own. */
  sources: string[];
}

/** The catalogue a plan holds: rule id → entry. */
export type RuleCatalogue = Record<string, RuleEntry>;

export interface Finding {
  /** `<rule id>:<resource key>`: stable across runs for the same input. */
  id: string;
  /** The rule's id: its entry in the plan's `rules` holds the title, remediation and sources. */
  rule: string;
  capability: CapabilityId;
  severity: Severity;
  resource: ResourceRef | null;
  message: string;
  /** Only when it differs from the rule's remediation (read it with `remediationOf`). */
  remediation?: string;
  /** Only when they differ from the rule's sources (read them with `sourcesOf`). */
  sources?: string[];
  /** The finding's own parameters: what it asks of the plan. */
  action: Action;
}

/** The finding's remediation: its own, else its rule's. */
export function remediationOf(rules: RuleCatalogue, finding: Finding): string {
  return finding.remediation ?? rules[finding.rule]?.remediation ?? '';
}

/** The finding's sources: its own, else its rule's. */
export function sourcesOf(rules: RuleCatalogue, finding: Finding): string[] {
  return finding.sources ?? rules[finding.rule]?.sources ?? [];
}
