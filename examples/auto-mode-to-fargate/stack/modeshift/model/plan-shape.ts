// Copied from @modeshift/pulumi 0.1.0 (src/model/plan-shape.ts) by `modeshift stack`. Regenerate rather than edit.
// The part of a modeshift plan (plan.json) the stack reads, declared here rather than imported from
// @modeshift/core: this file ships inside generated projects, which must install with only @pulumi/*.
// A type test (plan-shape.test.ts) keeps it assignable from core's Plan, so drift fails `npm run typecheck`.

export type StringMap = Record<string, string>;

export interface PlanManifest {
  file: string;
  object: Record<string, unknown>;
}

export type PlanInfrastructure =
  | { kind: 'enable-auto-mode'; nodePools: string[] }
  | { kind: 'disable-auto-mode' }
  | { kind: 'cluster-role-policies'; policies: string[]; roleName: string }
  | { kind: 'auto-mode-node-role'; roleName: string }
  | { kind: 'access-entry'; type: 'EC2'; policy: string }
  | { kind: 'pod-execution-role'; roleName: string }
  | {
      kind: 'fargate-profile';
      request: { kind: 'fargate-profile'; name: string; selectors: { namespace: string; labels: StringMap }[] };
      subnets: string[];
      podExecutionRoleArn: string;
    }
  | { kind: 'delete-fargate-profile'; name: string }
  | { kind: 'authentication-mode'; mode: 'API_AND_CONFIG_MAP' | 'API' }
  | { kind: 'irsa-role'; namespace: string; serviceAccount: string; roleName: string };

export interface PlanStep {
  id: string;
  title: string;
  kind: string;
  findings: string[];
  commands: string[];
  manifests: PlanManifest[];
  infrastructure: PlanInfrastructure[];
}

export interface PlanStage {
  id: string;
  title: string;
  steps: PlanStep[];
}

export interface PlanFinding {
  id: string;
  rule: string;
  severity: 'blocker' | 'change' | 'advisory' | 'gain';
  resource: { kind: string; namespace: string | null; name: string } | null;
  message: string;
}

export interface PlanWorkload {
  workload: string;
  outcome: 'moves' | 'stays' | 'unchanged';
  from: string;
  to: string;
  findings: string[];
}

export interface PlanLike {
  schemaVersion: 1;
  from: string;
  to: 'auto-mode' | 'fargate';
  cluster: { name: string | null; region: string | null; version: string | null };
  findings: PlanFinding[];
  stages: PlanStage[];
  workloads: PlanWorkload[];
}
