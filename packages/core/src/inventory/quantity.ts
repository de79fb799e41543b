/**
 * The Kubernetes resource quantity grammar (`250m`, `1.5Gi`, `1e3`), without a sign: requests, limits,
 * capacities and sizes are never negative, and the API server refuses a negative one. A quantity
 * whose value overflows (`1e400`) is refused too: it would print as "Infinity".
 */
const QUANTITY = /^\+?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

export const QUANTITY_EXPECTED = 'must be a Kubernetes quantity that is not negative (such as 250m, 2 or 1Gi)';

export function isValidQuantity(value: string | number): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  if (value.length > 64 || !QUANTITY.test(value)) return false;
  const exponent = /[eE]([+-]?\d+)$/.exec(value);
  const mantissa = exponent ? value.slice(0, exponent.index) : value.replace(/[A-Za-z]+$/, '');
  return Number.isFinite(Number(mantissa) * 10 ** Number(exponent?.[1] ?? 0)) || Number(mantissa) === 0;
}
