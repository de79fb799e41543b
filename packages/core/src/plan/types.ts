// The plan contract lives in @modeshift/plan. Re-exported here only for the rules, which import it by this
// path; other code imports @modeshift/plan.
export type { Infrastructure, Manifest, Plan, PlanSummary, Stage, StageId, Step, StepKind, WorkloadOutcome } from '@modeshift/plan';
