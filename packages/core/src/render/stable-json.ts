/**
 * JSON with object keys sorted at every level, so the same value always gives the same bytes
 * whatever order it was built in. Arrays keep their order (it carries meaning).
 */
export function stableStringify(value: unknown, indent = 2): string {
  const out: string[] = [];
  write(value, '', indent > 0 ? ' '.repeat(indent) : '', out);
  return out.join('');
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
