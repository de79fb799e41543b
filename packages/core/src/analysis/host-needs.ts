// What a pod needs of its node itself (host namespaces, privilege, node-observing mounts), read the
// way Fargate admission would see it: such a pod, or an agent doing so, cannot become a sidecar.
import type { PodSpec } from '../kube.js';
import { allContainers, hostPathVolumes, privilegedContainers } from './evidence.js';
import { listOf } from './names.js';

/**
 * hostPath mounts that mean an agent observes the node itself (processes, kernel, container runtime,
 * kubelet) rather than sharing a socket with pods. Such an agent cannot become a sidecar.
 */
export const NODE_OBSERVING_PATHS: readonly string[] = [
  '/proc',
  '/sys',
  '/dev',
  '/var/run/docker.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/lib/modules',
  '/var/log/journal',
  '/run/log/journal',
  '/var/log/pods',
  '/var/log/containers',
];
/** Exact paths (not prefixes): the host root and the whole runtime directory. */
export const NODE_OBSERVING_EXACT: readonly string[] = ['/', '/var/run', '/run', '/var/log'];

export function addedCapabilities(spec: PodSpec): { container: string; capabilities: string[] }[] {
  return allContainers(spec)
    .filter((c) => (c.securityContext?.capabilities?.add ?? []).length > 0)
    .map((c) => ({ container: c.name, capabilities: c.securityContext?.capabilities?.add ?? [] }));
}

export function observesNode(path: string): boolean {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return NODE_OBSERVING_EXACT.includes(p) || NODE_OBSERVING_PATHS.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
}

/** Why the pod needs its node (host namespaces, privilege, node-observing mounts); empty when it does not. */
export function hostNeeds(spec: PodSpec): string[] {
  const needs: string[] = [];
  if (spec.hostPID) needs.push('hostPID');
  if (spec.hostNetwork) needs.push('hostNetwork');
  if (spec.hostIPC) needs.push('hostIPC');
  if (privilegedContainers(spec).length > 0) needs.push('privileged containers');
  const paths = [
    ...new Set(
      hostPathVolumes(spec)
        .map((v) => v.path)
        .filter(observesNode),
    ),
  ];
  if (paths.length > 0) needs.push(`hostPath ${paths.length > 4 ? `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more` : listOf(paths)}`);
  return needs;
}
