// Workload keys ("Deployment/shop/cart") as outputs list them: by namespace, then by kind, each name
// once, so a wave of 15 workloads reads as one line instead of fifteen.
import { groupInOrder } from '../util/group-by.js';

export interface KeyParts {
  kind: string;
  /** '' for a key without a namespace. */
  namespace: string;
  name: string;
}

/** "Deployment/shop/cart" → its parts; a key without a namespace keeps an empty one. */
export function splitKey(key: string): KeyParts {
  const [kind = '', namespace = '', ...name] = key.split('/');
  return name.length === 0 ? { kind, namespace: '', name: namespace } : { kind, namespace, name: name.join('/') };
}

/** Keys by namespace, in the order each namespace first appears. */
export function byNamespace(keys: readonly string[]): Map<string, KeyParts[]> {
  return groupInOrder(keys.map(splitKey), (k) => k.namespace);
}

/**
 * "Deployment a, b; CronJob c": names by kind, in order of first appearance. `kind` and `name` format
 * the pieces (code spans in Markdown, escapes on a terminal).
 */
export function namesByKind(parts: readonly KeyParts[], kind: (text: string) => string, name: (text: string) => string): string {
  return [...groupInOrder(parts, (p) => p.kind)].map(([k, list]) => `${kind(k)} ${list.map((p) => name(p.name)).join(', ')}`).join('; ');
}

/** "shop 5, web 7": how many keys each namespace has. */
export function countsByNamespace(groups: ReadonlyMap<string, readonly KeyParts[]>, namespace: (text: string) => string): string {
  return [...groups].map(([ns, list]) => `${namespace(ns)} ${list.length}`).join(', ');
}
