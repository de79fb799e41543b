import type { Origin } from '../kube.js';
import { addAwsDocument } from './aws.js';
import { InventoryCollector } from './collector.js';
import { listItems, type LoadProblem, type RawDocument } from './documents.js';
import { addKubeObject } from './kube-buckets.js';
import { kindInfo } from './kinds.js';
import { isValidName } from './names.js';
import { isRecord, ShapeError } from './shape.js';
import type { Inventory } from './types.js';

export interface NormalizeResult {
  inventory: Inventory;
  problems: LoadProblem[];
}

/**
 * Turns parsed documents into a typed Inventory. Pure and linear in the input: every document is
 * looked at once, duplicates are found by identity in a Map, and the buckets are sorted at the end so
 * the result does not depend on the order the documents came in (except which duplicate wins: the last).
 * Never throws for bad input; everything wrong is a LoadProblem.
 */
export function normalizeDocuments(docs: RawDocument[]): NormalizeResult {
  const problems: LoadProblem[] = [];
  const out = new InventoryCollector(problems);
  for (const doc of docs) readDocument(doc.value, doc.origin, out, problems, doc.inList === true);
  return { inventory: out.finish(), problems };
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'plain text';
  return `a ${typeof value}`;
}

function problem(problems: LoadProblem[], origin: Origin, severity: LoadProblem['severity'], message: string): void {
  problems.push({ file: origin.file, line: origin.line, severity, message });
}

/**
 * @param inList the value is an item of a `kind: List`: every item of what kubectl prints is a cluster
 * object, so one that is not (no kind, no apiVersion, empty) means the file is damaged, and skipping it
 * would silently leave a workload out of the plan. It is an error, not a skip.
 */
function readDocument(value: unknown, origin: Origin, out: InventoryCollector, problems: LoadProblem[], inList: boolean): void {
  // An item with neither field may still be AWS CLI output (some tools gather everything in one List).
  const listItemProblem = !inList
    ? null
    : !isRecord(value)
      ? `is ${value === null || value === undefined ? 'empty' : describeValue(value)}`
      : hasText(value.apiVersion) !== hasText(value.kind)
        ? `has no ${hasText(value.apiVersion) ? 'kind' : 'apiVersion'}`
        : null;
  if (listItemProblem !== null) {
    problem(problems, origin, 'error', `an item of the List ${listItemProblem}, so it cannot be read; every item needs apiVersion, kind and metadata`);
    return;
  }
  // An empty YAML document (a trailing `---`, a comment-only section of a Helm rendering) is not a problem.
  if (value === null || value === undefined) return;
  if (!isRecord(value)) {
    problem(problems, origin, 'skipped', `not a Kubernetes object or AWS CLI output (the document is ${describeValue(value)})`);
    return;
  }

  const items = listItems(value);
  if (items) {
    for (const item of items) readDocument(item, origin, out, problems, true);
    return;
  }

  if (Object.hasOwn(value, 'apiVersion') || Object.hasOwn(value, 'kind')) {
    readKubeObject(value, origin, out, problems);
    return;
  }

  if (isModeshiftPlan(value)) {
    problem(problems, origin, 'skipped', "a modeshift plan (modeshift's own output), not an inventory");
    return;
  }

  const recognised = addAwsDocument(value, origin, out, (source, error) => problem(problems, origin, 'error', `${source}: ${error.describe()}`));
  if (!recognised && inList) {
    problem(
      problems,
      origin,
      'error',
      'an item of the List has no apiVersion and no kind, so it cannot be read; every item needs apiVersion, kind and metadata',
    );
  } else if (!recognised) {
    problem(problems, origin, 'skipped', 'not a Kubernetes object (no apiVersion and kind) nor a known AWS CLI output');
  }
}

function readKubeObject(value: Record<string, unknown>, origin: Origin, out: InventoryCollector, problems: LoadProblem[]): void {
  const { apiVersion, kind } = value;
  const missing =
    apiVersion === undefined || apiVersion === null || apiVersion === '' ? 'apiVersion' : kind === undefined || kind === null || kind === '' ? 'kind' : null;
  if (missing) {
    problem(problems, origin, 'skipped', `not a Kubernetes object: it has no ${missing}`);
    return;
  }
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    problem(problems, origin, 'error', 'apiVersion and kind must be strings');
    return;
  }
  // Both are named in messages and commands: only what an API server could serve is read.
  if (!API_VERSION.test(apiVersion)) {
    problem(problems, origin, 'error', 'apiVersion must be a Kubernetes API version (such as v1 or apps/v1)');
    return;
  }
  if (!KIND.test(kind)) {
    problem(problems, origin, 'error', 'kind must be a Kubernetes kind (letters and digits, starting with a letter, at most 63)');
    return;
  }
  const input = { apiVersion, kind, info: kindInfo(apiVersion, kind), value, origin };

  // Config files that borrow the apiVersion/kind convention (kubeconfig, Kustomization) have no
  // metadata; they are not cluster objects, so they are skipped rather than reported as broken.
  if (input.info.bucket === 'other' && !isRecord(value.metadata)) {
    problem(problems, origin, 'skipped', `${input.kind} (${input.apiVersion}) has no metadata, so it is not a cluster object`);
    return;
  }

  try {
    addKubeObject(input, out);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    problem(problems, origin, 'error', `${rawLabel(input.kind, value.metadata)}: ${error.describe()}`);
  }
}

/**
 * The plan JSON (`plan --format json`, a stack's plan.json) has a `cluster` key, which describe-cluster
 * output has too: left in an inventory folder it must not be read as the cluster.
 */
function isModeshiftPlan(value: Record<string, unknown>): boolean {
  return typeof value.schemaVersion === 'number' && Array.isArray(value.stages) && Array.isArray(value.findings) && typeof value.to === 'string';
}

const API_VERSION = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v[0-9]+[a-z0-9]*$/;
const KIND = /^[A-Za-z][A-Za-z0-9]{0,62}$/;

const hasText = (value: unknown) => value !== undefined && value !== null && value !== '';

// What a message may repeat of a name that has not been checked yet: plain characters only.
const PRINTABLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,252}$/;

/** Names a possibly malformed object as well as its metadata allows: a name that is itself suspect is left out. */
function rawLabel(kind: string, metadata: unknown): string {
  if (!isRecord(metadata) || typeof metadata.name !== 'string' || !PRINTABLE_NAME.test(metadata.name)) return kind;
  return typeof metadata.namespace === 'string' && metadata.namespace !== '' && isValidName('namespace', metadata.namespace)
    ? `${kind} ${metadata.namespace}/${metadata.name}`
    : `${kind} ${metadata.name}`;
}
