import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import { SOURCES } from '../../capabilities/sources.js';
import type { Namespaced, Subnet, Workload } from '../../inventory/types.js';
import type { IngressSpec, ServiceSpec, StringMap } from '../../kube.js';
import { admitsFromOutside, isolatesIngress, type TargetPort } from '../../analysis/network-policy-reach.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule, RuleContext } from '../engine/types.js';
import { currentType, movers } from '../../analysis/auto-mode-movers.js';
import { listNames } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { LOAD_BALANCER_CONTROLLER as LBC } from '../load-balancer/facts.js';
import { NETWORK_POLICY_CONTROLLER as NPC } from './facts.js';

type Service = Namespaced<ServiceSpec>;

/** A load balancer in front of a Service: what it is called and the Service ports it sends to. */
interface Entry {
  via: string;
  service: Service;
  ports: NonNullable<ServiceSpec['ports']>;
  /** Subnet IDs or Name tags from the annotation, or the scheme's role tag. */
  subnets: string[] | null;
  internal: boolean;
  /**
   * Where client traffic comes from when the NLB keeps client addresses (preserve_client_ip): its
   * source ranges, or anywhere for an internet-facing one. Empty: traffic comes from the LB's own addresses.
   */
  clients: string[];
}

const ALB_CONTROLLERS = new Set<string>([LBC.ingressController, AUTO_MODE_FACTS.albController]);

function albIngress(ctx: RuleContext, ing: Namespaced<IngressSpec>): boolean {
  const name = ing.spec.ingressClassName ?? ing.metadata.annotations[LBC.ingressClassAnnotation];
  const cls = name === undefined ? ctx.index.defaultIngressClass() : ctx.index.ingressClass(name);
  return cls ? ALB_CONTROLLERS.has(cls.spec.controller ?? '') : name === LBC.ingressClass;
}

const listAnnotation = (value: string | undefined) =>
  value === undefined
    ? null
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

const preservesClientIp = (a: StringMap) =>
  /preserve_client_ip\.enabled=true/.test(a['service.beta.kubernetes.io/aws-load-balancer-target-group-attributes'] ?? '');

/** Internal clients are somewhere in the VPC: the subnets cover them. */
function clientRanges(s: Service, a: StringMap): string[] {
  if (s.spec.loadBalancerSourceRanges?.length) return [...s.spec.loadBalancerSourceRanges];
  return a['service.beta.kubernetes.io/aws-load-balancer-scheme'] === 'internet-facing' ? ['0.0.0.0/0'] : [];
}

type BackendPort = { name?: unknown; number?: unknown } | undefined;

/** A backend's port as one key part: its name, else its number (an Ingress backend names one or the other). */
function portKey(port: BackendPort): string {
  if (typeof port?.name === 'string') return port.name;
  return typeof port?.number === 'number' ? String(port.number) : '';
}

/** Every load balancer entry, by the Service it sends to; one pass over Services and Ingresses. */
function entriesByService(ctx: RuleContext): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  const add = (namespace: string, name: string, entry: Omit<Entry, 'service'>) => {
    const service = ctx.index.service(namespace, name);
    if (!service || entry.ports.length === 0) return;
    const key = `${namespace}/${name}`;
    out.set(key, [...(out.get(key) ?? []), { ...entry, service }]);
  };
  for (const s of ctx.inventory.services) {
    if (s.spec.type !== 'LoadBalancer') continue;
    const a = s.metadata.annotations;
    add(s.metadata.namespace, s.metadata.name, {
      via: `Service ${s.metadata.namespace}/${s.metadata.name}`,
      ports: s.spec.ports ?? [],
      subnets: listAnnotation(a['service.beta.kubernetes.io/aws-load-balancer-subnets']),
      internal: a['service.beta.kubernetes.io/aws-load-balancer-scheme'] !== 'internet-facing',
      clients: preservesClientIp(a) ? clientRanges(s, a) : [],
    });
  }
  for (const ing of ctx.inventory.ingresses) {
    if (!albIngress(ctx, ing)) continue;
    const a = ing.metadata.annotations;
    const backends = [ing.spec.defaultBackend, ...(ing.spec.rules ?? []).flatMap((r) => r.http?.paths.map((p) => p.backend) ?? [])];
    const seen = new Set<string>();
    for (const backend of backends) {
      const name = backend?.service?.name;
      const port = backend?.service?.port;
      const key = `${name}:${portKey(port)}`;
      if (name === undefined || seen.has(key)) continue;
      seen.add(key);
      const service = ctx.index.service(ing.metadata.namespace, name);
      const ports = (service?.spec.ports ?? []).filter((p) => port === undefined || p.name === port.name || p.port === port.number);
      add(ing.metadata.namespace, name, {
        via: `Ingress ${ing.metadata.namespace}/${ing.metadata.name}`,
        ports,
        subnets: listAnnotation(a['alb.ingress.kubernetes.io/subnets']),
        internal: a['alb.ingress.kubernetes.io/scheme'] !== 'internet-facing',
        // An ALB always connects from its own addresses.
        clients: [],
      });
    }
  }
  return out;
}

