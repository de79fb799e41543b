export { loadInventory, loadInventoryFromStrings, type LoadResult } from './load.js';
export { parseText, type ParsedFile } from './parse.js';
export type { LoadProblem, RawDocument } from '@modeshift/core';
