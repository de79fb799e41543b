export * from './base.js';
export * from './render/markdown/index.js';
// The export writes YAML, so it lives beside the Markdown renderer rather than in base.
export * from './export/export-model.js';
export { SourceObjects } from './export/source-objects.js';
