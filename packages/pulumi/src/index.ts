// @modeshift/pulumi: the plan → stack model and the stack project generator. Loading it loads no Pulumi SDK,
// so `modeshift stack` stays fast; the ComponentResources are at "@modeshift/pulumi/sdk" (and in every
// generated project's modeshift/ directory).
export * from './model/types.js';
export { infraFromPlan, MAX_SELECTORS_PER_PROFILE } from './model/infra-from-plan.js';
export { generateProject, DEFAULT_STACK, type GenerateOptions } from './generate/project.js';
export { readShippedSources, SHIPPED_SOURCES, PACKAGE_VERSION } from './generate/shipped.js';
export { PINNED_DEPENDENCIES, PINNED_DEV_DEPENDENCIES, projectName } from './generate/project-files.js';
