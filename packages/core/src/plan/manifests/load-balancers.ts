import type { AlbClassParams } from '@modeshift/plan';
import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import type { IngressSpec, ObjectMeta, ServiceSpec, StringMap } from '../../kube.js';
import { blueGreenName, managedLabels, sortedMap } from './meta.js';

const INGRESS_TARGET_TYPE = 'alb.ingress.kubernetes.io/target-type';
const NLB_TARGET_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type';

// Never carried to a copy: the legacy class annotation is unsupported on Auto Mode and conflicts with
// spec.ingressClassName everywhere; `aws-load-balancer-type` is superseded by spec.loadBalancerClass
// (aws-facts §1); kubectl's last-applied copy describes the old object and would mislead a later apply.
const ALWAYS_DROPPED = ['kubernetes.io/ingress.class', 'service.beta.kubernetes.io/aws-load-balancer-type', 'kubectl.kubernetes.io/last-applied-configuration'];

// Allocated by the API server for the old Service; copying them makes the new one fail or collide.
const SERVICE_ALLOCATED = new Set(['clusterIP', 'clusterIPs', 'healthCheckNodePort']);

/**
 * IngressClassParams (eks.amazonaws.com/v1) and an IngressClass for Auto Mode's ALB (aws-facts §4.7). The
 * params stay empty unless asked: per-Ingress annotations (scheme, certificates) then keep applying, which is
 * what a blue/green copy of ungrouped Ingresses needs. `groupName` replaces the `group.name` annotation that
 * Auto Mode does not support ([UG-alb] auto-configure-alb: group.name in IngressClassParams); the group's
 * scheme, certificates and subnets go with it, as they hold for the one ALB the group shares. The class is not
 * marked default: it runs beside the existing controller's.
 */
export function autoModeIngressClassManifests(name: string, options: AlbClassParams = {}): Record<string, unknown>[] {
  const spec: Record<string, unknown> = {};
  if (options.certificateARNs !== undefined && options.certificateARNs.length > 0) spec['certificateARNs'] = [...options.certificateARNs];
  if (options.groupName !== undefined) spec['group'] = { name: options.groupName };
  if (options.scheme !== undefined) spec['scheme'] = options.scheme;
  if (options.subnetIds !== undefined && options.subnetIds.length > 0) spec['subnets'] = { ids: [...options.subnetIds] };
  return [
    { apiVersion: 'eks.amazonaws.com/v1', kind: 'IngressClassParams', metadata: { name, labels: managedLabels() }, spec },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name, labels: managedLabels() },
      spec: {
        controller: AUTO_MODE_FACTS.albController,
        parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name },
      },
    },
  ];
}

/**
 * A copy of an Ingress for the new controller, named `<name>-<suffix>`, to run beside the original until DNS
 * moves. Targets are always IP: Fargate supports nothing else, it is Auto Mode's default, and mid-migration a
 * Service's pods sit on Fargate and Auto Mode nodes at once, which only IP targets reach.
 */
export function blueGreenIngress(
  ingress: { metadata: ObjectMeta; spec: IngressSpec },
  input: { ingressClassName: string; suffix: string; dropAnnotations: string[]; annotations?: StringMap },
): Record<string, unknown> {
  const annotations = keptAnnotations(ingress.metadata.annotations, input.dropAnnotations);
  // What the old class's parameters said for every Ingress of the class wins, as it did there.
  Object.assign(annotations, input.annotations);
  annotations[INGRESS_TARGET_TYPE] = 'ip';
  const { ingressClassName: _old, ...rest } = clone(ingress.spec);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    // Ingress names are DNS subdomains (253 characters).
    metadata: copyMeta(ingress.metadata, blueGreenName(ingress.metadata.name, input.suffix, 253), annotations),
    spec: { ingressClassName: input.ingressClassName, ...sortedKeys(rest) },
  };
}

/**
 * A copy of a LoadBalancer Service with the new `loadBalancerClass` (Auto Mode: eks.amazonaws.com/nlb, AWS Load
 * Balancer Controller: service.k8s.aws/nlb). API-server-allocated fields (clusterIP, nodePorts) are dropped.
 * `annotations` are added last and win, including over the IP target type set for the reason given above.
 */
export function blueGreenService(
  service: { metadata: ObjectMeta; spec: ServiceSpec },
  input: { loadBalancerClass: string; suffix: string; dropAnnotations: string[]; annotations?: StringMap },
): Record<string, unknown> {
  const annotations = keptAnnotations(service.metadata.annotations, input.dropAnnotations);
  annotations[NLB_TARGET_TYPE] = 'ip';
  Object.assign(annotations, input.annotations);
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(clone(service.spec))) {
    if (!SERVICE_ALLOCATED.has(key) && key !== 'type' && key !== 'loadBalancerClass' && key !== 'ports') rest[key] = value;
  }
  const ports = (service.spec.ports ?? []).map(({ nodePort: _nodePort, ...port }) => ({ ...port }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    // Service names are RFC 1035 labels (63 characters).
    metadata: copyMeta(service.metadata, blueGreenName(service.metadata.name, input.suffix, 63), sortedMap(annotations)),
    spec: { type: 'LoadBalancer', loadBalancerClass: input.loadBalancerClass, ...(ports.length > 0 ? { ports } : {}), ...sortedKeys(rest) },
  };
}

function keptAnnotations(annotations: StringMap | undefined, drop: readonly string[]): StringMap {
  const dropped = new Set([...ALWAYS_DROPPED, ...drop]);
  const out: StringMap = {};
  for (const [key, value] of Object.entries(annotations ?? {})) if (!dropped.has(key)) out[key] = value;
  return out;
}

/**
 * The Ingress as the inventory has it, for a rollback that comes after the step deleted it: applying it
 * makes its controller create a load balancer again (with a new hostname). Server fields and kubectl's
 * last-applied copy stay behind (a saved resourceVersion would make re-creating it fail); the rest, the
 * class annotation included, is the object as it was.
 */
export function savedIngress(ingress: { metadata: ObjectMeta; spec: IngressSpec }): Record<string, unknown> {
  const { name, namespace, labels, annotations } = ingress.metadata;
  const { 'kubectl.kubernetes.io/last-applied-configuration': _applied, ...kept } = annotations;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(Object.keys(labels).length > 0 ? { labels: sortedMap(labels) } : {}),
      ...(Object.keys(kept).length > 0 ? { annotations: sortedMap(kept) } : {}),
    },
    spec: sortedKeys(clone(ingress.spec) as Record<string, unknown>),
  };
}

// Owner references and server fields stay behind: the copy belongs to whoever applies the plan.
function copyMeta(meta: ObjectMeta, name: string, annotations: StringMap): Record<string, unknown> {
  return {
    name,
    ...(meta.namespace !== undefined ? { namespace: meta.namespace } : {}),
    labels: managedLabels(meta.labels),
    annotations: sortedMap(annotations),
  };
}

function sortedKeys(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort()) if (obj[key] !== undefined) out[key] = obj[key];
  return out;
}

// Plain JSON data in, an independent copy out: later edits to the manifest must not reach the inventory.
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
