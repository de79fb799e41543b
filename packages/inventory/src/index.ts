export { loadDocuments, loadInventory, loadInventoryFromStrings, type LoadResult } from './load.js';
export type { LoadProblem, RawDocument } from '@modeshift/core/base';
export { findJsonSyntaxError, type JsonSyntaxError } from './json-syntax.js';
export { requireWorkloads } from './require-workloads.js';
