export { loadInventory, loadInventoryFromStrings, type LoadResult } from './load.js';
export type { LoadProblem, RawDocument } from '@modeshift/core/base';
