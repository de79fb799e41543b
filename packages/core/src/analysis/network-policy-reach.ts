// What NetworkPolicies let through to a pod from outside the cluster's pods. The specs are read
// defensively: the loader keeps NetworkPolicy specs as written, and a rule must not crash on one.
import { matchesSelector } from '../inventory/selectors.js';
import type { StringMap } from '../kube.js';

/** A port a load balancer sends to: the Service's targetPort, with its number when the pod names it. */
export interface TargetPort {
  number: number | null;
  name: string | null;
  protocol: string;
}

interface PolicyPort {
  port?: unknown;
  endPort?: unknown;
  protocol?: unknown;
}

interface IngressRule {
  from?: unknown;
  ports?: unknown;
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Does the policy isolate the pods it selects for ingress? policyTypes defaults to Ingress. */
export function isolatesIngress(spec: Record<string, unknown>, podLabels: StringMap): boolean {
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : ['Ingress'];
  if (!types.includes('Ingress')) return false;
  const selector = record(spec.podSelector);
  return selector !== null && matchesSelector(selector, podLabels);
}

function ipv4(text: string): { net: number; bits: number } | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return null;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { net: address - (address % size), bits };
}

/** Whether every address of `inner` is in `outer`; unknown (null) when either is not an IPv4 CIDR. */
export function cidrContains(outer: string, inner: string): boolean | null {
  const o = ipv4(outer);
  const i = ipv4(inner);
  if (!o || !i) return null;
  if (o.bits > i.bits) return false;
  const size = 2 ** (32 - o.bits);
  return i.net - (i.net % size) === o.net;
}

function overlaps(a: string, b: string): boolean | null {
  const x = cidrContains(a, b);
  const y = cidrContains(b, a);
  return x === null || y === null ? null : x || y;
}

/**
 * A peer admits the load balancer when it is an ipBlock covering all its subnets. With no subnet
 * CIDRs to check against, any ipBlock counts: its author had outside traffic in mind.
 */
function peerAdmits(peer: unknown, sources: readonly string[]): boolean {
  const block = record(record(peer)?.ipBlock);
  if (block === null || typeof block.cidr !== 'string') return false;
  const cidr = block.cidr;
  const except = list(block.except).filter((e): e is string => typeof e === 'string');
  return sources.every((source) => cidrContains(cidr, source) !== false && !except.some((e) => overlaps(e, source) === true));
}

function portAdmits(raw: unknown, target: TargetPort): boolean {
  const p = (record(raw) ?? {}) as PolicyPort;
  if ((typeof p.protocol === 'string' ? p.protocol : 'TCP') !== target.protocol) return false;
  if (p.port === undefined || p.port === null) return true;
  if (typeof p.port === 'string' && !/^\d+$/.test(p.port)) return p.port === target.name;
  const from = Number(p.port);
  const to = typeof p.endPort === 'number' ? p.endPort : from;
  return target.number !== null && target.number >= from && target.number <= to;
}

/** True when some ingress rule of these (isolating) policies admits traffic from the load balancer's subnets to the port. */
export function admitsFromOutside(policies: readonly Record<string, unknown>[], target: TargetPort, sources: readonly string[]): boolean {
  for (const spec of policies) {
    for (const raw of list(spec.ingress)) {
      const rule = (record(raw) ?? {}) as IngressRule;
      const from = list(rule.from);
      const ports = list(rule.ports);
      const fromOk = from.length === 0 || from.some((peer) => peerAdmits(peer, sources));
      const portOk = ports.length === 0 || ports.some((port) => portAdmits(port, target));
      if (fromOk && portOk) return true;
    }
  }
  return false;
}
