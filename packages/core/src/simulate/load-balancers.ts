import type { Namespaced } from '../inventory/types.js';
import type { IngressSpec, ServiceSpec, StringMap } from '../kube.js';
import { inner, type ClusterModel } from './model.js';
import { serviceScheme } from '../analysis/load-balancer-scheme.js';

/** Who creates and runs an object's load balancer. */
export type Server =
  | { by: 'aws-load-balancer-controller' }
  | { by: 'auto-mode' }
  /** Kubernetes' in-tree AWS cloud provider (Classic / NLB instance mode), run by EKS itself. */
  | { by: 'in-tree' }
  /** A controller this model does not follow (nginx, Traefik…): assumed to keep serving. */
  | { by: 'other'; controller: string }
  | { by: 'nobody'; why: string };

const LBC_INGRESS = 'ingress.k8s.aws/alb';
const AUTO_INGRESS = 'eks.amazonaws.com/alb';

export function serviceServer(svc: Namespaced<ServiceSpec>): Server | null {
  if (svc.spec.type !== 'LoadBalancer') return null;
  const cls = svc.spec.loadBalancerClass;
  if (cls === 'eks.amazonaws.com/nlb') return { by: 'auto-mode' };
  if (cls === 'service.k8s.aws/nlb') return { by: 'aws-load-balancer-controller' };
  if (cls !== undefined) return { by: 'other', controller: cls };
  const type = svc.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-type'];
  return type === 'external' || type === 'nlb-ip' ? { by: 'aws-load-balancer-controller' } : { by: 'in-tree' };
}

export function ingressServer(model: ClusterModel, ing: Namespaced<IngressSpec>): Server {
  const name = ing.spec.ingressClassName ?? ing.metadata.annotations['kubernetes.io/ingress.class'];
  if (name === undefined) return { by: 'other', controller: 'the default IngressClass' };
  const cls = model.ingressClasses.get(name);
  if (!cls)
    return name === 'alb' && ing.spec.ingressClassName === undefined
      ? { by: 'aws-load-balancer-controller' }
      : { by: 'nobody', why: `IngressClass ${name} does not exist` };
  if (cls.controller === LBC_INGRESS) return { by: 'aws-load-balancer-controller' };
  if (cls.controller === AUTO_INGRESS) return { by: 'auto-mode' };
  return { by: 'other', controller: cls.controller };
}

/** Why nothing serves the load balancer now, or null when something does. */
export function unserved(model: ClusterModel, server: Server): string | null {
  switch (server.by) {
    case 'aws-load-balancer-controller':
      return model.lbcRunning() ? null : 'the AWS Load Balancer Controller that manages it is not installed or has nowhere to run';
    case 'auto-mode':
      return model.capacity.autoMode.loadBalancing ? null : "Auto Mode's load balancing, which manages it, is not enabled";
    case 'in-tree':
    case 'other':
      return null;
    case 'nobody':
      return server.why;
  }
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
  const auto = clsName !== undefined && model.ingressClasses.get(clsName)?.controller === AUTO_INGRESS;
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

function nlbScheme(svc: Namespaced<ServiceSpec>, server: Server | null): string {
  return serviceScheme(svc, server?.by === 'in-tree');
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

export function serviceCopyLoses(original: Namespaced<ServiceSpec>, copy: Namespaced<ServiceSpec>): string | null {
  const was = nlbScheme(original, serviceServer(original));
  const now = nlbScheme(copy, serviceServer(copy));
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
