// Ports a pod publishes on its node's own address, which only EC2 capacity has.
import type { InventoryIndex } from '../inventory/index-lookups.js';
import type { Workload } from '../inventory/types.js';
import type { Container } from '../kube.js';
import { allContainers } from './evidence.js';

/** A container port published on the node, and whether a Service still reaches it without. */
export interface HostPortUse {
  container: string;
  containerPort: number;
  hostPort: number;
  reachable: boolean;
}

function anyHostPort(containers: readonly Container[] | undefined): boolean {
  if (containers === undefined) return false;
  for (const c of containers) {
    if (c.ports === undefined) continue;
    for (const p of c.ports) if (p.hostPort !== undefined || p.hostIP !== undefined) return true;
  }
  return false;
}

export function hostPorts(index: InventoryIndex, w: Workload): HostPortUse[] {
  // Most pods publish nothing on the node: answered without building the container list.
  if (!anyHostPort(w.template.spec.containers) && !anyHostPort(w.template.spec.initContainers)) return [];
  const uses: HostPortUse[] = [];
  let services: ReturnType<InventoryIndex['servicesFor']> | null = null;
  for (const c of allContainers(w.template.spec)) {
    for (const p of c.ports ?? []) {
      if (p.hostPort === undefined && p.hostIP === undefined) continue;
      services ??= index.servicesFor(w);
      const reachable = services.some((s) =>
        (s.spec.ports ?? []).some((sp) => {
          const target = sp.targetPort ?? sp.port;
          return target === p.containerPort || (typeof target === 'string' && target === p.name);
        }),
      );
      uses.push({ container: c.name, containerPort: p.containerPort, hostPort: p.hostPort ?? p.containerPort, reachable });
    }
  }
  return uses;
}
