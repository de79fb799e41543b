/**
 * JSON with object keys sorted at every level, so the same value always gives the same bytes
 * whatever order it was built in. Arrays keep their order (it carries meaning).
 *
 * The engine's JSON.stringify does the writing: it is many times faster than assembling the text
 * piece by piece and needs no array of millions of fragments (which dominated the peak memory of a
 * large plan). It writes keys in property order, so objects whose keys are not already sorted are
 * copied with sorted keys first. The engine puts integer-like keys ("10", "9") before all others in
 * ascending numeric order, which no copy can change; a value holding such a key is written by hand.
 */
export function stableStringify(value: unknown, indent = 2): string {
  const sorted = withSortedKeys(value);
  if (sorted !== UNSORTABLE) return JSON.stringify(sorted, null, indent) ?? 'null';
  const out: string[] = [];
  write(value, '', indent > 0 ? ' '.repeat(indent) : '', out);
  return out.join('');
}

/**
 * The same text as stableStringify, handed to `emit` in pieces of about `chunkSize` characters, so a
 * large plan is written out as it is produced instead of held as one string. Long arrays, and the
 * objects that hold them, are walked here; every other subtree goes through JSON.stringify whole.
 * Pieces stay well below the engine's large-object size (128 KiB): such strings get fresh memory of
 * their own each time, and at 1 MiB per piece writing a large plan took nearly twice as long.
 */
export function stableStringifyTo(value: unknown, emit: (chunk: string) => void, indent = 2, chunkSize = 1 << 15): void {
  const writer = new PieceWriter(indent > 0 ? ' '.repeat(indent) : '', new Chunker(emit, chunkSize), chunkSize);
  writer.value(value, 0);
  writer.out.flush();
}

/** Joins small pieces into chunks of at most `chunkSize` characters (or one piece, when that is longer). */
class Chunker {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly emit: (chunk: string) => void,
    private readonly chunkSize: number,
  ) {}

  push(piece: string): void {
    if (this.size > 0 && this.size + piece.length > this.chunkSize) this.flush();
    this.parts.push(piece);
    this.size += piece.length;
    if (this.size >= this.chunkSize) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.emit(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Arrays at least this long are split, and so are the objects that hold them. */
const SPLIT_LENGTH = 16;
/** Most items written per JSON.stringify call: a plan has tens of thousands of small findings. */
const MAX_GROUP = 256;

function isLarge(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    if (value.length >= SPLIT_LENGTH) return true;
    for (let i = 0; i < value.length; i++) if (isLarge(value[i])) return true;
    return false;
  }
  if (value instanceof Map) return isLarge(Object.fromEntries(value));
  // for-in, not Object.keys: this runs for every item of every long array, and allocates nothing.
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (Array.isArray(item) && isLarge(item)) return true;
  }
  return false;
}

/**
 * A subtree as JSON.stringify writes it `depth` levels down. Wrapped in `depth` one-item arrays, it
 * comes out already indented for that depth; the wrapper's brackets (and `trimHead`/`trimTail`
 * characters more) are then cut off: a slice, not a copy of the text.
 */
function nested(value: unknown, depth: number, unit: string, trimHead = 0, trimTail = 0): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, unit) ?? 'null';
  const nl = unit ? 1 : 0;
  let head = trimHead;
  let tail = trimTail;
  for (let k = 0; k < depth; k++) {
    head += 1 + nl + unit.length * (k + 1);
    tail += 1 + nl + unit.length * k;
  }
  return head === 0 && tail === 0 ? text : text.slice(head, text.length - tail);
}

class PieceWriter {
  private readonly nl: string;
  /** Items per JSON.stringify call, adapted to their size so that a call writes about a quarter chunk. */
  private group = 8;

  constructor(
    private readonly unit: string,
    readonly out: Chunker,
    private readonly chunkSize: number,
  ) {
    this.nl = unit ? '\n' : '';
  }

  value(value: unknown, depth: number): void {
    if (!isLarge(value)) return this.whole(value, depth);
    const { nl, unit } = this;
    const pad = unit.repeat(depth);
    if (Array.isArray(value)) {
      this.out.push(`[${nl}`);
      this.items(value, depth + 1);
      return this.out.push(`${nl}${pad}]`);
    }
    const inner = pad + unit;
    const object = (value instanceof Map ? Object.fromEntries(value) : value) as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((k) => object[k] !== undefined)
      .sort();
    this.out.push(`{${nl}`);
    for (let i = 0; i < keys.length; i++) {
      this.out.push(`${inner}${JSON.stringify(keys[i])}${unit ? ': ' : ':'}`);
      this.value(object[keys[i]!], depth + 1);
      this.out.push(`${i < keys.length - 1 ? ',' : ''}${nl}`);
    }
    this.out.push(`${pad}}`);
  }

