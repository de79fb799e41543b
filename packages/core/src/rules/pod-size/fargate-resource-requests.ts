import { FARGATE_LIMITS } from '../../capabilities/limits.js';
import type { WorkloadEdit } from '@modeshift/plan';
import type { Container, PodSpec } from '../../kube.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import {
  effectiveRequest,
  fargateSize,
  formatSize,
  limitOf,
  limitOrRequest,
  longRunning,
  podRequirement,
  type SizedResource,
} from '../../analysis/fargate-size.js';
import { movingWorkloads } from '../../analysis/fargate-scope.js';

// Proposed for a container with no request: with Fargate's 256 MB overhead a one-container pod
// stays at the default size of 0.25 vCPU / 0.5 GB.
const DEFAULT_CPU = '250m';
const DEFAULT_MEMORY = `${FARGATE_LIMITS.defaultMemoryGb * 1024 - FARGATE_LIMITS.memoryOverheadMb}Mi`;

const SIZED: SizedResource[] = ['cpu', 'memory'];
const GUARANTEED = 'AWS states Fargate pods run as Guaranteed: "requested CPU and memory must be equal to the limit".';

function sizeText(spec: PodSpec, pick?: Parameters<typeof podRequirement>[1]): string {
  const size = fargateSize(podRequirement(spec, pick));
  return size ? formatSize(size) : `more than the largest Fargate size (${FARGATE_LIMITS.maxVcpu} vCPU / ${FARGATE_LIMITS.maxMemoryGb} GB)`;
}

function written(c: Container, resource: SizedResource): string | undefined {
  const value = c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
  return value === undefined ? undefined : String(value);
}

function proposal(c: Container): Extract<WorkloadEdit, { op: 'set-resources' }> {
  const values = { cpu: written(c, 'cpu') ?? DEFAULT_CPU, memory: written(c, 'memory') ?? DEFAULT_MEMORY };
  return { container: c.name, limits: { ...values }, op: 'set-resources', requests: values };
}

function withEdits(spec: PodSpec, edits: Extract<WorkloadEdit, { op: 'set-resources' }>[]): PodSpec {
  const byName = new Map(edits.map((e) => [e.container, e]));
  const patch = (c: Container): Container => {
    const e = byName.get(c.name);
    return e ? { ...c, resources: { requests: { ...c.resources?.requests, ...e.requests }, limits: { ...c.resources?.limits, ...e.limits } } } : c;
  };
  return { ...spec, containers: spec.containers.map(patch), initContainers: spec.initContainers?.map(patch) };
}

/**
 * Fargate sizes each pod's VM from its requests. Missing requests are a change (the pod would get
 * the smallest size); requests below limits are advisory: the pod still runs, but containers can
 * never use more than the VM their requests bought, so the operator decides which size to pay for.
 */
export const fargateResourceRequestsRule: Rule = {
  id: 'fargate-resource-requests',
  title: 'Resource requests',
  capability: 'pod-size',
  targets: ['fargate'],
  check(ctx) {
    return movingWorkloads(ctx).flatMap((w): FindingDraft[] => {
      const spec = w.template.spec;
      const name = describeWorkload(w);
      const running = longRunning(spec);
      const sidecars = podRequirement(spec).nativeSidecars;
      const sidecarNote =
        sidecars.length > 0 ? ` Native sidecars (${listOf(sidecars)}) are counted like containers; AWS does not document how Fargate sizes them.` : '';
      // Edits target regular containers only: native sidecars are init containers, sized by rules AWS leaves open.
      const missing = spec.containers.filter((c) => SIZED.some((r) => effectiveRequest(c, r) === null));
      if (missing.length > 0) {
        const edits = missing.map(proposal);
        return [
          {
            severity: 'change' as const,
            resource: workloadRef(w),
            message: `${name}: ${listOf(missing.map((c) => c.name))} set${missing.length === 1 ? 's' : ''} no CPU or memory request, and Fargate sizes each pod from its requests, so it would run as ${sizeText(spec)} (a pod that requests nothing gets ${FARGATE_LIMITS.defaultVcpu} vCPU / ${FARGATE_LIMITS.defaultMemoryGb} GB).${sidecarNote}`,
            remediation: `${GUARANTEED} The plan sets requests equal to limits on ${listOf(edits.map((e) => `${e.container} (${e.requests.cpu} CPU, ${e.requests.memory})`))}: the existing value where one is set, else ${DEFAULT_CPU} CPU / ${DEFAULT_MEMORY}, which keeps a one-container pod at the default size. Fargate size with these values: ${sizeText(withEdits(spec, edits))}. Adjust them to measured usage.`,
            action: { edits, type: 'workload' as const },
          },
        ];
      }
      const atRequests = sizeText(spec);
      const atLimits = sizeText(spec, limitOrRequest);
      const unbounded = running.filter((c) => SIZED.some((r) => limitOf(c, r) === null));
      // Limits inside the VM Fargate rounds up to change nothing; only headroom beyond it is lost.
      if (atLimits === atRequests && unbounded.length === 0 && sidecars.length === 0) return [];
      const parts = [`Fargate sizes ${name} from its requests: ${atRequests}.`];
      if (atLimits !== atRequests) parts.push(`Its limits allow more (${atLimits} if the requests matched them), which the VM cannot provide.`);
      if (unbounded.length > 0) {
        parts.push(
          `${listOf(unbounded.map((c) => c.name))} set${unbounded.length === 1 ? 's' : ''} no CPU or memory limit, so today ${unbounded.length === 1 ? 'it' : 'they'} can use spare node capacity; on Fargate, no more than the pod's VM.`,
        );
      }
      return [
        {
          severity: 'advisory',
          resource: workloadRef(w),
          message: `${parts.join(' ')}${sidecarNote}`,
          remediation: `${GUARANTEED} Set requests equal to limits at the level the workload needs: raise the requests to keep today's headroom (a larger, costlier pod), or lower the limits to the requests.`,
          action: { type: 'review' },
        },
      ];
    });
  },
};
