// Argo CD and Flux put the workloads they apply back as their source has them. A live patch of such a
// workload holds only while its reconciler is paused, and a reconciler left paused after the plan leaves
// the cluster drifting from its source for good: the simulator checks both.
import { describeReconciler, type ReconcilerRef } from '@modeshift/plan';
import { detectOwner, reconcilerKey, reconcilerOf } from '../export/ownership.js';
import type { Workload } from '../inventory/types.js';
import type { Invariant } from './types.js';

export class Reconciliation {
  /** Workload key → the reconciler that applies it, as its labels and annotations say. */
  private readonly byWorkload = new Map<string, ReconcilerRef>();
  private readonly paused = new Map<string, ReconcilerRef>();

  constructor(workloads: Iterable<Workload>) {
    for (const w of workloads) {
      const owner = detectOwner(w.metadata);
      const ref = owner ? reconcilerOf(owner) : null;
      if (ref) this.byWorkload.set(w.key, ref);
    }
  }

  suspend(ref: ReconcilerRef): void {
    this.paused.set(reconcilerKey(ref), ref);
  }

  /** It applies its source again; the step that resumes it says the source has the wave's change by then. */
  resume(ref: ReconcilerRef): void {
    this.paused.delete(reconcilerKey(ref));
  }

  /** A live change of the workload now is undone by its reconciler's next sync: the plan must pause it first. */
  undoes(workload: string): { invariant: Invariant; resource: string; breaks: string; because: string }[] {
    const ref = this.byWorkload.get(workload);
    if (!ref || this.paused.has(reconcilerKey(ref))) return [];
    return [
      {
        invariant: 'end-state',
        resource: workload,
        breaks: `the change is undone at the next sync of ${describeReconciler(ref)}`,
        because: 'a workload Argo CD or Flux applies keeps a live change only while its sync is paused, until its source has the change',
      },
    ];
  }

  /** Reconcilers still paused, sorted: after the last step, each is a cluster that no longer follows its source. */
  stillPaused(): { resource: string; name: string }[] {
    return [...this.paused.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, ref]) => ({ resource: `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`, name: describeReconciler(ref) }));
  }
}
