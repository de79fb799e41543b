import type { Namespaced } from '../inventory/types.js';
import type { IngressSpec, ServiceSpec, StringMap } from '../kube.js';
import { inner, type ClusterModel } from './model.js';
import { AUTO_MODE_ALB, ingressOwner, serviceOwner, type LoadBalancerOwner, type Ownership } from '../analysis/load-balancer-owner.js';
import { serviceScheme } from '../analysis/load-balancer-scheme.js';

/**
 * Who creates and runs an object's load balancer, decided as the rules decide it (analysis/load-balancer-owner.ts)
 * from the model's IngressClasses and the cluster as the inventory showed it before the plan: who owns a load
 * balancer is settled when it is created, and a later change (the controller installed, Auto Mode disabled)
 * does not hand it over.
 */
export function serviceServer(model: ClusterModel, svc: Namespaced<ServiceSpec>): Ownership | null {
  return serviceOwner(model.lbFacts, svc);
}

export function ingressServer(model: ClusterModel, ing: Namespaced<IngressSpec>): Ownership {
  return ingressOwner(model.lbFacts, ing);
}

/** Whether `owner` serves load balancers in the model now. */
function serves(model: ClusterModel, owner: LoadBalancerOwner): boolean {
  switch (owner) {
    case 'load-balancer-controller':
      return model.lbcRunning();
    case 'auto-mode':
      return model.capacity.autoMode.loadBalancing;
    case 'in-tree':
    case 'other':
      return true;
    case 'nobody':
      return false;
  }
}

function whyNot(owner: LoadBalancerOwner, ownership: Ownership): string {
  switch (owner) {
    case 'load-balancer-controller':
      return 'the AWS Load Balancer Controller that manages it is not installed or has nowhere to run';
    case 'auto-mode':
      return "Auto Mode's load balancing, which manages it, is not enabled";
    case 'in-tree':
    case 'other':
      return '';
    case 'nobody':
      return ownership.evidence;
  }
}

/**
 * Why nothing serves the load balancer now, or null when something does. Where the inventory did not decide
 * the owner, each candidate that served it before the plan is one it may have: if any of those stops, the
 * load balancer may be gone.
 */
export function unserved(model: ClusterModel, ownership: Ownership): string | null {
  const candidates = ownership.owners.length === 1 ? ownership.owners : ownership.owners.filter((o) => model.servedBeforePlan(o));
  const stopped = (candidates.length > 0 ? candidates : ownership.owners).find((o) => !serves(model, o));
  if (stopped === undefined) return null;
  const why = whyNot(stopped, ownership);
  return ownership.owners.length === 1
    ? why
    : `it may be served by ${stopped === 'auto-mode' ? 'Auto Mode' : 'the AWS Load Balancer Controller'} (${ownership.evidence}), and ${why}`;
}

/** What an ALB keeps across a blue/green copy. */
interface AlbSettings {
  scheme: string;
  certificates: string[];
  group: string | null;
  waf: boolean;
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function albSettings(model: ClusterModel, ing: Namespaced<IngressSpec>): AlbSettings {
  const a: StringMap = ing.metadata.annotations;
  const clsName = ing.spec.ingressClassName ?? a['kubernetes.io/ingress.class'];
  const paramsName = clsName ? model.ingressClasses.get(clsName)?.params : null;
  const params = (paramsName ? model.ingressClassParams.get(paramsName) : undefined) ?? {};
  // Auto Mode reads the group from IngressClassParams only, and WAF only as a WAFv2 ACL (aws-facts §4.7).
  const auto = clsName !== undefined && model.ingressClasses.get(clsName)?.controller === AUTO_MODE_ALB;
  const group = (params.group as { name?: string } | undefined)?.name ?? (auto ? undefined : a['alb.ingress.kubernetes.io/group.name']) ?? null;
  const certs = [
    ...list(a['alb.ingress.kubernetes.io/certificate-arn']),
    ...((params.certificateARNs as string[] | undefined) ?? []),
    ...((params.certificateArn as string[] | undefined) ?? []),
  ];
  return {
    scheme: (params.scheme as string | undefined) ?? a['alb.ingress.kubernetes.io/scheme'] ?? 'internal',
    certificates: [...new Set(certs)].sort(),
    group,
    waf:
      model.webAcls.has(`Ingress/${ing.metadata.namespace}/${ing.metadata.name}`) ||
      (auto
        ? ['alb.ingress.kubernetes.io/wafv2-acl-arn']
        : ['alb.ingress.kubernetes.io/waf-acl-id', 'alb.ingress.kubernetes.io/web-acl-id', 'alb.ingress.kubernetes.io/wafv2-acl-arn']
      ).some((k) => a[k] !== undefined),
  };
}

function nlbScheme(svc: Namespaced<ServiceSpec>, server: Ownership | null): string {
  // The in-tree provider defaults to internet-facing, the controllers to internal: an undecided owner may be either.
  return serviceScheme(svc, server?.owners.includes('in-tree') ?? false);
}

/** Ingresses sharing one ALB through an IngressBinding group, by group name. */
function groupMembers(model: ClusterModel, namespace: string, group: string): number {
  let n = 0;
  for (const ing of inner(model.ingresses, namespace).values()) if (albSettings(model, ing).group === group) n++;
  return n;
}

/** What a blue/green copy of an Ingress loses of its original, or null. */
export function ingressCopyLoses(model: ClusterModel, original: Namespaced<IngressSpec>, copy: Namespaced<IngressSpec>): string | null {
  const was = albSettings(model, original);
  const now = albSettings(model, copy);
  const lost: string[] = [];
  if (was.scheme !== now.scheme) lost.push(`scheme ${was.scheme} (the copy is ${now.scheme})`);
  const certs = was.certificates.filter((c) => !now.certificates.includes(c));
  if (certs.length > 0) lost.push(`certificate${certs.length > 1 ? 's' : ''} ${certs.join(', ')}`);
  if (was.group !== null && now.group === null && groupMembers(model, original.metadata.namespace, was.group) > 1)
    lost.push(`ALB group ${was.group} (its members would get one ALB each for one host name)`);
  if (was.waf && !now.waf) lost.push('its WAF web ACL (an internet-facing ALB would go live unprotected)');
  return lost.length > 0 ? lost.join('; ') : null;
}

export function serviceCopyLoses(model: ClusterModel, original: Namespaced<ServiceSpec>, copy: Namespaced<ServiceSpec>): string | null {
  const was = nlbScheme(original, serviceServer(model, original));
  const now = nlbScheme(copy, serviceServer(model, copy));
  return was === now ? null : `scheme ${was} (the copy is ${now})`;
}

/** Who still uses a Service by name: Ingress backends in its namespace and workloads that call it. */
export function serviceUsers(model: ClusterModel, namespace: string, name: string): string[] {
  const users: string[] = [];
  for (const ing of inner(model.ingresses, namespace).values()) {
    const backends = [
      ing.spec.defaultBackend?.service?.name,
      ...(ing.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend.service?.name)),
    ];
    if (backends.includes(name)) users.push(`Ingress ${namespace}/${ing.metadata.name}`);
  }
  for (const key of model.callers(namespace, name)) {
    const sim = model.workloads.get(key);
    if (sim && !sim.deleted) users.push(key);
  }
  return users;
}
