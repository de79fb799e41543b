import type { ReconcilerRef, WorkloadEdit } from '@modeshift/plan';
import type { ObjectMeta } from '../kube.js';
import { assertNever } from '../util/never.js';
import { sh } from '../util/shell.js';

/**
 * Who applies an object, as its labels and annotations tell: a live `kubectl patch` on such an object is
 * undone at the next sync (Argo CD, Flux) or release (Helm), so the change belongs in that source.
 */
export type Owner =
  | { tool: 'helm'; release: string; chart: string | null }
  | { tool: 'argo-cd'; application: string }
  | { tool: 'flux-kustomization'; name: string; namespace: string | null }
  | { tool: 'flux-helm-release'; name: string; namespace: string | null };

type Meta = Pick<ObjectMeta, 'labels' | 'annotations'>;

const nonEmpty = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value);

/**
 * The Argo CD Application from its tracking annotation, `<app>:<group>/<kind>:<namespace>/<name>`. An
 * Application in another namespace than Argo CD's is written `<namespace>_<app>`, kept as it is.
 */
function argoTrackingApp(trackingId: string | undefined): string | null {
  const value = nonEmpty(trackingId);
  if (value === null) return null;
  const colon = value.indexOf(':');
  return nonEmpty(colon === -1 ? value : value.slice(0, colon));
}

/**
 * The first match wins, most specific first: Flux labels a HelmRelease's objects as Helm does too, and an Argo
 * CD Application that deploys a chart leaves Helm's labels, so the tool that reconciles the object is named
 * rather than the one that templated it.
 */
export function detectOwner(meta: Meta): Owner | null {
  const labels = meta.labels;
  const annotations = meta.annotations;
  const fluxHelm = nonEmpty(labels['helm.toolkit.fluxcd.io/name']);
  if (fluxHelm !== null) return { tool: 'flux-helm-release', name: fluxHelm, namespace: nonEmpty(labels['helm.toolkit.fluxcd.io/namespace']) };
  const fluxKustomization = nonEmpty(labels['kustomize.toolkit.fluxcd.io/name']);
  if (fluxKustomization !== null)
    return { tool: 'flux-kustomization', name: fluxKustomization, namespace: nonEmpty(labels['kustomize.toolkit.fluxcd.io/namespace']) };
  const argo = argoTrackingApp(annotations['argocd.argoproj.io/tracking-id']) ?? nonEmpty(labels['argocd.argoproj.io/instance']);
  if (argo !== null) return { tool: 'argo-cd', application: argo };
  const release = nonEmpty(annotations['meta.helm.sh/release-name']);
  if (release !== null || labels['app.kubernetes.io/managed-by'] === 'Helm') {
    return { tool: 'helm', release: release ?? nonEmpty(labels['app.kubernetes.io/instance']) ?? '<release>', chart: nonEmpty(labels['helm.sh/chart']) };
  }
  return null;
}

const inNamespace = (namespace: string | null) => (namespace === null ? '' : ` in namespace ${namespace}`);

/** "Helm release shop (chart cart-1.2.0)": the source, in words, for findings, steps and the export's README. */
export function describeOwner(owner: Owner): string {
  switch (owner.tool) {
    case 'helm':
      return `Helm release ${owner.release}${owner.chart ? ` (chart ${owner.chart})` : ''}`;
    case 'argo-cd':
      return `Argo CD Application ${owner.application}`;
    case 'flux-kustomization':
      return `Flux Kustomization ${owner.name}${inNamespace(owner.namespace)}`;
    case 'flux-helm-release':
      return `Flux HelmRelease ${owner.name}${inNamespace(owner.namespace)}`;
    default:
      return assertNever(owner, 'owner');
  }
}

