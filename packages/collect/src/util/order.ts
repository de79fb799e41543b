/** Code-unit order: unlike localeCompare, the same on every machine, which keeps output byte-identical. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
