// Service-mesh membership of a workload: Istio, Linkerd and App Mesh put a proxy sidecar into every
// pod and redirect its traffic with an iptables init container that adds NET_ADMIN and NET_RAW.
// Fargate admission rejects added capabilities (aws-facts §2, "Added Linux capabilities"), so a
// meshed pod cannot start there, and removing the capabilities would break the mesh rather than
// fix the pod. Injection usually happens when the pod is created, so a Deployment exported from a
// cluster rarely shows the proxy itself: the namespace's injection label, the template's opt-in and
// the mesh's own objects in the namespace are evidence too.
import { remembered } from '../util/memo.js';
import type { InventoryIndex } from '../inventory/index-lookups.js';
import type { Inventory, Workload } from '../inventory/types.js';

export type Mesh = 'Istio' | 'Linkerd' | 'App Mesh';

export interface MeshMembership {
  mesh: Mesh;
  /** What shows it, for the finding: "container istio-proxy", "namespace label istio-injection=enabled". */
  evidence: string;
}

/** Proxy and traffic-redirect containers each mesh injects (App Mesh's are `envoy` and `proxyinit`, told apart by image). */
const MESH_CONTAINERS: readonly { name: string; mesh: Mesh; image?: RegExp }[] = [
  { name: 'istio-proxy', mesh: 'Istio' },
  { name: 'istio-init', mesh: 'Istio' },
  { name: 'istio-validation', mesh: 'Istio' },
  { name: 'linkerd-proxy', mesh: 'Linkerd' },
  { name: 'linkerd-init', mesh: 'Linkerd' },
  { name: 'envoy', mesh: 'App Mesh', image: /aws-appmesh-envoy/ },
  { name: 'proxyinit', mesh: 'App Mesh', image: /aws-appmesh-proxy-route-manager/ },
];

/** The API groups of each mesh's custom resources. */
const MESH_GROUPS: readonly { suffix: string; mesh: Mesh }[] = [
  { suffix: 'istio.io', mesh: 'Istio' },
  { suffix: 'linkerd.io', mesh: 'Linkerd' },
  { suffix: 'appmesh.k8s.aws', mesh: 'App Mesh' },
];

/** Kinds that configure the proxies of the pods in their own namespace (not gateways or routes). */
const POD_PROXY_KINDS = new Set(['Sidecar', 'PeerAuthentication', 'VirtualNode', 'Server', 'ServerAuthorization', 'AuthorizationPolicy']);

function meshOfGroup(apiVersion: string): Mesh | null {
  const group = apiVersion.split('/')[0] ?? '';
  return MESH_GROUPS.find((g) => group === g.suffix || group.endsWith(`.${g.suffix}`))?.mesh ?? null;
}

/** Namespace → the mesh objects that configure its pods' proxies, found once per inventory. */
const meshObjectsBy = new WeakMap<Inventory, Map<string, MeshMembership>>();

function meshObjectsByNamespace(inventory: Inventory): Map<string, MeshMembership> {
  return remembered(meshObjectsBy, inventory, () => {
    const out = new Map<string, MeshMembership>();
    for (const o of [...inventory.other].sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`))) {
      const mesh = meshOfGroup(o.apiVersion);
      if (!mesh || o.namespace === null || !POD_PROXY_KINDS.has(o.kind) || out.has(o.namespace)) continue;
      out.set(o.namespace, { mesh, evidence: `${mesh} ${o.kind} ${o.namespace}/${o.name} in its namespace` });
    }
    return out;
  });
}

function fromNamespace(index: InventoryIndex, namespace: string): MeshMembership | null {
  const ns = index.namespace(namespace);
  if (!ns) return null;
  const labels = ns.metadata.labels;
  const annotations = ns.metadata.annotations;
  if (labels['istio-injection'] === 'enabled') return { mesh: 'Istio', evidence: `namespace label istio-injection=enabled` };
  if (labels['istio.io/rev'] !== undefined && labels['istio-injection'] !== 'disabled')
    return { mesh: 'Istio', evidence: `namespace label istio.io/rev=${labels['istio.io/rev']}` };
  if (annotations['linkerd.io/inject'] === 'enabled') return { mesh: 'Linkerd', evidence: 'namespace annotation linkerd.io/inject=enabled' };
  if (labels['appmesh.k8s.aws/sidecarInjectorWebhook'] === 'enabled')
    return { mesh: 'App Mesh', evidence: 'namespace label appmesh.k8s.aws/sidecarInjectorWebhook=enabled' };
  return null;
}

/**
 * The mesh a workload's pods belong to, or null. An explicit opt-out on the pod template wins over
 * namespace-wide injection, as it does for the injectors themselves.
 */
export function meshMembership(index: InventoryIndex, w: Workload): MeshMembership | null {
  const spec = w.template.spec;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    const known = MESH_CONTAINERS.find((m) => m.name === c.name && (!m.image || m.image.test(c.image ?? '')));
    if (known) return { mesh: known.mesh, evidence: `container ${c.name}` };
  }
  const annotations = w.template.metadata.annotations ?? {};
  const labels = w.template.metadata.labels;
  if (annotations['sidecar.istio.io/status'] !== undefined) return { mesh: 'Istio', evidence: 'annotation sidecar.istio.io/status (injected)' };
  const istioOptIn = labels['sidecar.istio.io/inject'] ?? annotations['sidecar.istio.io/inject'];
  if (istioOptIn === 'false' || annotations['linkerd.io/inject'] === 'disabled') return null;
  if (istioOptIn === 'true') return { mesh: 'Istio', evidence: 'sidecar.istio.io/inject=true on the pod template' };
  if (annotations['linkerd.io/inject'] === 'enabled') return { mesh: 'Linkerd', evidence: 'annotation linkerd.io/inject=enabled on the pod template' };
  return fromNamespace(index, w.metadata.namespace) ?? meshObjectsByNamespace(index.inventory).get(w.metadata.namespace) ?? null;
}
