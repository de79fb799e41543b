/**
 * A small runtime mirror of the TypeScript types modeshift reads, so that a malformed manifest becomes
 * one clear problem ("spec.template.spec.containers[0].ports must be a list") instead of a crash deep
 * inside a rule. Only declared fields are checked; undeclared fields pass through untouched, because
 * rules may still read them and the Kubernetes API has far more fields than we model.
 */
import { nameProblem, type NameFormat } from './names.js';
import { isValidQuantity, QUANTITY_EXPECTED } from './quantity.js';

export type Shape =
  | { readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'numberOrString' | 'quantity' | 'resourceQuantity' }
  | { readonly type: 'name'; readonly format: NameFormat }
  | { readonly type: 'list'; readonly item: Shape }
  | { readonly type: 'map'; readonly value: Shape; readonly keys?: NameFormat }
  | { readonly type: 'object'; readonly fields: ReadonlyMap<string, Field>; readonly required: readonly string[] };

export interface Field {
  readonly shape: Shape;
  readonly required: boolean;
  /** Keep an explicit null (it means something different from absent, e.g. PVC storageClassName). */
  readonly nullable: boolean;
}

export const str: Shape = { type: 'string' };
export const int: Shape = { type: 'integer' };
export const num: Shape = { type: 'number' };
export const bool: Shape = { type: 'boolean' };
/** IntOrString fields (targetPort, minAvailable) and resource quantities, which YAML may write as numbers. */
export const numberOrString: Shape = { type: 'numberOrString' };
/** A quantity typed as a string in our model: a number written in YAML (`size: 20`) becomes "20". */
export const quantity: Shape = { type: 'quantity' };
/** A resource quantity as written (number or string), checked against the Kubernetes grammar. */
export const resourceQuantity: Shape = { type: 'resourceQuantity' };
/** A string that must fit one of the name grammars Kubernetes and EKS enforce. */
export const name = (format: NameFormat): Shape => ({ type: 'name', format });
/** Kubernetes labels: keys and values checked against their grammars. */
export const labelMap: Shape = { type: 'map', value: name('label-value'), keys: 'label-key' };

export const listOf = (item: Shape): Shape => ({ type: 'list', item });
export const mapOf = (value: Shape, keys?: NameFormat): Shape => (keys ? { type: 'map', value, keys } : { type: 'map', value });

export const required = (shape: Shape): Field => ({ shape, required: true, nullable: false });
export const nullable = (shape: Shape): Field => ({ shape, required: false, nullable: true });

export function object(fields: Record<string, Shape | Field> = {}): Shape {
  const map = new Map<string, Field>();
  for (const [key, spec] of Object.entries(fields)) {
    map.set(key, 'shape' in spec ? spec : { shape: spec, required: false, nullable: false });
  }
  const requiredKeys = [...map].filter(([, field]) => field.required).map(([key]) => key);
  return { type: 'object', fields: map, required: requiredKeys };
}

export const stringMap = mapOf(str);
export const stringList = listOf(str);
/** Any object, fields unchecked: for parts of the API no rule reads field by field. */
export const anyObject = object();

/** Where and why a value does not fit its shape. Never holds the value itself. */
export class ShapeError extends Error {
  readonly path: (string | number)[] = [];

  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ShapeError';
  }

  /** "spec.template.spec.containers[0].name is required" */
  describe(): string {
    return `${formatPath(this.path)} ${this.reason}`;
  }
}

