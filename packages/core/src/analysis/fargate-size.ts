// Fargate pod sizing (../shared/reference/aws-facts.md §5, fargate-sizing-and-pricing.json):
// requirement = max(largest init container, sum of long-running containers) per resource, plus
// 256 MB of memory for the Fargate components, rounded up to the smallest allowed combination.
import { remembered } from '../util/memo.js';
import { FARGATE_COMBINATIONS, FARGATE_LIMITS } from '../capabilities/limits.js';
import type { Container, PodSpec } from '../kube.js';
import { formatBytes, formatCpu, MIB_BYTES, parseBytes, parseCpu } from './quantities.js';

export type SizedResource = 'cpu' | 'memory' | 'ephemeral-storage';

/**
 * What Kubernetes schedules a container with: its request, or its limit when only a limit is set
 * (the API server defaults the request to the limit). Null when neither is set or readable.
 */
export function effectiveRequest(container: Container, resource: SizedResource): number | null {
  const resources = container.resources;
  const parse = resource === 'cpu' ? parseCpu : parseBytes;
  return parse(resources?.requests?.[resource]) ?? parse(resources?.limits?.[resource]);
}

export function limitOf(container: Container, resource: SizedResource): number | null {
  return (resource === 'cpu' ? parseCpu : parseBytes)(container.resources?.limits?.[resource]);
}

/** Native sidecars (init containers with restartPolicy Always) run for the pod's whole life. */
export const isNativeSidecar = (c: Container) => c.restartPolicy === 'Always';

/** Containers that run for the pod's life: regular ones plus native sidecars. */
export function longRunning(spec: PodSpec): Container[] {
  return [...spec.containers, ...(spec.initContainers ?? []).filter(isNativeSidecar)];
}

export interface PodRequirement {
  millicpu: number;
  memoryBytes: number;
  ephemeralBytes: number;
  /** Names of native sidecars; how Fargate sizes them is not documented (aws-facts §10). */
  nativeSidecars: string[];
}

type Pick = (c: Container, r: SizedResource) => number | null;

/**
 * Native sidecars are counted with the long-running containers, as Kubernetes itself does; AWS does
 * not say whether Fargate does the same, so callers mention them when present. With the default
 * `pick` the result is shared between callers: read it, never change it.
 */
export function podRequirement(spec: PodSpec, pick: Pick = effectiveRequest): PodRequirement {
  const cache = pick === effectiveRequest ? requested : pick === limitOrRequest ? limited : null;
  if (cache === null) return requirement(spec, pick);
  // Several rules size every pod the same way; quantities are parsed once per pod template.
  return remembered(cache, spec, () => requirement(spec, pick));
}

/** What a container may use: its limit, or what it is scheduled with when it sets no limit. */
export const limitOrRequest: Pick = (c, r) => limitOf(c, r) ?? effectiveRequest(c, r);

const requested = new WeakMap<PodSpec, PodRequirement>();
const limited = new WeakMap<PodSpec, PodRequirement>();

// Loops rather than filtered copies and closures: every pod template of an estate is sized.
function requirement(spec: PodSpec, pick: Pick): PodRequirement {
  const need = (resource: SizedResource) => {
    let sum = 0;
    for (const c of spec.containers) sum += pick(c, resource) ?? 0;
    let init = 0;
    for (const c of spec.initContainers ?? []) {
      // Native sidecars run alongside the containers; classic init containers run before them, one at a time.
      if (isNativeSidecar(c)) sum += pick(c, resource) ?? 0;
      else init = Math.max(init, pick(c, resource) ?? 0);
    }
    return Math.max(sum, init);
  };
  const nativeSidecars: string[] = [];
  for (const c of spec.initContainers ?? []) if (isNativeSidecar(c)) nativeSidecars.push(c.name);
  return { millicpu: need('cpu'), memoryBytes: need('memory'), ephemeralBytes: need('ephemeral-storage'), nativeSidecars };
}

export interface FargateSize {
  vcpu: number;
  memoryGb: number;
}

/**
 * The combination Fargate provisions, or null when the pod exceeds the largest one. Fargate's "GB"
 * is treated as GiB (1024 MiB), which is what AWS's worked example and ECS task sizes imply.
 */
export function fargateSize(req: { millicpu: number; memoryBytes: number }): FargateSize | null {
  const neededMib = req.memoryBytes / MIB_BYTES + FARGATE_LIMITS.memoryOverheadMb;
  for (const combo of FARGATE_COMBINATIONS) {
    if (combo.vcpu * 1000 < req.millicpu) continue;
    const memoryGb = combo.memoryGb.find((gb) => gb * 1024 >= neededMib - 1e-9);
    if (memoryGb !== undefined) return { vcpu: combo.vcpu, memoryGb };
  }
  return null;
}

export const formatSize = (s: FargateSize) => `${s.vcpu} vCPU / ${s.memoryGb} GB`;

export function formatRequirement(req: { millicpu: number; memoryBytes: number }): string {
  return `${formatCpu(req.millicpu)} CPU / ${formatBytes(req.memoryBytes)} memory`;
}