  private whole(value: unknown, depth: number): void {
    const sorted = withSortedKeys(value);
    if (sorted !== UNSORTABLE) return this.out.push(nested(sorted, depth, this.unit));
    const out: string[] = [];
    write(value, this.unit.repeat(depth), this.unit, out);
    this.out.push(out.join(''));
  }

  /** The items of a long array, each on its own indented line: runs of small ones in one call each. */
  private items(items: unknown[], depth: number): void {
    const { nl, unit } = this;
    const inner = unit.repeat(depth);
    let i = 0;
    while (i < items.length) {
      if (i > 0) this.out.push(`,${nl}`);
      if (isLarge(items[i])) {
        this.out.push(inner);
        this.value(items[i], depth);
        i += 1;
        continue;
      }
      let end = i + 1;
      while (end < items.length && end - i < this.group && !isLarge(items[end])) end++;
      const run = i === 0 && end === items.length ? items : items.slice(i, end);
      const sorted = withSortedKeys(run);
      if (sorted === UNSORTABLE) {
        this.out.push(inner);
        this.whole(items[i], depth);
        i += 1;
        continue;
      }
      // The run as an array one level up, its own brackets cut: items already indented, comma-separated.
      const text = nested(sorted, depth - 1, unit, 1 + nl.length, nl.length + unit.length * (depth - 1) + 1);
      this.out.push(text);
      this.group = Math.max(1, Math.min(MAX_GROUP, Math.floor(((this.chunkSize / 4) * (end - i)) / Math.max(1, text.length))));
      i = end;
    }
  }
}

const UNSORTABLE = Symbol('unsortable');

/** Array-index keys, which the engine orders numerically ahead of the rest. */
const isIndexKey = (key: string) => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;

const unwritable = (value: unknown) => typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint';

/**
 * Same value, objects' keys in sorted order; unchanged parts are shared, not copied. Plans are
 * mostly built with sorted keys already, so the common case is a check that allocates nothing.
 */
function withSortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    // Functions, symbols and bigints: keep whatever the hand writer does with them.
    return unwritable(value) ? UNSORTABLE : value;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = withSortedKeys(item);
      if (sorted === UNSORTABLE) return UNSORTABLE;
      if (sorted !== item && copy === null) copy = value.slice(0, i);
      if (copy !== null) copy.push(sorted);
    }
    return copy ?? value;
  }
  if (value instanceof Map) return withSortedKeys(Object.fromEntries(value));
  const source = value as Record<string, unknown>;
  const proto: unknown = Object.getPrototypeOf(source);
  // Anything but a plain object may carry toJSON or other behaviour JSON.stringify would honour.
  if (proto !== Object.prototype && proto !== null) return sortedCopy(source, null);
  // for-in visits a plain object's own keys first, in the order JSON.stringify writes them.
  let inOrder = true;
  let previous = '';
  let changed: Map<string, unknown> | null = null;
  for (const key in source) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && isIndexKey(key)) return UNSORTABLE;
    if (previous > key) inOrder = false;
    previous = key;
    const item = source[key];
    if (item === null) continue;
    if (typeof item === 'object') {
      const sorted = withSortedKeys(item);
      if (sorted === UNSORTABLE) return UNSORTABLE;
      if (sorted !== item) (changed ??= new Map()).set(key, sorted);
    } else if (unwritable(item)) {
      return UNSORTABLE;
    }
  }
  return inOrder && changed === null ? source : sortedCopy(source, changed);
}

/** A copy with sorted keys; `changed` holds the values already sorted, or is null to sort them all here. */
function sortedCopy(source: Record<string, unknown>, changed: Map<string, unknown> | null): unknown {
  // The default sort orders strings by UTF-16 code units, as < does.
  const keys = Object.keys(source).sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    if (changed === null && isIndexKey(key)) return UNSORTABLE;
    const item = changed === null ? withSortedKeys(source[key]) : changed.has(key) ? changed.get(key) : source[key];
    if (item === UNSORTABLE) return UNSORTABLE;
    copy[key] = item;
  }
  return copy;
}

function write(value: unknown, pad: string, unit: string, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  const nl = unit ? '\n' : '';
  const inner = pad + unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push('[]');
    out.push('[', nl);
    value.forEach((item, i) => {
      out.push(inner);
      write(item, inner, unit, out);
      out.push(i < value.length - 1 ? ',' : '', nl);
    });
    out.push(pad, ']');
    return;
  }
  if (value instanceof Map) return write(Object.fromEntries(value), pad, unit, out);
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  if (keys.length === 0) return void out.push('{}');
  out.push('{', nl);
  keys.forEach((key, i) => {
    out.push(inner, JSON.stringify(key), unit ? ': ' : ':');
    write((value as Record<string, unknown>)[key], inner, unit, out);
    out.push(i < keys.length - 1 ? ',' : '', nl);
  });
  out.push(pad, '}');
}
