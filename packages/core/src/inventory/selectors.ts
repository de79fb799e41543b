import type { LabelSelector, StringMap } from '../kube.js';

/** Kubernetes LabelSelector semantics. An empty selector matches everything. */
export function matchesSelector(selector: LabelSelector | undefined, labels: StringMap): boolean {
  if (!selector) return true;
  // for-in with an own-key check, not Object.entries: selectors are matched for every workload.
  const matchLabels = selector.matchLabels;
  if (matchLabels) {
    for (const key in matchLabels) {
      if (Object.hasOwn(matchLabels, key) && labels[key] !== matchLabels[key]) return false;
    }
  }
  for (const expr of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expr.key);
    const value = labels[expr.key];
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
        if (!has || !values.includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Service-style selector (plain map): empty or missing selects nothing. */
export function matchesServiceSelector(selector: StringMap | undefined, labels: StringMap): boolean {
  if (!selector) return false;
  let any = false;
  for (const key in selector) {
    if (!Object.hasOwn(selector, key)) continue;
    if (labels[key] !== selector[key]) return false;
    any = true;
  }
  return any;
}
