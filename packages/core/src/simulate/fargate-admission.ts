import { FARGATE_LIMITS } from '../capabilities/limits.js';
import { remembered } from '../util/memo.js';
import type { Workload } from '../inventory/types.js';
import type { Container, PodSpec } from '../kube.js';
import { needsGpu, needsNeuron, pinnedValues, schedulingTerms } from '../placement/pod-needs.js';
import { isEc2OnlyLabel } from '../analysis/ec2-labels.js';

/**
 * Why Fargate would not run a pod a profile selected (it stays Pending), or null when it would.
 * The same limits the Auto Mode → Fargate rules report (aws-facts §0, §4.5): the simulator asks it
 * of every pod template a profile takes, before and after each step, so a profile that selects pods
 * whose fixes come later is caught.
 */
export function fargateRejects(workload: Workload): string | null {
  // A string or null: `remembered` keeps every answer but undefined. Workloads are replaced, never
  // changed in place, when the simulator edits them, so an answer lives exactly as long as its question.
  return remembered(rejections, workload, () => whyRejected(workload));
}

const rejections = new WeakMap<Workload, string | null>();

function whyRejected(workload: Workload): string | null {
  const spec = workload.template.spec;
  if (workload.kind === 'DaemonSet') return 'Fargate runs no DaemonSets';
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) return 'it uses the host network or host namespaces, which Fargate does not allow';
  const containers = allContainers(spec);
  if (containers.some((c) => c.securityContext?.privileged === true)) return 'it runs a privileged container';
  const port = containers.find((c) => (c.ports ?? []).some((p) => p.hostPort !== undefined && p.hostPort !== 0));
  if (port) return `container ${port.name} asks for a hostPort, which Fargate rejects`;
  const added = containers.find((c) => (c.securityContext?.capabilities?.add ?? []).some((cap) => !GRANTED.has(cap.replace(/^CAP_/, ''))));
  if (added)
    return `container ${added.name} adds Linux capabilities (${(added.securityContext?.capabilities?.add ?? []).join(', ')}) that Fargate does not grant`;
  if ((spec.volumes ?? []).some((v) => v.hostPath)) return 'it mounts a hostPath volume';
  if (needsGpu(spec) || needsNeuron(spec)) return 'it requests GPUs or Neuron devices';
  if (pinnedValues(spec, 'kubernetes.io/os').includes('windows')) return 'it is pinned to Windows';
  const arch = pinnedValues(spec, 'kubernetes.io/arch');
  if (arch.length > 0 && !arch.includes('amd64')) return `it is pinned to ${arch.join(', ')}`;
  const label = ec2OnlyRequirement(spec);
  if (label) return `it requires node label ${label}, which no Fargate node carries`;
  const vcpu = requestedVcpu(spec);
  if (vcpu > FARGATE_LIMITS.maxVcpu) return `it requests ${vcpu} vCPU, more than Fargate's ${FARGATE_LIMITS.maxVcpu}`;
  return null;
}

/**
 * Capabilities a Fargate pod may add: the container runtime's default set (adding one of those, as
 * CoreDNS adds NET_BIND_SERVICE, changes nothing) plus SYS_PTRACE, the one Fargate documents.
 */
const GRANTED = new Set([
  'SYS_PTRACE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SYS_CHROOT',
  'MKNOD',
  'AUDIT_WRITE',
  'SETFCAP',
]);

function allContainers(spec: PodSpec): Container[] {
  return spec.initContainers ? [...spec.containers, ...spec.initContainers] : spec.containers;
}

function ec2OnlyRequirement(spec: PodSpec): string | null {
  const terms = schedulingTerms(spec);
  // Required terms are ORed: the pod fits when some term asks for no EC2-only label.
  let first: string | null = null;
  for (const term of terms) {
    const hit = term.find(
      (r) =>
        (r.operator === 'In' || r.operator === 'Exists') &&
        isEc2OnlyLabel(r.key) &&
        !(r.key === 'eks.amazonaws.com/compute-type' && r.values?.includes('fargate')),
    );
    if (!hit) return null;
    first ??= hit.key;
  }
  return first;
}

function cpu(raw: string | number | undefined): number {
  if (raw === undefined) return 0;
  const quantity = String(raw);
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity) || 0;
}

/** What the pod asks for: its containers together, or its largest init container if that is more. */
function requestedVcpu(spec: PodSpec): number {
  const of = (c: Container) => cpu(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu);
  const running = spec.containers.reduce((sum, c) => sum + of(c), 0);
  return Math.max(running, ...(spec.initContainers ?? []).map(of));
}
