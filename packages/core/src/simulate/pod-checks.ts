import type { LogOutput } from '@modeshift/plan';
import { matchesSelector, matchesServiceSelector } from '../inventory/selectors.js';
import type { ServiceSpec } from '../kube.js';
import { wildcardMatch } from '../placement/fargate-profiles.js';
import { describeCompute } from '../placement/place.js';
import type { Compute } from '../placement/types.js';
import type { NodeClassGroups } from './capacity.js';
import { admitsFromOutside, isolatesIngress, type TargetPort } from '../analysis/network-policy-reach.js';
import { clusterVariable } from '../analysis/fluent-bit.js';
import { atLeast } from '../version.js';
import { COREDNS, IRSA_ANNOTATION, ranBefore, serviceAccountKey, type Baseline, type ClusterModel, type SimWorkload } from './model.js';
import { fargateLogOutputs, nodeLogOutputs, type NodeLogOutput } from './log-config.js';
import { tagsOfLogFile } from '../analysis/fargate-log-tags.js';
import type { Invariant } from './types.js';

/** Below this version Auto Mode ignores SecurityGroupPolicy (aws-facts, pod-security-groups row). */
const SGP_ON_AUTO_MODE = '1.36';

/** A NodeClass's groups, distinct and sorted, once per NodeClass (the object is replaced when the class changes). */
const sortedClassGroups = new WeakMap<NodeClassGroups, string[]>();

function classGroups(model: ClusterModel, nodePool: string): string[] {
  const nodeClass = model.capacity.nodeClasses.get(model.capacity.nodeClassOf(nodePool));
  if (!nodeClass) return [];
  let sorted = sortedClassGroups.get(nodeClass);
  if (!sorted) sortedClassGroups.set(nodeClass, (sorted = [...new Set(nodeClass.groups)].sort()));
  return sorted;
}

const NO_GROUPS = { groups: [] as string[], strayPolicy: null };

/** Security groups the workload's pods get where they land. */
export function groupsAt(model: ClusterModel, sim: SimWorkload, at: Compute): { groups: readonly string[]; strayPolicy: string | null } {
  const w = sim.workload;
  const inNamespace = model.securityGroupPolicies.get(w.metadata.namespace) ?? [];
  // Most namespaces have no SecurityGroupPolicy: the pods get what their compute gives them.
  if (inNamespace.length === 0) return at.type === 'auto-mode' ? { groups: classGroups(model, at.nodePool), strayPolicy: null } : NO_GROUPS;
  const saLabels = model.serviceAccounts.get(serviceAccountKey(w))?.labels ?? {};
  const policies = inNamespace.filter(
    (p) =>
      (p.podSelector !== undefined && matchesSelector(p.podSelector, w.template.metadata.labels)) ||
      (p.serviceAccountSelector !== undefined && matchesSelector(p.serviceAccountSelector, saLabels)),
  );
  // Every pod has the cluster security group wherever it runs; it is not what a move can lose.
  const fromPolicies = policies.flatMap((p) => p.groups).filter((g) => g !== model.capacity.clusterSg);
  if (at.type !== 'auto-mode') return { groups: [...new Set(fromPolicies)].sort(), strayPolicy: null };
  const honoured = model.version !== null && atLeast(model.version, SGP_ON_AUTO_MODE);
  return {
    groups: [...new Set([...classGroups(model, at.nodePool), ...(honoured ? fromPolicies : [])])].sort(),
    strayPolicy: !honoured && policies.length > 0 ? policies[0]!.name : null,
  };
}

function hasCredentials(model: ClusterModel, sim: SimWorkload, at: Compute): boolean {
  const sa = serviceAccountKey(sim.workload);
  const irsa = model.serviceAccounts.get(sa)?.annotations[IRSA_ANNOTATION] !== undefined && model.oidcProvider;
  return irsa || (model.podIdentity.has(sa) && at.type !== 'fargate');
}

/** A destination is an output's plugin and where it writes; stream naming and matching are not part of it. */
const NOT_DESTINATION = new Set([
  'match',
  'match_regex',
  'log_stream_prefix',
  'log_stream_name',
  'log_stream_template',
  'auto_create_group',
  'log_key',
  'log_format',
]);

/** Agents read the cluster and region from their environment; Fargate's router needs them written out. */
function resolve(value: string, model: ClusterModel): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, variable: string) => clusterVariable(variable, model.ctx.inventory.cluster) ?? whole);
}

