// The scheme (internal or internet-facing) a Service's or Ingress's load balancer has today, so that a
// blue/green copy states it instead of taking the new controller's default. The defaults differ: the
// AWS Load Balancer Controller makes internal NLBs and ALBs unless told otherwise (its Service and
// Ingress annotation references: `aws-load-balancer-scheme` and `alb.ingress.kubernetes.io/scheme`
// default to `internal`; "since v2.2.0 the LBC provisions an internal NLB by default"), Auto Mode asks
// for `internet-facing` explicitly in every public example of [UG-alb] and [UG-nlb] (auto-configure-alb,
// auto-configure-nlb, auto-elb-example), while Kubernetes' in-tree AWS cloud provider makes
// internet-facing load balancers unless `aws-load-balancer-internal` is set (cloud-provider-aws
// service controller). A public site copied without its scheme would turn internal and vanish.
import type { Inventory, Namespaced } from '../inventory/types.js';
import type { IngressSpec, ServiceSpec, StringMap } from '../kube.js';
import type { InventoryIndex } from '../inventory/index-lookups.js';

export type Scheme = 'internal' | 'internet-facing';

export const SERVICE_SCHEME_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
export const INGRESS_SCHEME_ANNOTATION = 'alb.ingress.kubernetes.io/scheme';
/** The in-tree provider's switch (any value but "false" makes it internal); the controller reads it too, deprecated. */
const INTERNAL_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-internal';

const asScheme = (value: unknown): Scheme | null => (value === 'internal' || value === 'internet-facing' ? value : null);

/**
 * Whether the in-tree cloud provider serves the Service: no load balancer class, no controller type
 * annotation, and no Auto Mode load balancing, which becomes the default class when it is on.
 */
export function servedInTree(svc: Namespaced<ServiceSpec>, autoModeDefault: boolean): boolean {
  if (svc.spec.loadBalancerClass !== undefined || autoModeDefault) return false;
  const type = svc.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-type'];
  return type !== 'external' && type !== 'nlb-ip';
}

/** The scheme of a LoadBalancer Service's NLB (or Classic load balancer) today; `inTree`: the in-tree provider serves it. */
export function serviceScheme(svc: Namespaced<ServiceSpec>, inTree: boolean): Scheme {
  const a: StringMap = svc.metadata.annotations;
  const explicit = asScheme(a[SERVICE_SCHEME_ANNOTATION]);
  if (explicit) return explicit;
  const internal = a[INTERNAL_ANNOTATION]?.trim().toLowerCase();
  if (internal !== undefined && internal !== '' && internal !== 'false') return 'internal';
  return inTree ? 'internet-facing' : 'internal';
}

/** The spec of the IngressClassParams (Auto Mode's or the controller's) an IngressClass points at, or null. */
export function classParamsOf(inventory: Inventory, index: InventoryIndex, className: string | undefined): Record<string, unknown> | null {
  const cls = className !== undefined ? index.ingressClass(className) : index.defaultIngressClass();
  const ref = cls?.spec.parameters;
  if (!ref || ref.kind !== 'IngressClassParams') return null;
  return inventory.ingressClassParams.find((p) => p.metadata.name === ref.name && p.apiVersion.split('/')[0] === ref.apiGroup)?.spec ?? null;
}

/** The scheme its IngressClass's parameters set for every Ingress of the class, or null. */
export function classParamsScheme(inventory: Inventory, index: InventoryIndex, className: string | undefined): Scheme | null {
  return asScheme(classParamsOf(inventory, index, className)?.['scheme']);
}

/** The scheme of an Ingress's ALB today: its class's parameters win over its annotation; both controllers default to internal. */
export function ingressScheme(inventory: Inventory, index: InventoryIndex, ing: Namespaced<IngressSpec>): Scheme {
  const className = ing.spec.ingressClassName ?? ing.metadata.annotations['kubernetes.io/ingress.class'];
  return classParamsScheme(inventory, index, className) ?? asScheme(ing.metadata.annotations[INGRESS_SCHEME_ANNOTATION]) ?? 'internal';
}
