// The plan contract lives in @modeshift/plan. Re-exported here only for the rules, which import it by this
// path; other code imports @modeshift/plan.
export { SEVERITIES } from '@modeshift/plan';
export type {
  Action,
  CapacityRequest,
  DecommissionTask,
  Finding,
  LoadBalancerChange,
  LogOutput,
  NodeAgentChange,
  PrerequisiteTask,
  SecurityGroupChange,
  Severity,
  Taint,
  WorkloadEdit,
} from '@modeshift/plan';
