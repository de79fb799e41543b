/**
 * Bounds how many requests are in flight. Kinds and namespaces are all started at once and queue
 * here, which keeps nested fan-out (kind → namespaces → pages) from deadlocking a fixed worker pool.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer, got ${max}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** Runs `fn` over `items` through the limiter, keeping input order in the result. */
export function mapLimited<T, R>(limiter: Limiter, items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(items.map((item) => limiter.run(() => fn(item))));
}
