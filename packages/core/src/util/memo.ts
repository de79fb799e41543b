/**
 * The value kept for `key`, made by `make` the first time it is asked for. Rules and the planner ask
 * the same questions of every workload or pod template several times over; answers live as long as
 * the object they are about (an answer of `undefined` is not kept). Shared answers: read them, never
 * change them.
 */
export function remembered<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
