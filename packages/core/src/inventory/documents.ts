import type { Origin } from '../kube.js';
import { isArray, isRecord } from './shape.js';

/**
 * One parsed YAML/JSON document (or one item of a `kind: List`), before it is known to be anything.
 * Readers produce these; `normalizeDocuments` turns them into an Inventory.
 */
export interface RawDocument {
  value: unknown;
  origin: Origin;
  /** An item of a `kind: List`, split out by the reader: one that is not an object is an error, not a skip. */
  inList?: boolean;
}

/**
 * Something wrong with the input, reported instead of thrown so that one bad file does not hide the rest.
 * 'error': the input is invalid (syntax error, malformed object) and the CLI should fail.
 * 'skipped': the input is not something modeshift reads, or was superseded; the rest is complete without it.
 * 'warning': the input was read, but not quite as written (a key given twice: its later value is used, as
 * kubectl does); nothing was left out, and the operator should check the value is the one meant.
 * Messages never quote values from the input: a Secret's data must not leak through an error message.
 */
export interface LoadProblem {
  file: string;
  /** 1-based; null when the problem concerns a whole file or path. */
  line: number | null;
  message: string;
  severity: 'error' | 'skipped' | 'warning';
}

/**
 * The items of a `kind: List` (what kubectl prints) or of a typed list such as `PodList` (what the API
 * returns), or null when the value is not a list. The API leaves apiVersion and kind out of typed-list
 * items, so those are filled in from the list; items that already carry them are returned as they are.
 */
export function listItems(value: unknown): unknown[] | null {
  if (!isRecord(value) || typeof value.kind !== 'string') return null;
  const { kind, items } = value;
  if (kind === 'List') return isArray(items) ? items : [];
  if (!kind.endsWith('List') || kind.length === 'List'.length || !isArray(items)) return null;

  const itemKind = kind.slice(0, -'List'.length);
  const apiVersion = value.apiVersion;
  return items.map((item: unknown) => {
    if (!isRecord(item) || (item.kind !== undefined && item.apiVersion !== undefined)) return item;
    return { apiVersion, kind: itemKind, ...item };
  });
}
