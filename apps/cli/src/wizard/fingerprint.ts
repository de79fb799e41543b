// The plan fingerprint kept in the progress file. Hashing a large plan takes as long as writing its JSON
// (about a second at 20,000 workloads), so the wizard hashes it in slices between frames and keys
// rather than in one piece before its first frame.
import { createHash, type Hash } from 'node:crypto';
import type { Plan } from '@modeshift/core';

/** Arrays (and objects) longer than this are hashed item by item; a container holding none (see holdsLong) in one piece. */
const SPLIT = 16;
/**
 * Containers this near the plan's root are always hashed part by part, however short: a stage is a few
 * steps, but together they can be a large share of a plan whose findings the rule catalogue made small.
 */
const ALWAYS_SPLIT_DEPTH = 4;
/** How deep a long array is looked for: the plan's longest lists sit two levels down (stages, steps, workloads). */
const LOOKAHEAD = 3;
/** Text handed to the hash at a time: fewer, larger updates are faster than one per piece. */
const BATCH = 64 * 1024;

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Whether `v` is, or holds within `levels` levels, an array longer than SPLIT: such a container is hashed
 * part by part. Looking only at its own values was not enough: `stages` is a short list of long ones.
 */
function holdsLong(v: unknown, levels = LOOKAHEAD): boolean {
  if (Array.isArray(v)) {
    if (v.length > SPLIT) return true;
  } else if (!isPlain(v)) return false;
  // The rule catalogue is an object keyed by rule id: long in keys, not in any array.
  else if (Object.keys(v).length > SPLIT) return true;
  if (levels === 0) return false;
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (typeof x === 'object' && x !== null && holdsLong(x, levels - 1)) return true;
  return false;
}

/**
 * `JSON.stringify(value)` in pieces, in order: large collections item by item, so that no piece is large
 * and the caller can stop between any two.
 */
export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  const container = Array.isArray(value) || isPlain(value);
  if (!(container && depth < ALWAYS_SPLIT_DEPTH) && !holdsLong(value)) {
    // What JSON.stringify writes for an array item it cannot represent.
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonPieces(value[i], depth + 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(v, depth + 1);
  }
  yield '}';
}

/** A fingerprint computed a slice at a time: `work` as often as wanted, `finish` when it is needed now. */
export class FingerprintJob {
  private readonly hash: Hash = createHash('sha256');
  private readonly pieces: Generator<string>;
  private buffer = '';
  private result: string | null = null;

  constructor(readonly plan: Plan) {
    this.pieces = jsonPieces(plan);
  }

  get value(): string | null {
    return this.result;
  }

  /** Hashes for about `budgetMs`; returns the fingerprint once the whole plan is hashed, else null. */
  work(budgetMs: number): string | null {
    if (this.result) return this.result;
    const until = performance.now() + budgetMs;
    let n = 0;
    for (;;) {
      const next = this.pieces.next();
      if (next.done) break;
      this.buffer += next.value;
      if (this.buffer.length >= BATCH) {
        this.hash.update(this.buffer);
        this.buffer = '';
      }
      // Reading the clock costs more than a small piece does.
      if ((++n & 63) === 0 && performance.now() >= until) return null;
    }
    this.hash.update(this.buffer);
    this.buffer = '';
    this.result = `sha256:${this.hash.digest('hex').slice(0, 32)}`;
    return this.result;
  }

  finish(): string {
    return this.work(Infinity)!;
  }
}
