// Copied from @modeshift/pulumi 0.1.0 (src/sdk.ts) by `modeshift stack`. Regenerate rather than edit.
// What a generated project imports: the plan model and the components, with no dependency beyond @pulumi/*.
// Generated projects ship a copy of this file (as modeshift/index.ts) and of everything it exports.
export * from './plan/index.js';
export * from './model/types.js';
export * from './model/iam.js';
export * from './model/infra-from-plan.js';
export * from './components/kubernetes-provider.js';
export * from './components/kubernetes-objects.js';
export * from './components/auto-mode-enablement.js';
export * from './components/fargate-capacity.js';
export * from './components/irsa-roles.js';
