// @modeshift/plan: the plan contract (what plan.json holds) and the name helpers. Core builds plans with
// these types; `modeshift stack` copies these sources unchanged into each generated project's
// modeshift/plan/, so the stack reads plan.json with the very types the planner wrote it with.
export * from './capabilities.js';
export * from './kube.js';
export * from './findings.js';
export * from './plan.js';
export * from './cost.js';
export * from './names.js';
