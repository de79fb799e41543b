// Fargate pod sizing (../shared/reference/aws-facts.md §5, fargate-sizing-and-pricing.json):
// requirement = max(largest init container, sum of long-running containers) per resource, plus
// 256 MB of memory for the Fargate components, rounded up to the smallest allowed combination.
import { remembered } from '../../util/memo.js';
import { FARGATE_COMBINATIONS, FARGATE_LIMITS } from '../../capabilities/limits.js';
import type { Container, PodSpec } from '../../kube.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** A Kubernetes quantity ("250m", "1.5", "512Mi", "1G", "1e3", 2) as a plain number; null when unreadable. */
export function parseQuantity(value: string | number | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  // An estate writes the same few quantities over and over; each is parsed once.
  let parsed = parsedQuantities.get(value);
  if (parsed === undefined) {
    if (parsedQuantities.size >= 10_000) parsedQuantities.clear();
    parsedQuantities.set(value, (parsed = parseQuantityText(value)));
  }
  return parsed;
}

const parsedQuantities = new Map<string, number | null>();

function parseQuantityText(value: string): number | null {
  const match = /^\s*\+?(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?\s*$/.exec(value);
  if (!match) return null;
  const base = Number(match[1]);
  if (match[2]) return base * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? null : base * factor;
}

/** CPU in millicores ("250m" → 250, "1.5" → 1500). */
export function parseCpu(value: string | number | undefined | null): number | null {
  const cores = parseQuantity(value);
  return cores === null ? null : Math.round(cores * 1000 * 1000) / 1000;
}

/** Memory or storage in bytes ("512Mi" → 536870912, "1G" → 1e9). */
export function parseBytes(value: string | number | undefined | null): number | null {
  const bytes = parseQuantity(value);
  return bytes === null ? null : Math.ceil(bytes);
}

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
  const neededMib = req.memoryBytes / MIB + FARGATE_LIMITS.memoryOverheadMb;
  for (const combo of FARGATE_COMBINATIONS) {
    if (combo.vcpu * 1000 < req.millicpu) continue;
    const memoryGb = combo.memoryGb.find((gb) => gb * 1024 >= neededMib - 1e-9);
    if (memoryGb !== undefined) return { vcpu: combo.vcpu, memoryGb };
  }
  return null;
}

export const formatSize = (s: FargateSize) => `${s.vcpu} vCPU / ${s.memoryGb} GB`;

export function formatCpu(millicpu: number): string {
  return millicpu % 1000 === 0 ? `${millicpu / 1000}` : `${millicpu}m`;
}

/** Bytes as whole GiB when exact, else MiB rounded up ("2Gi", "1536Mi"). */
export function formatBytes(bytes: number): string {
  if (bytes >= GIB && bytes % GIB === 0) return `${bytes / GIB}Gi`;
  if (bytes >= MIB) return `${Math.ceil(bytes / MIB)}Mi`;
  return `${bytes}`;
}

export function formatRequirement(req: { millicpu: number; memoryBytes: number }): string {
  return `${formatCpu(req.millicpu)} CPU / ${formatBytes(req.memoryBytes)} memory`;
}

export const GIB_BYTES = GIB;
export const MIB_BYTES = MIB;
