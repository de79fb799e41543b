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
  const unit = indent > 0 ? ' '.repeat(indent) : '';
  let parts: string[] = [];
  let size = 0;
  const push = (piece: string) => {
    parts.push(piece);
    size += piece.length;
    if (size >= chunkSize) {
      emit(parts.join(''));
      parts = [];
      size = 0;
    }
  };
  writePieces(value, 0, unit, push);
  if (parts.length > 0) emit(parts.join(''));
}

/** Arrays at least this long are split into one piece per item. */
const SPLIT_LENGTH = 16;

function isLarge(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length >= SPLIT_LENGTH || value.some(isLarge);
  if (value instanceof Map) return isLarge(Object.fromEntries(value));
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (Array.isArray(item) && isLarge(item)) return true;
  }
  return false;
}

/**
 * A subtree as JSON.stringify writes it `depth` levels down. Wrapped in `depth` one-item arrays, it
 * comes out already indented for that depth; the wrapper's brackets are then cut off (a slice, not
 * a copy of the text).
 */
function nested(value: unknown, depth: number, unit: string): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, unit) ?? 'null';
  if (depth === 0) return text;
  const nl = unit ? 1 : 0;
  let head = 0;
  let tail = 0;
  for (let k = 0; k < depth; k++) {
    head += 1 + nl + unit.length * (k + 1);
    tail += 1 + nl + unit.length * k;
  }
  return text.slice(head, text.length - tail);
}

function writePieces(value: unknown, depth: number, unit: string, push: (piece: string) => void): void {
  const nl = unit ? '\n' : '';
  const pad = unit.repeat(depth);
  const inner = pad + unit;
  if (!isLarge(value)) {
    const sorted = withSortedKeys(value);
    if (sorted !== UNSORTABLE) return push(nested(sorted, depth, unit));
    const out: string[] = [];
    write(value, pad, unit, out);
    return push(out.join(''));
  }
  if (Array.isArray(value)) {
    push(`[${nl}`);
    for (let i = 0; i < value.length; i++) {
      push(inner);
      writePieces(value[i], depth + 1, unit, push);
      push(`${i < value.length - 1 ? ',' : ''}${nl}`);
    }
    return push(`${pad}]`);
  }
  const object = (value instanceof Map ? Object.fromEntries(value) : value) as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort();
  push(`{${nl}`);
  for (let i = 0; i < keys.length; i++) {
    push(`${inner}${JSON.stringify(keys[i])}${unit ? ': ' : ':'}`);
    writePieces(object[keys[i]!], depth + 1, unit, push);
    push(`${i < keys.length - 1 ? ',' : ''}${nl}`);
  }
  push(`${pad}}`);
}

const UNSORTABLE = Symbol('unsortable');

/** Array-index keys, which the engine orders numerically ahead of the rest. */
const isIndexKey = (key: string) => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;

/** Same value, objects' keys in sorted order; unchanged parts are shared, not copied. */
function withSortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    // Functions, symbols and bigints: keep whatever the hand writer does with them.
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? UNSORTABLE : value;
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
  const keys = Object.keys(source);
  const proto = Object.getPrototypeOf(source);
  // Anything but a plain object may carry toJSON or other behaviour JSON.stringify would honour.
  let changed = proto !== Object.prototype && proto !== null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (isIndexKey(key)) return UNSORTABLE;
    if (i > 0 && keys[i - 1]! > key) changed = true;
  }
  const values: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const item = source[keys[i]!];
    const sorted = withSortedKeys(item);
    if (sorted === UNSORTABLE) return UNSORTABLE;
    if (sorted !== item) changed = true;
    values[i] = sorted;
  }
  if (!changed) return source;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const copy: Record<string, unknown> = {};
  for (const i of order) copy[keys[i]!] = values[i];
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
  const keys = Object.keys(value as object)
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
