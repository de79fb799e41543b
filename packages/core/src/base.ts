// Everything but the Markdown renderer, which alone needs the YAML library: commands that never
// write Markdown (`plan --format json`, `--help`) import this and start without loading either.
// New modules go here unless they depend on the Markdown renderer.
// The plan contract (plan types, capability ids, name helpers such as slug) is @modeshift/plan's.
export * from '@modeshift/plan';
export * from './kube.js';
export * from './version.js';
export * from './capabilities/types.js';
export * from './inventory/types.js';
export * from './inventory/collection-date.js';
export * from './inventory/selectors.js';
export * from './inventory/index-lookups.js';
export * from './placement/types.js';
export * from './rules/engine/types.js';
export * from './errors.js';
export * from './capabilities/sources.js';
export * from './capabilities/matrix.js';
export * from './capabilities/limits.js';
export * from './placement/fargate-profiles.js';
export * from './placement/pod-needs.js';
export * from './placement/node-pools.js';
export * from './placement/place.js';
export * from './rules/engine/run.js';
export * from './analysis/refs.js';
export * from './rules/engine/registry.js';
export * from './util/hash.js';
export * from './analysis/fluent-bit.js';
export * from './plan/build-plan.js';
export * from './plan/direction.js';
export * from './plan/patches.js';
export * from './plan/step.js';
export * from './render/stable-json.js';
export * from './render/json.js';
export * from './render/mode-names.js';
export * from './render/text.js';
export * from './render/terminal.js';
export * from './render/capability-table.js';
export * from './inventory/documents.js';
export * from './inventory/normalize.js';
export * from './plan/manifests/index.js';
export * from './cost/types.js';
export * from './cost/price-file.js';
export * from './cost/format.js';
export { BUNDLED_PRICES } from './cost/bundled-prices.js';
export * from './export/ownership.js';
