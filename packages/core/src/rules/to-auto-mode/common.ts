// Questions several Fargate → Auto Mode rules ask about the same inventory.
import type { Toleration } from '../../kube.js';
import type { Workload } from '../../inventory/types.js';
import { COMPUTE_TYPE_ANNOTATION } from '../../placement/fargate-profiles.js';
import { pinnedValues } from '../../placement/pod-needs.js';
import type { RuleContext } from '../types.js';
import { REPLACED_DAEMONSETS } from './facts.js';

export const describeWorkload = (w: Workload) => `${w.kind} ${w.metadata.namespace}/${w.metadata.name}`;

export const isCoreDns = (w: Workload) =>
  w.kind === 'Deployment' && w.metadata.namespace === 'kube-system' && w.metadata.name === 'coredns';

export const isWindowsPinned = (w: Workload) => pinnedValues(w.template.spec, 'kubernetes.io/os').includes('windows');

/** What Auto Mode provides in place of the DaemonSet, or null when the DaemonSet is the user's own. */
export function replacedBy(w: Workload): string | null {
  if (w.kind !== 'DaemonSet') return null;
  const hit = REPLACED_DAEMONSETS.find((r) => r.match.test(w.metadata.name));
  if (!hit) return null;
  // The system add-ons only count in kube-system; device plugins are recognised wherever they run.
  const systemAddon = !/device-plugin/.test(w.metadata.name);
  return systemAddon && w.metadata.namespace !== 'kube-system' ? null : hit.what;
}

const moversCache = new WeakMap<RuleContext, Workload[]>();

/**
 * Workloads that end up on Auto Mode nodes: everything not there already, except what cannot run
 * there (Windows), what Auto Mode retires (CoreDNS is scaled to 0) and what it replaces (system
 * DaemonSets). Workloads the inventory places nowhere ("pending") count: on Auto Mode they will run.
 */
export function movers(ctx: RuleContext): Workload[] {
  let list = moversCache.get(ctx);
  if (!list) {
    list = ctx.inventory.workloads.filter((w) => {
      const current = ctx.placement.workloads.get(w.key)?.current.type;
      if (current === undefined || current === 'auto-mode') return false;
      return !isWindowsPinned(w) && !isCoreDns(w) && replacedBy(w) === null;
    });
    moversCache.set(ctx, list);
  }
  return list;
}

export const currentType = (ctx: RuleContext, w: Workload) => ctx.placement.workloads.get(w.key)?.current.type;

/** true / false from describe-cluster; otherwise inferred from Auto Mode objects; null when nothing says. */
export function autoModeEnabled(ctx: RuleContext): boolean | null {
  const cluster = ctx.inventory.cluster;
  if (cluster) return cluster.autoMode.enabled;
  const autoPools = ctx.inventory.nodePools.some((p) => p.spec.template?.spec?.nodeClassRef?.group === 'eks.amazonaws.com');
  const autoNodes = ctx.inventory.nodes.some((n) => n.labels[COMPUTE_TYPE_ANNOTATION] === 'auto');
  return autoPools || autoNodes ? true : null;
}

/** "a, b, c and 4 more": names in messages stay readable on big clusters. */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function tolerationFor(taint: { key: string; value?: string; effect: string }): Toleration {
  return taint.value === undefined
    ? { key: taint.key, operator: 'Exists', effect: taint.effect }
    : { key: taint.key, operator: 'Equal', value: taint.value, effect: taint.effect };
}
