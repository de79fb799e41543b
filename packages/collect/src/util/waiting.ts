/**
 * What the collect is waiting for at this moment (requests in flight, queued or between retries), so
 * that a collect stopped by its deadline can say what it was still waiting for.
 */
export class Waiting {
  private readonly open = new Map<string, number>();

  async around<T>(what: string, task: () => Promise<T>): Promise<T> {
    this.open.set(what, (this.open.get(what) ?? 0) + 1);
    try {
      return await task();
    } finally {
      const left = (this.open.get(what) ?? 1) - 1;
      if (left === 0) this.open.delete(what);
      else this.open.set(what, left);
    }
  }

  /** At most `max` distinct entries, sorted, and how many more there were. */
  describe(max = 5): string {
    const all = [...this.open.keys()].sort();
    const shown = all.slice(0, max).join(', ');
    return all.length > max ? `${shown} and ${all.length - max} more` : shown;
  }
}

/** "10 min" or "0.3 s": how the CLI's --deadline and --timeout values read back in messages. */
export function formatDuration(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}
