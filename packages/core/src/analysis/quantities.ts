// Kubernetes quantities ("250m", "512Mi", "1G") read as numbers and written back for messages.

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** A Kubernetes quantity ("250m", "1.5", "512Mi", "1G", "1e3", 2) as a plain number; null when unreadable. */
export function parseQuantity(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  // An estate writes the same few quantities over and over; each is parsed once.
  let parsed = parsedQuantities.get(value);
  if (parsed === undefined) {
    if (parsedQuantities.size >= 10_000) parsedQuantities.clear();
    parsedQuantities.set(value, (parsed = parseQuantityText(value)));
  }
  return parsed;
}

const parsedQuantities = new Map<string, number | null>();

function parseQuantityText(value: string): number | null {
  const match = /^\s*\+?(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?\s*$/.exec(value);
  if (!match) return null;
  const base = Number(match[1]);
  if (match[2]) return base * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? null : base * factor;
}

/** CPU in millicores ("250m" → 250, "1.5" → 1500). */
export function parseCpu(value: string | number | undefined | null): number | null {
  const cores = parseQuantity(value);
  return cores === null ? null : Math.round(cores * 1000 * 1000) / 1000;
}

/** Memory or storage in bytes ("512Mi" → 536870912, "1G" → 1e9). */
export function parseBytes(value: string | number | undefined | null): number | null {
  const bytes = parseQuantity(value);
  return bytes === null ? null : Math.ceil(bytes);
}

export function formatCpu(millicpu: number): string {
  return millicpu % 1000 === 0 ? `${millicpu / 1000}` : `${millicpu}m`;
}

/** Bytes as whole GiB when exact, else MiB rounded up ("2Gi", "1536Mi"). */
export function formatBytes(bytes: number): string {
  if (bytes >= GIB && bytes % GIB === 0) return `${bytes / GIB}Gi`;
  if (bytes >= MIB) return `${Math.ceil(bytes / MIB)}Mi`;
  return `${bytes}`;
}

export const GIB_BYTES = GIB;
export const MIB_BYTES = MIB;
