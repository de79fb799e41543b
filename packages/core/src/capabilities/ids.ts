// The plan contract lives in @modeshift/plan. Re-exported here only for the rules, which import it by this
// path; other code imports @modeshift/plan.
export { CAPABILITY_IDS, MODES } from '@modeshift/plan';
export type { CapabilityId, Mode } from '@modeshift/plan';
