/**
 * A short, stable name fragment for a set of strings (e.g. security group ids), so that the same
 * input always yields the same NodePool or step name. FNV-1a, 32 bits, hex: collisions are
 * irrelevant at the scale of one cluster's distinct security-group sets.
 */
export function shortHash(values: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = [...values].sort().join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
