// Finds pods in objects of kinds modeshift does not read. An operator's custom resource that holds a
// pod spec runs pods the plan cannot see; finding one is enough to say so and hold back decommission.
import { isRecord } from './shape.js';

const MAX_DEPTH = 8;

/** A pod spec as any operator writes it: a list of containers, each with an image or at least a name. */
function looksLikePodSpec(value: Record<string, unknown>): boolean {
  const containers = value.containers;
  return (
    Array.isArray(containers) && containers.length > 0 && containers.every((c) => isRecord(c) && (typeof c.image === 'string' || typeof c.name === 'string'))
  );
}

/**
 * The path of the first pod spec inside `value` ("spec.worker.template.spec"), breadth first so the
 * shallowest wins, or null. Bounded in depth: the objects come from the input.
 */
export function findPodSpec(value: unknown, at = 'spec'): string | null {
  let level: [unknown, string][] = [[value, at]];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: [unknown, string][] = [];
    for (const [node, path] of level) {
      if (Array.isArray(node)) node.forEach((item, i) => next.push([item, `${path}[${i}]`]));
      else if (isRecord(node)) {
        if (looksLikePodSpec(node)) return path;
        for (const key of Object.keys(node).sort()) next.push([node[key], `${path}.${key}`]);
      }
    }
    level = next;
  }
  return null;
}

/**
 * Operators that build their pods from fields with no pod spec in them (Strimzi's Kafka clusters):
 * the pods exist, but only the objects the operator makes from them (StrimziPodSets) show them.
 */
const PODS_WITHOUT_TEMPLATE = new Map<string, string>([
  ['kafka.strimzi.io/Kafka', 'StrimziPodSets'],
  ['kafka.strimzi.io/KafkaNodePool', 'StrimziPodSets'],
  ['kafka.strimzi.io/KafkaConnect', 'StrimziPodSets'],
  ['kafka.strimzi.io/KafkaMirrorMaker2', 'StrimziPodSets'],
  ['kafka.strimzi.io/KafkaBridge', 'Deployments'],
]);

/** Where an object of a kind modeshift does not read keeps pods, or null when it keeps none. */
export function podsHeldBy(group: string, kind: string, spec: unknown): string | null {
  const made = PODS_WITHOUT_TEMPLATE.get(`${group}/${kind}`);
  if (made) return `its pods are built by the operator (collect its ${made})`;
  const path = findPodSpec(spec);
  return path === null ? null : `a pod spec at ${path}`;
}
