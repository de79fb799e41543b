// What a pod template pins or needs that Fargate cannot give it. The scope works these out for every
// candidate, and each blocker rule asks again for its own: answers are kept per pod template.
import type { Container, NodeSelectorRequirement, PodSpec } from '../kube.js';
import { needsGpu, needsNeuron, schedulingTerms } from '../placement/pod-needs.js';
import { remembered } from '../util/memo.js';

export const allContainers = (spec: PodSpec): Container[] => [...spec.containers, ...(spec.initContainers ?? [])];

/**
 * True when every required scheduling term constrains the pod by a requirement `hit` accepts: the
 * pod cannot be placed without it. A term without such a requirement leaves the pod free.
 */
function everyTerm(spec: PodSpec, hit: (r: NodeSelectorRequirement) => boolean): boolean {
  const terms = schedulingTerms(spec);
  if (terms.length === 0) return false;
  for (const term of terms) if (!term.some(hit)) return false;
  return true;
}

// The tests below run for every pod template, several times over: predicates are built once, here,
// not as closures per call.
function allIn(r: NodeSelectorRequirement, ok: (v: string) => boolean): boolean {
  if (r.operator !== 'In' || r.values === undefined || r.values.length === 0) return false;
  for (const v of r.values) if (!ok(v)) return false;
  return true;
}

const GPU_FAMILY = /^(g|p)\d/;
const NEURON_FAMILY = /^(inf|trn)\d/;
const GRAVITON_FAMILY = /^[a-z]+\d+g[a-z]*(\.|$)/;

const instanceKeys = (suffix: string) => [`eks.amazonaws.com/instance-${suffix}`, `karpenter.k8s.aws/instance-${suffix}`] as const;
const FAMILY = instanceKeys('family');
const GPU_COUNT = instanceKeys('gpu-count');
const GPU_NAME = instanceKeys('gpu-name');
const GPU_MANUFACTURER = instanceKeys('gpu-manufacturer');
const CATEGORY = instanceKeys('category');
const CPU_MANUFACTURER = instanceKeys('cpu-manufacturer');

const isInstanceKey = (key: string, keys: readonly [string, string]) => key === keys[0] || key === keys[1];

const isGpuFamily = (v: string) => GPU_FAMILY.test(v);
const isNeuronFamily = (v: string) => NEURON_FAMILY.test(v);
const isGravitonFamily = (v: string) => GRAVITON_FAMILY.test(v);

function instanceTypeOrFamily(r: NodeSelectorRequirement, family: (v: string) => boolean): boolean {
  if (isInstanceKey(r.key, FAMILY)) return allIn(r, family);
  if (r.key === 'node.kubernetes.io/instance-type') return allIn(r, family);
  return false;
}

const isWindows = (v: string) => v === 'windows';
const windowsOs = (r: NodeSelectorRequirement) => r.key === 'kubernetes.io/os' && allIn(r, isWindows);
const windowsBuild = (r: NodeSelectorRequirement) => r.key === 'node.kubernetes.io/windows-build' && r.operator !== 'DoesNotExist' && r.operator !== 'NotIn';

function anyHostProcess(containers: readonly Container[] | undefined): boolean {
  if (containers === undefined) return false;
  for (const c of containers) if (c.securityContext?.windowsOptions?.hostProcess) return true;
  return false;
}

function findWindows(spec: PodSpec): string | null {
  if (everyTerm(spec, windowsOs)) return 'it is pinned to kubernetes.io/os: windows';
  if (everyTerm(spec, windowsBuild)) return 'it is pinned to a Windows build';
  const hostProcess = spec.securityContext?.windowsOptions?.hostProcess || anyHostProcess(spec.containers) || anyHostProcess(spec.initContainers);
  return hostProcess ? 'it runs Windows HostProcess containers' : null;
}