export function destination(o: LogOutput, model: ClusterModel): string {
  const params = Object.entries(o.params)
    .filter(([k]) => !NOT_DESTINATION.has(k))
    .map(([k, v]): [string, string] => [k, resolve(v, model)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  return [o.plugin, ...params].join(' ');
}

/**
 * Whether an output's Match takes the workload's container logs. Fargate tags them
 * kube.var.log.containers.<pod>_<namespace>_<container>-<id>.log; a node agent tags them by the tail inputs
 * that read the file, or, when its inputs are not seen, with the prefix the output names itself.
 */
function matchesContainerLogs(o: LogOutput, sim: SimWorkload, prefix: 'kube' | null, containerInputs: readonly LogOutput[] = []): boolean {
  const match = o.params.match;
  if (match === undefined) return o.params.match_regex === undefined;
  const path = `/var/log/containers/${sim.workload.metadata.name}-0_${sim.workload.metadata.namespace}_container-0.log`;
  if (prefix === null && containerInputs.length > 0) return tagsOfLogFile(containerInputs, path, wildcardMatch).some((tag) => wildcardMatch(match, tag));
  const own = prefix ?? (match.includes('.') ? match.slice(0, match.indexOf('.')) : match);
  return wildcardMatch(match, `${own}.${path.slice(1).replace(/\//g, '.')}`);
}

/**
 * Log outputs are read once per state of the log configuration, not once per workload; and what a
 * workload's logs reach in that state is worked out once per workload and kind of compute (the
 * simulator checks a workload several times between two changes of the log configuration).
 */
export interface LogCache {
  /** Where the workload's container logs go when its pods run there: distinct, sorted. */
  shippedFrom(sim: SimWorkload, at: Compute): readonly string[];
}

export function logCache(model: ClusterModel): LogCache {
  let fargate: LogOutput[] | null = null;
  let nodes: NodeLogOutput[] | null = null;
  const destinations = new Map<LogOutput, string>();
  const destinationOf = (o: LogOutput): string => {
    let d = destinations.get(o);
    if (d === undefined) destinations.set(o, (d = destination(o, model)));
    return d;
  };
  const logsAt = (sim: SimWorkload, onFargate: boolean): string[] =>
    onFargate
      ? (fargate ??= fargateLogOutputs(model)).filter((o) => matchesContainerLogs(o, sim, 'kube')).map(destinationOf)
      : (nodes ??= nodeLogOutputs(model)).filter((n) => matchesContainerLogs(n.output, sim, null, n.containerInputs)).map((n) => destinationOf(n.output));
  // By workload key, one map per kind of compute: no key is built per call.
  const shipped = { fargate: new Map<string, readonly string[]>(), nodes: new Map<string, readonly string[]>() };
  return {
    shippedFrom(sim, at) {
      // Fargate's log router, or the node agents (on Auto Mode and node groups alike); nothing elsewhere.
      const onFargate = at.type === 'fargate';
      if (!onFargate && at.type !== 'auto-mode' && at.type !== 'managed-nodes') return [];
      const known = onFargate ? shipped.fargate : shipped.nodes;
      let found = known.get(sim.key);
      if (found === undefined) known.set(sim.key, (found = [...new Set(logsAt(sim, onFargate))].sort()));
      return found;
    },
  };
}

export function baselineOf(model: ClusterModel, sim: SimWorkload, logs: LogCache): Baseline {
  const at = sim.now;
  return { groups: [...groupsAt(model, sim, at).groups], credentials: hasCredentials(model, sim, at), logs: [...logs.shippedFrom(sim, at)] };
}

const listAnnotation = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : null;

/** Addresses a load balancer connects from: its named subnets, else those tagged for its scheme, else all (as the rule that writes the allow policies). */
function sourceCidrs(model: ClusterModel, subnets: string[] | null, internal: boolean): string[] {
  const all = model.ctx.inventory.subnets;
  let from = all;
  if (subnets) from = all.filter((x) => subnets.includes(x.id) || subnets.includes(x.tags.Name ?? ''));
  else {
    const role = internal ? 'kubernetes.io/role/internal-elb' : 'kubernetes.io/role/elb';
    const tagged = all.filter((x) => x.tags[role] !== undefined && x.tags[role] !== '0');
    if (tagged.length > 0) from = tagged;
  }
  return [...new Set(from.flatMap((x) => (x.cidrBlock ? [x.cidrBlock] : [])))].sort();
}

/** Ports a load balancer sends to on the workload's pods, with what sends them and from where. */
function loadBalancedPorts(model: ClusterModel, sim: SimWorkload): { via: string; target: TargetPort; cidrs: string[] }[] {
  const w = sim.workload;
  const ns = w.metadata.namespace;
  // An ALB sends only to its backends' ports; a load balancer Service to all of its own.
  const senders: { via: string; service: string; port: { name?: unknown; number?: unknown } | undefined; cidrs: string[] }[] = [];
  for (const ing of model.ingresses.get(ns)?.values() ?? []) {
    const a = ing.metadata.annotations;
    const cidrs = sourceCidrs(model, listAnnotation(a['alb.ingress.kubernetes.io/subnets']), a['alb.ingress.kubernetes.io/scheme'] !== 'internet-facing');
    const backends = [ing.spec.defaultBackend, ...(ing.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))];
    for (const b of backends) {
      const service = b?.service;
      if (service) senders.push({ via: `Ingress ${ns}/${ing.metadata.name}`, service: service.name, port: service.port, cidrs });
    }
  }
  for (const svc of model.services.get(ns)?.values() ?? []) {
    if (svc.spec.type !== 'LoadBalancer') continue;
    const a = svc.metadata.annotations;
    senders.push({
      via: `Service ${ns}/${svc.metadata.name}`,
      service: svc.metadata.name,
      port: undefined,
      cidrs: sourceCidrs(
        model,
        listAnnotation(a['service.beta.kubernetes.io/aws-load-balancer-subnets']),
        a['service.beta.kubernetes.io/aws-load-balancer-scheme'] !== 'internet-facing',
      ),
    });
  }
  const out: { via: string; target: TargetPort; cidrs: string[] }[] = [];
  for (const sender of senders) {
    const spec: ServiceSpec | undefined = model.services.get(ns)?.get(sender.service)?.spec;
    if (!spec || !matchesServiceSelector(spec.selector, w.template.metadata.labels)) continue;
    for (const port of spec.ports ?? []) {
      if (sender.port !== undefined && port.name !== sender.port.name && port.port !== sender.port.number) continue;
      const target = port.targetPort ?? port.port;
      const named = typeof target === 'string' && !/^\d+$/.test(target) ? target : null;
      const number =
        named === null ? Number(target) : (w.template.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === named)?.containerPort ?? null);
      out.push({ via: sender.via, target: { number, name: named, protocol: port.protocol ?? 'TCP' }, cidrs: sender.cidrs });
    }
  }
  return out;
}