/** Where the change goes instead of the cluster. */
export function whereToChange(owner: Owner): string {
  switch (owner.tool) {
    case 'helm':
      return `change it in the values of ${describeOwner(owner)} and upgrade the release, not in the cluster: the next upgrade would undo a live patch`;
    case 'argo-cd':
      return `change it in the source of ${describeOwner(owner)} (its Git repository or chart values), not in the cluster: a sync reverts a live patch`;
    case 'flux-kustomization':
      return `change it in the Git source of ${describeOwner(owner)}, not in the cluster: the next reconciliation reverts a live patch`;
    case 'flux-helm-release':
      return `change it in spec.values of ${describeOwner(owner)}, not in the cluster: the next reconciliation reverts a live patch`;
    default:
      return assertNever(owner, 'owner');
  }
}

/**
 * The chart-values form of standard edits, as keys to look for: most charts expose pod annotations,
 * nodeSelector, tolerations and resources as values under names like these, but a given chart may not,
 * so the text never says the key exists.
 */
export function valuesHints(edits: readonly WorkloadEdit[]): string[] {
  const hints = new Set<string>();
  for (const edit of edits) {
    switch (edit.op) {
      case 'set-pod-annotation':
      case 'remove-pod-annotation':
        hints.add(`pod annotation ${edit.key}: look for a value such as podAnnotations (or <component>.podAnnotations)`);
        break;
      case 'set-node-selector':
      case 'remove-node-selector':
        hints.add(`nodeSelector ${edit.key}: look for a value such as nodeSelector`);
        break;
      case 'add-toleration':
      case 'remove-tolerations':
        hints.add('tolerations: look for a value such as tolerations');
        break;
      case 'set-resources':
        hints.add(`resources of container ${edit.container}: look for a value such as resources (or <container>.resources)`);
        break;
      case 'remove-node-affinity':
        hints.add('node affinity: look for a value such as affinity');
        break;
      case 'remove-topology-spread':
        hints.add('topology spread: look for a value such as topologySpreadConstraints');
        break;
      case 'remove-host-ports':
        hints.add(`host ports of container ${edit.container}: look for hostPort or hostNetwork values`);
        break;
      case 'remove-added-capabilities':
        hints.add(`added capabilities of container ${edit.container}: look for a value such as securityContext or containerSecurityContext`);
        break;
      default:
        assertNever(edit, 'workload edit');
    }
  }
  return [...hints];
}

/** One string per reconciler, for sets and maps. */
export const reconcilerKey = (r: ReconcilerRef): string => `${r.tool}/${r.kind}/${r.namespace ?? ''}/${r.name}`;

/** The Argo CD Application or Flux object that puts the workload back when it drifts; Helm has none. */
export function reconcilerOf(owner: Owner): ReconcilerRef | null {
  switch (owner.tool) {
    case 'helm':
      return null;
    case 'argo-cd':
      return { tool: 'argo-cd', kind: 'Application', namespace: null, name: owner.application };
    case 'flux-kustomization':
      return { tool: 'flux', kind: 'Kustomization', namespace: owner.namespace, name: owner.name };
    case 'flux-helm-release':
      return { tool: 'flux', kind: 'HelmRelease', namespace: owner.namespace, name: owner.name };
    default:
      return assertNever(owner, 'owner');
  }
}

/**
 * How to hold a reconciler off while a wave is patched live, and give it back after. The argocd CLI
 * names an Application outside Argo CD's namespace `<namespace>/<app>`, where tracking ids write `_`.
 */
export function reconcilerCommands(ref: ReconcilerRef): { pause: string; resume: string } {
  if (ref.tool === 'argo-cd') {
    const app = ref.name.replace('_', '/');
    return { pause: sh`argocd app set ${app} --sync-policy none`, resume: sh`argocd app set ${app} --sync-policy automated` };
  }
  const kind = ref.kind === 'HelmRelease' ? 'helmrelease' : 'kustomization';
  const ns = ref.namespace ?? '<flux-namespace>';
  return { pause: sh`flux suspend ${kind} ${ref.name} -n ${ns}`, resume: sh`flux resume ${kind} ${ref.name} -n ${ns}` };
}

/** How to hold the reconciler of an owner off, and give it back; null for Helm, which reconciles nothing. */
export function pauseCommands(owner: Owner): { pause: string; resume: string } | null {
  const ref = reconcilerOf(owner);
  return ref === null ? null : reconcilerCommands(ref);
}
