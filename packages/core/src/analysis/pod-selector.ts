import type { Workload } from '../inventory/types.js';
import type { LabelSelector } from '../kube.js';

// Label keys people use to name an app, most specific first; then any key the pods share.
const PREFERRED = ['app.kubernetes.io/instance', 'app.kubernetes.io/name', 'app', 'k8s-app', 'name', 'component'];

/**
 * A podSelector that selects the pods of `chosen` and none of `others` in the same namespace, or null
 * when no single label key tells them apart. Empty ({}) when there are no others: the whole namespace.
 */
export function selectorFor(chosen: readonly Workload[], others: readonly Workload[]): LabelSelector | null {
  if (others.length === 0) return {};
  const first = chosen[0];
  if (!first) return null;
  const shared = Object.keys(first.template.metadata.labels).filter((key) => chosen.every((w) => w.template.metadata.labels[key] !== undefined));
  const keys = [...PREFERRED.filter((k) => shared.includes(k)), ...shared.filter((k) => !PREFERRED.includes(k)).sort()];
  for (const key of keys) {
    const values = [...new Set(chosen.map((w) => w.template.metadata.labels[key] as string))].sort();
    if (others.some((w) => values.includes(w.template.metadata.labels[key] ?? '\u0000'))) continue;
    return values.length === 1 ? { matchLabels: { [key]: values[0]! } } : { matchExpressions: [{ key, operator: 'In', values }] };
  }
  return null;
}
