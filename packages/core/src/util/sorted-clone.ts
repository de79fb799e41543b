/**
 * A deep copy of plain data with keys in sorted order, as the plan JSON writes them. A rule that
 * gives thousands of findings the same capacity request makes one such copy per plan and shares it:
 * the writer then needs no sorted copy per finding, and nothing can change the shared facts.
 */
export function sortedClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedClone) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedClone((value as Record<string, unknown>)[key]);
  return out as T;
}
