// Part of @modeshift/plan: `modeshift stack` copies this file unchanged into generated projects, so it
// imports nothing outside this package.
import type { Mode, SourceMode } from './capabilities.js';
import type { CapacityRequest, Finding, RuleCatalogue, Severity } from './findings.js';
import type { CostEstimate } from './cost.js';
import type { Effect } from './effects.js';

/** A kind (or namespace) the collector was not allowed or able to read. */
export interface NotCollected {
  kind: string;
  namespace: string | null;
  reason: string;
}

/** The stages of a plan, in the order a plan lists them. */
export const STAGE_IDS = ['prerequisites', 'capacity', 'node-agents', 'security-groups', 'waves', 'verification', 'decommission'] as const;

export type StageId = (typeof STAGE_IDS)[number];

/** A Kubernetes object the step applies, as plain data (rendered to YAML by renderers). */
export interface Manifest {
  /** A file name an operator can save it as, e.g. "nodepool-spot.yaml". */
  file: string;
  object: Record<string, unknown>;
}

/**
 * AWS-side infrastructure a step creates or changes; the Pulumi generator builds these. Names are the
 * ones the step's commands use, so a stack and an operator following the commands make the same roles.
 * A name the inventory does not give is a `<placeholder>`.
 */
export type Infrastructure =
  | { kind: 'enable-auto-mode'; nodePools: string[] }
  | { kind: 'disable-auto-mode' }
  | { kind: 'cluster-role-policies'; policies: string[]; roleName: string }
  | { kind: 'auto-mode-node-role'; roleName: string }
  | { kind: 'access-entry'; type: 'EC2'; policy: string }
  | { kind: 'pod-execution-role'; roleName: string }
  | { kind: 'fargate-profile'; request: Extract<CapacityRequest, { kind: 'fargate-profile' }>; subnets: string[]; podExecutionRoleArn: string }
  | { kind: 'delete-fargate-profile'; name: string }
  | { kind: 'authentication-mode'; mode: 'API_AND_CONFIG_MAP' | 'API' }
  | { kind: 'irsa-role'; namespace: string; serviceAccount: string; roleName: string };

/** What a step does; renderers and the stack generator handle each kind (a new kind fails to compile until they do). */
export const STEP_KINDS = [
  'upgrade-kubernetes',
  'authentication-mode',
  'cluster-role-policies',
  'enable-auto-mode',
  'install-addon',
  'pod-execution-role',
  'irsa',
  'move-data',
  'node-pool',
  'fargate-profile',
  'coredns-on-fargate',
  'storage-class',
  'ingress-class',
  'log-agent',
  'aws-logging',
  'sidecar',
  'security-group-node-class',
  'security-group-policy',
  'network-policy',
  'pause-sync',
  'wave',
  'resume-sync',
  'stays',
  'load-balancer',
  'retire-load-balancer',
  'review',
  'verify',
  'retire-agents',
  'delete-fargate-profiles',
  'scale-coredns',
  'retire-node-pools',
  'disable-auto-mode',
] as const;

export type StepKind = (typeof STEP_KINDS)[number];

export interface Step {
  /** `<stage>/<what>`, derived from content: progress survives a re-collected inventory. */
  id: string;
  title: string;
  kind: StepKind;
  /** Finding ids this step answers. */
  findings: string[];
  /** Step ids that must be done first. */
  dependsOn: string[];
  /** Why the step exists, in a sentence or two. */
  why: string;
  /** Shell commands, in order. Each is one line an operator can paste. */
  commands: string[];
  manifests: Manifest[];
  infrastructure: Infrastructure[];
  /** What the step changes, as data: the simulator replays these, and every command is covered by one. */
  effects: Effect[];
  verify: { command: string; expect: string };
  rollback: { description: string; commands: string[] };
  /** Workload keys the step moves or keeps (waves and stays). */
  workloads: string[];
  /** For waves: the namespace(s) it covers. */
  namespaces: string[];
}

export interface Stage {
  id: StageId;
  title: string;
  /** Stage ids that must be complete first. */
  dependsOn: StageId[];
  steps: Step[];
}

export interface WorkloadOutcome {
  workload: string;
  /**
   * "moves" to the target; "starts" there when it does not run today (a Fargate profile selects pods Fargate
   * cannot run, so they are Pending); "stays" where it is (with the blocking finding ids); "unchanged".
   */
  outcome: 'moves' | 'starts' | 'stays' | 'unchanged';
  from: string;
  to: string;
  findings: string[];
}

export interface PlanSummary {
  bySeverity: Record<Severity, number>;
  /** `starting`: workloads that do not run today and start on the target (outcome "starts"), never counted as moving. */
  workloads: { total: number; moving: number; starting: number; staying: number; unchanged: number };
  /**
   * ready: no blocker and no change; ready-with-changes: changes only; blocked: some workload cannot move;
   * incomplete: part of the cluster could not be collected or is not in the inventory (Plan.incomplete), so no verdict holds. It wins
   * over the others: findings about a cluster seen in part are not the whole story.
   */
  readiness: 'ready' | 'ready-with-changes' | 'blocked' | 'incomplete';
}

/** A step the plan would have, kept out of its stage (so nothing runs it) until the plan can trust it. */
export interface HeldBackStep {
  /** The id the step has once it is no longer held back. */
  id: string;
  title: string;
  reason: string;
}

export interface Plan {
  /** 2: findings refer to the rule catalogue (`rules`) for their title, remediation and sources. */
  schemaVersion: 2;
  from: SourceMode;
  to: Mode;
  cluster: { name: string | null; region: string | null; version: string | null };
  /** When the inventory was taken (its own record, if it has one; null if not); renderers never use the clock. */
  inventoryDate: string | null;
  /** What the collector could not read (its not-collected.json), sorted; [] for a complete inventory. */
  incomplete: NotCollected[];
  /** Steps left out of the stages until the inventory is complete (decommission); [] otherwise. */
  heldBack: HeldBackStep[];
  /** How many input files and documents the reader skipped as not inventory (each named on stderr and in the wizard); 0 when none, or when the plan was not made from files. */
  skippedInputs: number;
  /** Monthly compute on the source and on the target; null when no prices apply (then `costUnavailable` says why). */
  cost: CostEstimate | null;
  costUnavailable: string | null;
  summary: PlanSummary;
  /** Every rule with a finding in this plan, by id: what its findings share, stated once. */
  rules: RuleCatalogue;
  findings: Finding[];
  stages: Stage[];
  workloads: WorkloadOutcome[];
}
