// A wave that patches workloads Argo CD or Flux applies needs their sync held off first, or the next sync
// puts the workloads back where they ran; and given back after, once the change is in their source, or
// the cluster drifts from Git for good. Both are steps of their own around the wave, so an operator
// (and the simulator) sees the pause before the first patch and the resume after the last.
import { describeReconciler, type Effect, type Mode, type ReconcilerRef, slug, type Step } from '@modeshift/plan';
import { detectOwner, reconcilerCommands, reconcilerKey, reconcilerOf } from '../export/ownership.js';
import { shellComment } from '../util/shell.js';
import type { Move } from './moves.js';
import { makeStep } from './step.js';

interface Reconciled {
  ref: ReconcilerRef;
  /** The workloads of the wave it applies that the wave patches. */
  workloads: string[];
}

/** The reconcilers of the workloads a wave changes, sorted; a restart alone changes nothing a sync would revert. */
export function reconcilersOf(moves: readonly Move[]): Reconciled[] {
  const found = new Map<string, Reconciled>();
  for (const m of moves) {
    if (m.edits.length === 0) continue;
    const owner = detectOwner(m.workload.metadata);
    const ref = owner ? reconcilerOf(owner) : null;
    if (!ref) continue;
    const key = reconcilerKey(ref);
    const entry = found.get(key);
    if (entry) entry.workloads.push(m.workload.key);
    else found.set(key, { ref, workloads: [m.workload.key] });
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

const RESOURCE: Record<ReconcilerRef['kind'], string> = {
  Application: 'applications.argoproj.io',
  Kustomization: 'kustomizations.kustomize.toolkit.fluxcd.io',
  HelmRelease: 'helmreleases.helm.toolkit.fluxcd.io',
};

/** One read-only command that shows whether each reconciler syncs: Argo CD's automated policy, Flux's suspend flag. */
function syncState(list: readonly Reconciled[]): string {
  const kinds = [...new Set(list.map((r) => r.ref.kind))].sort().map((k) => RESOURCE[k]);
  return `kubectl get ${kinds.join(',')} -A -o custom-columns=KIND:.kind,NAMESPACE:.metadata.namespace,NAME:.metadata.name,AUTOSYNC:.spec.syncPolicy.automated,SUSPENDED:.spec.suspend`;
}

const names = (list: readonly Reconciled[]) => list.map((r) => describeReconciler(r.ref)).join(', ');
const tools = (list: readonly Reconciled[]) => [...new Set(list.map((r) => (r.ref.tool === 'argo-cd' ? 'Argo CD' : 'Flux')))].join(' and ');

function expectState(list: readonly Reconciled[], paused: boolean): string {
  return list
    .map((r) =>
      r.ref.tool === 'argo-cd'
        ? `Application ${r.ref.name.replace(/^.*_/, '')} with AUTOSYNC ${paused ? '<none>' : 'set (map[…])'}`
        : `${r.ref.kind} ${r.ref.name} with SUSPENDED ${paused ? 'true' : 'false or <none>'}`,
    )
    .join('; ');
}

/**
 * The steps around a wave whose workloads Argo CD or Flux applies: a pause before it (after `after`) and a
 * resume after it. Null when no workload the wave patches has a reconciler.
 */
export function reconcilerSteps(
  wave: { id: string; number: number; namespace: string },
  moves: readonly Move[],
  target: Mode,
  after: string[],
): { pause: Step; resume: Step } | null {
  const list = reconcilersOf(moves);
  if (list.length === 0) return null;
  const ns = wave.namespace;
  const commands = list.map((r) => reconcilerCommands(r.ref));
  const effect = (type: 'suspend-reconciliation' | 'resume-reconciliation') => list.map((r): Effect => ({ type, reconciler: r.ref, workloads: r.workloads }));
  const workloads = [...new Set(list.flatMap((r) => r.workloads))].sort();
  const pause = makeStep({
    id: `waves/pause-sync-${slug(ns)}`,
    title: `Pause ${tools(list)} sync before wave ${wave.number} (namespace ${ns})`,
    kind: 'pause-sync',
    why:
      `${names(list)} put${list.length === 1 ? 's' : ''} ${workloads.join(', ')} back as the source has ${workloads.length === 1 ? 'it' : 'them'}: ` +
      `the patches of ${wave.id} would be undone at the next sync. Paused, the workloads keep what the wave changes until the source has it too.`,
    dependsOn: after,
    commands: commands.map((c) => c.pause),
    verify: { command: syncState(list), expect: expectState(list, true) },
    rollback: { description: 'Give the sync back as it was.', commands: commands.map((c) => c.resume) },
    effects: effect('suspend-reconciliation'),
    namespaces: [ns],
  });
  const argo = list.some((r) => r.ref.tool === 'argo-cd');
  const resume = makeStep({
    id: `waves/resume-sync-${slug(ns)}`,
    title: `Resume ${tools(list)} sync after wave ${wave.number} (namespace ${ns}), once the source has the change`,
    kind: 'resume-sync',
    why:
      `${wave.id} changed ${workloads.join(', ')} in the cluster only. Put the same change into the source of ${names(list)} first ` +
      '(the findings of the wave say which values or manifests; `modeshift export` writes it as a kustomize overlay) and let it reach the repository, ' +
      `then resume: the sync then applies what the wave did and the pods stay on ${target === 'auto-mode' ? 'Auto Mode' : 'Fargate'}. Resumed earlier, the sync moves them back.`,
    dependsOn: [wave.id],
    commands: [
      shellComment(`first: the source of ${names(list)} has the change ${wave.id} made`),
      ...(argo ? [shellComment('an Application that had --self-heal or --auto-prune gets them back the same way: add them to the command below')] : []),
      ...commands.map((c) => c.resume),
    ],
    verify: {
      command: syncState(list),
      expect: `${expectState(list, false)}; then kubectl get pods -n ${ns} -o wide still shows the pods where the wave put them`,
    },
    rollback: {
      description: 'If the sync put the workloads back where they ran, pause it again and put the change into the source before resuming.',
      commands: commands.map((c) => c.pause),
    },
    effects: effect('resume-reconciliation'),
    namespaces: [ns],
  });
  return { pause, resume };
}