function droppedLoadBalancerTraffic(model: ClusterModel, sim: SimWorkload): string | null {
  if (sim.now.type !== 'auto-mode') return null;
  const policies = [...(model.networkPolicies.get(sim.workload.metadata.namespace)?.values() ?? [])].filter((p) =>
    isolatesIngress(p, sim.workload.template.metadata.labels),
  );
  if (policies.length === 0) return null;
  for (const { via, target, cidrs } of loadBalancedPorts(model, sim)) {
    // Each of the load balancer's subnets must get through, by whichever peer covers it.
    const admitted = cidrs.length === 0 ? admitsFromOutside(policies, target, []) : cidrs.every((cidr) => admitsFromOutside(policies, target, [cidr]));
    if (!admitted)
      return `${via} sends load balancer traffic and health checks to port ${target.name ?? target.number}/${target.protocol}, which the namespace's NetworkPolicies, enforced on Auto Mode, do not admit from outside the cluster's pods`;
  }
  return null;
}

/** What is wrong with the workload where it lands now, by invariant; empty when nothing is. */
export function podProblems(model: ClusterModel, sim: SimWorkload, logs: LogCache): Map<Invariant, string> {
  const problems = new Map<Invariant, string>();
  if (sim.deleted || !ranBefore(sim) || sim.replicas === 0) return problems;
  const at = sim.now;
  if (at.type === 'pending') {
    problems.set('capacity', `its pods cannot be scheduled: ${at.reason}`);
    return problems;
  }
  const { groups, strayPolicy } = groupsAt(model, sim, at);
  const missing = sim.baseline.groups.filter((g) => !groups.includes(g));
  if (missing.length > 0)
    problems.set('security-groups', `its pods would run without security group${missing.length > 1 ? 's' : ''} ${missing.join(', ')} on ${where(at)}`);
  else if (strayPolicy)
    problems.set(
      'security-groups',
      `SecurityGroupPolicy ${strayPolicy} still selects its pods on Auto Mode below Kubernetes 1.36: the VPC resource controller may add pod-eni requests no Auto Mode node offers, leaving them Pending`,
    );
  if (sim.baseline.credentials && !hasCredentials(model, sim, at)) {
    problems.set(
      'identity',
      `its pods would have no AWS credentials on ${where(at)}: ${at.type === 'fargate' ? 'Pod Identity does not work on Fargate and its service account has no IRSA role' : 'its service account lost its IRSA role or the OIDC provider'}`,
    );
  }
  if (sim.baseline.logs.length > 0) {
    const shipped = logs.shippedFrom(sim, at);
    const lost = sim.baseline.logs.filter((d) => !shipped.includes(d));
    if (lost.length > 0)
      problems.set(
        'logs',
        `its container logs would no longer reach ${lost.length === 1 ? lost[0] : `${lost.length} destinations (${lost.join('; ')})`} on ${where(at)}`,
      );
  }
  const dropped = droppedLoadBalancerTraffic(model, sim);
  if (dropped) problems.set('network-policy', dropped);
  return problems;
}

/** Pods of the workload that need cluster DNS from CoreDNS (anything not on Auto Mode nodes). */
export function needsCoreDns(sim: SimWorkload): boolean {
  return (
    sim.key !== COREDNS && sim.workload.kind !== 'Job' && !sim.deleted && sim.replicas !== 0 && (sim.now.type === 'fargate' || sim.now.type === 'managed-nodes')
  );
}

/** Where pods land, as the plan's outcomes say it. */
export const where = describeCompute;