/** The subnets a load balancer's addresses come from: named ones, else those tagged for its scheme, else all. */
function sourceSubnets(subnets: readonly Subnet[], entry: Entry): Subnet[] {
  if (entry.subnets) return subnets.filter((s) => entry.subnets!.includes(s.id) || entry.subnets!.includes(s.tags.Name ?? ''));
  const role = entry.internal ? 'kubernetes.io/role/internal-elb' : 'kubernetes.io/role/elb';
  const tagged = subnets.filter((s) => s.tags[role] !== undefined && s.tags[role] !== '0');
  return tagged.length > 0 ? tagged : [...subnets];
}

function targetPort(w: Workload, port: NonNullable<ServiceSpec['ports']>[number]): TargetPort {
  const target = port.targetPort ?? port.port;
  const protocol = port.protocol ?? 'TCP';
  if (typeof target === 'number' || /^\d+$/.test(target)) return { number: Number(target), name: null, protocol };
  const named = w.template.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target);
  return { number: named?.containerPort ?? null, name: target, protocol };
}

const cidrsOf = (subnets: readonly Subnet[]) => [...new Set(subnets.map((s) => s.cidrBlock).filter((c): c is string => c !== null))].sort();

/**
 * Load balancers send to pod IPs (IP targets: the only kind on Fargate, the default on Auto Mode) from
 * their own addresses in the VPC, which no podSelector or namespaceSelector matches. Fargate never
 * enforced NetworkPolicies, so a default-deny ingress policy may have looked harmless for years; on
 * Auto Mode, with the controller on, it drops the load balancer's traffic and health checks the moment
 * the pods land. Pods that come from EC2 nodes were already enforced, and are left to the review rule.
 */
export const autoModeNetworkPolicyLoadBalancerRule: Rule = {
  id: 'auto-mode-network-policy-load-balancer',
  title: 'NetworkPolicies and load balancer traffic',
  capability: 'network-policy',
  targets: ['auto-mode'],
  check(ctx) {
    if (ctx.inventory.networkPolicies.length === 0) return [];
    const entries = entriesByService(ctx);
    if (entries.size === 0) return [];
    const out: FindingDraft[] = [];
    for (const w of movers(ctx)) {
      if (currentType(ctx, w) !== 'fargate') continue;
      const ns = w.metadata.namespace;
      const labels: StringMap = w.template.metadata.labels;
      const policies = ctx.index.networkPoliciesIn(ns).filter((np) => isolatesIngress(np.spec, labels));
      if (policies.length === 0) continue;
      const blocked = new Map<string, { ports: TargetPort[]; cidrs: string[]; service: Service }>();
      for (const service of ctx.index.servicesFor(w)) {
        for (const entry of entries.get(`${ns}/${service.metadata.name}`) ?? []) {
          // Health checks always come from the load balancer's own addresses, client traffic maybe not.
          const cidrs = [...new Set([...cidrsOf(sourceSubnets(ctx.inventory.subnets, entry)), ...entry.clients])].sort();
          const ports = entry.ports
            .map((p) => targetPort(w, p))
            .filter(
              (t) =>
                !admitsFromOutside(
                  policies.map((p) => p.spec),
                  t,
                  cidrs,
                ),
            );
          if (ports.length === 0) continue;
          const earlier = blocked.get(entry.via);
          blocked.set(entry.via, { service, cidrs, ports: [...(earlier?.ports ?? []), ...ports] });
        }
      }
      if (blocked.size === 0) continue;
      const vias = [...blocked.keys()].sort();
      const ports = uniquePorts([...blocked.values()].flatMap((b) => b.ports));
      const cidrs = [...new Set([...blocked.values()].flatMap((b) => b.cidrs))].sort();
      const selector = [...blocked.values()][0]!.service.spec.selector ?? labels;
      const names = policies.map((p) => p.metadata.name).sort();
      const portText = `${ports.length === 1 ? 'port' : 'ports'} ${ports.map((p) => `${p.name ?? p.number}/${p.protocol}`).join(', ')}`;
      out.push({
        severity: 'change',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} is reached through ${listNames(vias)}, but NetworkPolicy ${listNames(names)} admits nothing from outside the cluster's pods on ${portText}. Fargate never enforced it; on Auto Mode the load balancer's traffic and health checks will be dropped and its targets go unhealthy.`,
        remediation: `Before the pods move (or the ${NPC.configMap} network policy controller is enabled), add a NetworkPolicy that admits the load balancer's subnets (${cidrs.length > 0 ? cidrs.join(', ') : 'the VPC CIDR'}) on ${portText}; the plan writes one. Policies add up, so the existing ones stay as they are.`,
        sources: [
          SOURCES.cniNetworkPolicy,
          SOURCES.autoNetworkPolicy,
          ...(vias.some((v) => v.startsWith('Ingress')) ? [SOURCES.autoAlb] : []),
          ...(vias.some((v) => v.startsWith('Service')) ? [SOURCES.autoNlb] : []),
        ],
        action: {
          type: 'security-groups',
          change: {
            kind: 'allow-load-balancer',
            namespace: ns,
            workload: w.metadata.name,
            podSelector: { ...selector },
            ports: ports.map(policyPort),
            cidrs,
            via: vias,
          },
        },
      });
    }
    return out;
  },
};

function uniquePorts(ports: TargetPort[]): TargetPort[] {
  const byKey = new Map(ports.map((p) => [`${p.name ?? p.number}/${p.protocol}`, p]));
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/** Named ports are kept as names: a NetworkPolicy resolves them against the pod itself. */
const policyPort = (p: TargetPort): { port: number | string; protocol: string } => ({ port: p.name ?? p.number ?? 0, protocol: p.protocol });