/** Map keys come from the input: a long one is cut, and JSON.stringify escapes control characters. */
const MAX_KEY_IN_PATH = 64;

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part) && part.length <= MAX_KEY_IN_PATH) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part.length > MAX_KEY_IN_PATH ? `${part.slice(0, MAX_KEY_IN_PATH)}…` : part)}]`;
  }
  return out === '' ? 'the document' : out;
}

/** Array.isArray, but the items stay `unknown` instead of becoming `any`. */
export const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const EXPECTED: Record<Shape['type'], string> = {
  string: 'must be a string',
  integer: 'must be an integer',
  number: 'must be a number',
  boolean: 'must be true or false',
  numberOrString: 'must be a number or a string',
  quantity: QUANTITY_EXPECTED,
  resourceQuantity: QUANTITY_EXPECTED,
  name: 'must be a string',
  list: 'must be a list',
  map: 'must be a map',
  object: 'must be an object',
};

/**
 * Checks `value` against `shape` and returns a cleaned copy: declared optional fields that are null
 * are dropped (so `?:` types never see null), nested declared fields are copied, everything else is
 * shared with the input. Throws ShapeError naming the first offending path. Linear in the input size.
 */
export function conform(shape: Shape, value: unknown): unknown {
  inheritedKeys = hasInheritedKeys();
  return check(shape, value, false);
}

/**
 * The same check, copy-on-write: a list, map or object is copied only when something inside it
 * changes, so a well-formed document comes back as the very same objects. The loader uses this:
 * copying every declared path of every document was most of its time and garbage on large estates.
 * The result may share objects with the input, so neither may be changed afterwards.
 */
export function conformShared(shape: Shape, value: unknown): unknown {
  inheritedKeys = hasInheritedKeys();
  return check(shape, value, true);
}

/**
 * Maps and objects are walked with for-in, which visits own keys in Object.keys order without
 * allocating a key array per object (that array was most of the loader's garbage). for-in also
 * visits enumerable keys of the prototype chain: parsed documents have none unless something added
 * one to Object.prototype, which is checked once per document and then filtered out key by key.
 */
let inheritedKeys = false;

function hasInheritedKeys(): boolean {
  for (const _ in {}) return true;
  return false;
}

function check(shape: Shape, value: unknown, share: boolean): unknown {
  switch (shape.type) {
    case 'string':
    case 'boolean':
      if (typeof value !== shape.type) throw new ShapeError(EXPECTED[shape.type]);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(EXPECTED.number);
      return value;
    case 'integer':
      if (!Number.isInteger(value)) throw new ShapeError(EXPECTED.integer);
      return value;
    case 'numberOrString':
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
        throw new ShapeError(EXPECTED.numberOrString);
      }
      return value;
    case 'quantity':
      if ((typeof value !== 'number' && typeof value !== 'string') || !isValidQuantity(value)) throw new ShapeError(EXPECTED.quantity);
      return typeof value === 'number' ? String(value) : value;
    case 'resourceQuantity':
      if ((typeof value !== 'number' && typeof value !== 'string') || !isValidQuantity(value)) throw new ShapeError(EXPECTED.resourceQuantity);
      return value;
    case 'name': {
      if (typeof value !== 'string') throw new ShapeError(EXPECTED.name);
      const problem = nameProblem(shape.format, value);
      if (problem !== null) throw new ShapeError(problem);
      return value;
    }
    case 'list':
      return checkList(shape.item, value, share);
    case 'map':
      return checkMap(shape.value, value, share, shape.keys);
    case 'object':
      return checkObject(shape.fields, shape.required, value, share);
  }
}

/** Adds one path segment to an error thrown from below (try/catch, not closures: this runs per field). */
function at(error: unknown, key: string | number): unknown {
  if (error instanceof ShapeError) error.path.unshift(key);
  return error;
}

function checkList(item: Shape, value: unknown, share: boolean): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(EXPECTED.list);
  let out: unknown[] | null = share ? null : [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    let checked: unknown;
    try {
      checked = check(item, entry, share);
    } catch (error) {
      throw at(error, i);
    }
    if (out === null && checked !== entry) out = value.slice(0, i);
    if (out !== null) out.push(checked);
  }
  return out ?? value;
}

/** The keys before `stop`, copied: where a map or object starts to differ from its input. */
function copyBefore(value: Record<string, unknown>, stop: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (key === stop) break;
    if (inheritedKeys && !Object.hasOwn(value, key)) continue;
    out[key] = value[key];
  }
  return out;
}

function checkMap(valueShape: Shape, value: unknown, share: boolean, keys: NameFormat | undefined): Record<string, unknown> {
  if (!isRecord(value)) throw new ShapeError(EXPECTED.map);
  let out: Record<string, unknown> | null = share ? null : {};
  for (const key in value) {
    if (inheritedKeys && !Object.hasOwn(value, key)) continue;
    const entry = value[key];
    // The key is not named: it is what is wrong, and it may be long or hold escape sequences.
    if (keys !== undefined && key !== '__proto__') {
      const problem = nameProblem(keys, key);
      if (problem !== null) throw new ShapeError(`has a key that ${problem}`);
    }
    if (key === '__proto__') {
      out ??= copyBefore(value, key);
      continue;
    }
    // `key:` with no value is an empty string to the Kubernetes API when the map holds strings.
    if (entry === null || entry === undefined) {
      out ??= copyBefore(value, key);
      if (valueShape.type === 'string' || valueShape.type === 'name') out[key] = '';
      continue;
    }
    let checked: unknown;
    try {
      checked = check(valueShape, entry, share);
    } catch (error) {
      throw at(error, key);
    }
    if (out === null && checked !== entry) out = copyBefore(value, key);
    if (out !== null) out[key] = checked;
  }
  return out ?? value;
}

function checkObject(fields: ReadonlyMap<string, Field>, requiredKeys: readonly string[], value: unknown, share: boolean): Record<string, unknown> {
  if (!isRecord(value)) throw new ShapeError(EXPECTED.object);
  // Nothing declared (anyObject): shared as it is, unless a `__proto__` key has to go.
  if (share && fields.size === 0 && !Object.hasOwn(value, '__proto__')) return value;
  let out: Record<string, unknown> | null = share ? null : {};
  for (const key in value) {
    if (inheritedKeys && !Object.hasOwn(value, key)) continue;
    const entry = value[key];
    if (key === '__proto__') {
      out ??= copyBefore(value, key);
      continue;
    }
    const field = fields.get(key);
    let checked: unknown = entry;
    if (field === undefined) {
      // Undeclared: passed through as it is.
    } else if (entry === null || entry === undefined) {
      if (!field.nullable || entry === undefined) {
        out ??= copyBefore(value, key);
        if (field.nullable) out[key] = null;
        continue;
      }
    } else {
      try {
        checked = check(field.shape, entry, share);
      } catch (error) {
        throw at(error, key);
      }
    }
    if (out === null && checked !== entry) out = copyBefore(value, key);
    if (out !== null) out[key] = checked;
  }
  const result = out ?? value;
  for (const key of requiredKeys) {
    if (result[key] === undefined || result[key] === null) throw at(new ShapeError('is required'), key);
  }
  return result;
}
