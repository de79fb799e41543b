import type { Affinity, Container, NodeSelectorRequirement, PodSpec, ResourceList, StringMap, Toleration } from '../kube.js';

export const GPU_RESOURCES = ['nvidia.com/gpu'] as const;
export const NEURON_RESOURCES = ['aws.amazon.com/neuron', 'aws.amazon.com/neuroncore', 'aws.amazon.com/neurondevice'] as const;

// Plain loops, no copied container lists: placement and several rules ask this of every pod template.
function requestsAny(spec: PodSpec, resources: readonly string[]): boolean {
  return anyRequests(spec.containers, resources) || (spec.initContainers !== undefined && anyRequests(spec.initContainers, resources));
}

function anyRequests(containers: readonly Container[], resources: readonly string[]): boolean {
  for (let i = 0; i < containers.length; i++) {
    const r = containers[i]!.resources;
    if (r !== undefined && (listsAny(r.requests, resources) || listsAny(r.limits, resources))) return true;
  }
  return false;
}

function listsAny(list: ResourceList | undefined, resources: readonly string[]): boolean {
  if (!list) return false;
  for (let i = 0; i < resources.length; i++) {
    const v = list[resources[i]!];
    if (v !== undefined && Number(v) > 0) return true;
  }
  return false;
}

export const needsGpu = (spec: PodSpec) => requestsAny(spec, GPU_RESOURCES);
export const needsNeuron = (spec: PodSpec) => requestsAny(spec, NEURON_RESOURCES);

const termsOf = new WeakMap<PodSpec, NodeSelectorRequirement[][]>();

/**
 * Required node-affinity terms flattened with the nodeSelector into one requirement list per term.
 * Placement and a dozen rules ask this of every pod template, so it is worked out once per template;
 * the lists are shared: read them, never change them.
 */
export function schedulingTerms(spec: PodSpec): NodeSelectorRequirement[][] {
  let terms = termsOf.get(spec);
  if (!terms) termsOf.set(spec, (terms = flattenTerms(spec)));
  return terms;
}

/** Most pods are constrained by nothing: they all share this one answer. */
const UNCONSTRAINED: NodeSelectorRequirement[][] = [[]];

function flattenTerms(spec: PodSpec): NodeSelectorRequirement[][] {
  if (spec.nodeSelector === undefined && requiredTerms(spec.affinity).length === 0) return UNCONSTRAINED;
  const base: NodeSelectorRequirement[] = Object.entries(spec.nodeSelector ?? {}).map(([key, value]) => ({
    key,
    operator: 'In',
    values: [value],
  }));
  const terms = requiredTerms(spec.affinity);
  if (terms.length === 0) return [base];
  return terms.map((t) => [...base, ...(t.matchExpressions ?? [])]);
}

function requiredTerms(affinity: Affinity | undefined) {
  return affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
}

/** Values a term allows for `key`: null when unconstrained, [] when it excludes everything. */
export function allowedValues(term: NodeSelectorRequirement[], key: string): { in: string[] | null; notIn: string[] } {
  let allowed: string[] | null = null;
  const notIn: string[] = [];
  for (const r of term) {
    if (r.key !== key) continue;
    if (r.operator === 'In') allowed = allowed ? allowed.filter((v) => r.values?.includes(v)) : [...(r.values ?? [])];
    if (r.operator === 'NotIn') notIn.push(...(r.values ?? []));
    if (r.operator === 'DoesNotExist') allowed = [];
  }
  return { in: allowed, notIn };
}

export function tolerates(tolerations: Toleration[] | undefined, taint: { key: string; value?: string; effect: string }): boolean {
  if (taint.effect === 'PreferNoSchedule') return true;
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Whether the pod pins an OS or architecture through its nodeSelector or required affinity. */
export function pinnedValues(spec: PodSpec, key: string): string[] {
  const out = new Set<string>();
  for (const term of schedulingTerms(spec)) {
    const { in: values } = allowedValues(term, key);
    for (const v of values ?? []) out.add(v);
  }
  return [...out].sort();
}

export function nodeSelectorOf(spec: PodSpec): StringMap {
  return spec.nodeSelector ?? {};
}
