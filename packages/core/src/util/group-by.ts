/** Items by a key, in the order each key first appears. A key of a union type (a step's kind, say) stays that type. */
export function groupInOrder<T, K extends string>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