const isZero = (v: string) => v === '0';
const isGpuCategory = (v: string) => v === 'g' || v === 'p';
const gpuLabel = (r: NodeSelectorRequirement) =>
  (isInstanceKey(r.key, GPU_COUNT) && r.operator !== 'DoesNotExist' && !allIn(r, isZero)) ||
  ((isInstanceKey(r.key, GPU_NAME) || isInstanceKey(r.key, GPU_MANUFACTURER)) && (r.operator === 'In' || r.operator === 'Exists')) ||
  (r.key.startsWith('nvidia.com/gpu') && r.operator !== 'DoesNotExist' && r.operator !== 'NotIn') ||
  (isInstanceKey(r.key, CATEGORY) && allIn(r, isGpuCategory)) ||
  instanceTypeOrFamily(r, isGpuFamily);

function findGpu(spec: PodSpec): string | null {
  if (needsGpu(spec)) return 'it requests nvidia.com/gpu';
  if (everyTerm(spec, gpuLabel)) return 'its node selector or affinity asks for GPU instances';
  if (spec.tolerations !== undefined && spec.tolerations.some((t) => t.key === 'nvidia.com/gpu')) return 'it tolerates the nvidia.com/gpu taint of GPU nodes';
  return null;
}

const isNeuronCategory = (v: string) => v === 'inf' || v === 'trn';
const neuronLabel = (r: NodeSelectorRequirement) => instanceTypeOrFamily(r, isNeuronFamily) || (isInstanceKey(r.key, CATEGORY) && allIn(r, isNeuronCategory));

function findNeuron(spec: PodSpec): string | null {
  if (needsNeuron(spec)) return 'it requests AWS Neuron devices';
  if (everyTerm(spec, neuronLabel)) return 'its node selector or affinity asks for Inferentia or Trainium instances';
  if (spec.tolerations !== undefined && spec.tolerations.some((t) => t.key?.startsWith('aws.amazon.com/neuron')))
    return 'it tolerates the aws.amazon.com/neuron taint of Neuron nodes';
  return null;
}

const isArm64 = (v: string) => v === 'arm64';
const isAws = (v: string) => v === 'aws';
const armLabel = (r: NodeSelectorRequirement) =>
  (r.key === 'kubernetes.io/arch' && allIn(r, isArm64)) ||
  (isInstanceKey(r.key, CPU_MANUFACTURER) && allIn(r, isAws)) ||
  instanceTypeOrFamily(r, isGravitonFamily);

function findArm64(spec: PodSpec): string | null {
  return everyTerm(spec, armLabel) ? 'it is pinned to arm64 (Graviton) nodes' : null;
}

/** Everything the blocker tests find in one pod template, worked out together on first asking. */
interface PodTemplateFacts {
  windows: string | null;
  gpu: string | null;
  neuron: string | null;
  arm64: string | null;
  privileged: string[];
  hostPaths: { name: string; path: string }[];
}

function findFacts(spec: PodSpec): PodTemplateFacts {
  return {
    windows: findWindows(spec),
    gpu: findGpu(spec),
    neuron: findNeuron(spec),
    arm64: findArm64(spec),
    privileged: allContainers(spec)
      .filter((c) => c.securityContext?.privileged === true)
      .map((c) => c.name),
    hostPaths: (spec.volumes ?? []).flatMap((v) => (v.hostPath ? [{ name: v.name, path: v.hostPath.path }] : [])),
  };
}

// One map of one record per template: the scope asks every question of every candidate, and one
// lookup is cheaper than six (each map also costs the collector work on every young-space sweep).
const facts = new WeakMap<PodSpec, PodTemplateFacts>();
const factsOf = (spec: PodSpec): PodTemplateFacts => remembered(facts, spec, () => findFacts(spec));

export const windowsEvidence = (spec: PodSpec): string | null => factsOf(spec).windows;
export const gpuEvidence = (spec: PodSpec): string | null => factsOf(spec).gpu;
export const neuronEvidence = (spec: PodSpec): string | null => factsOf(spec).neuron;
export const arm64Evidence = (spec: PodSpec): string | null => factsOf(spec).arm64;
export const privilegedContainers = (spec: PodSpec): string[] => factsOf(spec).privileged;
export const hostPathVolumes = (spec: PodSpec): { name: string; path: string }[] => factsOf(spec).hostPaths;
