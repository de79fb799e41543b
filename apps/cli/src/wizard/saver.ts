// When progress is written. Never before the frame that shows a change: a save needs the plan's
// fingerprint, which takes about a second to hash on a 20,000-workload plan, and the write waits for
// fsync. Both run on the turn after the frame, the hashing in slices so keys typed meanwhile still draw.
import type { Plan } from '@modeshift/core';
import { FingerprintJob } from './fingerprint.js';

/** A key typed while the plan is hashed waits at most about this long before it is read. */
const SLICE_MS = 8;

export class ProgressSaver {
  private job: FingerprintJob | null = null;
  private due = false;
  private pending: NodeJS.Immediate | null = null;
  private waiters: (() => void)[] = [];

  /** `write` does the saving, given the fingerprint of the plan that is current when it runs. */
  constructor(private readonly write: (fingerprint: string) => void) {}

  /** A new plan: hashing starts after this turn and finishes before the next save. */
  startPlan(plan: Plan): void {
    this.job = new FingerprintJob(plan);
    this.schedule();
  }

  /** Saves after this turn; several requests before then make one write. */
  request(): void {
    this.due = true;
    this.schedule();
  }

  /**
   * Saves now what is due: before quitting, or before another inventory replaces the progress. With nothing
   * due the hashing stops too; the next request picks it up where it stopped.
   */
  flush(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    if (this.due) this.job?.finish();
    this.settle();
  }

  /** Resolves once nothing is left to hash or save. */
  idle(): Promise<void> {
    return this.pending ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }

  private schedule(): void {
    this.pending ??= setImmediate(this.run);
  }

  private run = (): void => {
    this.pending = null;
    if (this.job && this.job.work(SLICE_MS) === null) {
      this.schedule();
      return;
    }
    this.settle();
  };

  private settle(): void {
    // Progress exists only with a plan, so a save that is due always has a job to wait for.
    const fingerprint = this.job?.value;
    if (this.due && fingerprint) {
      this.due = false;
      this.write(fingerprint);
    }
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
