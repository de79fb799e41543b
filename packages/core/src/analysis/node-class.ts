// NodeClass lookups for the Fargate rules: which NodeClass a workload's NodePool uses, and what its
// selector terms resolve to with the AWS API output the inventory holds (describe-security-groups,
// describe-subnets). Selectors by tag or name cannot be resolved offline without that output.
import type { Inventory, SecurityGroup, Subnet } from '../inventory/types.js';
import type { KubeObject, NodeClassSpec, SelectorTerm, StringMap } from '../kube.js';
import { BUILTIN_POOLS } from '../placement/node-pools.js';
import type { RuleContext } from '../rules/engine/types.js';

/** The Auto Mode NodeClass (eks.amazonaws.com) behind a NodePool, when it is in the inventory. */
export function autoNodeClassOf(ctx: RuleContext, pool: string): KubeObject<NodeClassSpec> | null {
  const custom = ctx.index.nodePool(pool);
  if (!custom) return BUILTIN_POOLS[pool] ? (ctx.index.nodeClass('NodeClass', 'default') ?? null) : null;
  const ref = custom.spec.template?.spec?.nodeClassRef;
  if (ref?.group !== 'eks.amazonaws.com' || !ref.name) return null;
  return ctx.index.nodeClass(ref.kind ?? 'NodeClass', ref.name) ?? null;
}

function tagsMatch(wanted: StringMap | undefined, tags: StringMap): boolean {
  // Karpenter-style selectors: "*" as a value means "the tag exists".
  return Object.entries(wanted ?? {}).every(([k, v]) => (v === '*' ? k in tags : tags[k] === v));
}

function describeTerm(term: SelectorTerm): string {
  if (term.id) return term.id;
  const parts = [...(term.name ? [`name ${term.name}`] : []), ...Object.entries(term.tags ?? {}).map(([k, v]) => `tag ${k}=${v}`)];
  return parts.join(', ') || 'an empty term';
}

export interface Resolved<T> {
  found: T[];
  /** Terms nothing in the inventory matched, described for a message. */
  unresolved: string[];
}

/** Security groups: an id stands for itself even when the group is not in the inventory. */
export function resolveSecurityGroups(inventory: Inventory, terms: SelectorTerm[]): Resolved<string> {
  const found = new Set<string>();
  const unresolved: string[] = [];
  for (const term of terms) {
    if (term.id) {
      found.add(term.id);
      continue;
    }
    const hits: SecurityGroup[] = inventory.securityGroups.filter((g) => (!term.name || g.name === term.name) && tagsMatch(term.tags, g.tags));
    if (hits.length === 0 || (!term.name && !term.tags)) unresolved.push(describeTerm(term));
    for (const g of hits) found.add(g.id);
  }
  return { found: [...found].sort(), unresolved };
}

/** Subnets: only those in the inventory count, since whether a subnet is public is what matters. */
export function resolveSubnets(inventory: Inventory, terms: SelectorTerm[]): Resolved<Subnet> {
  const found = new Map<string, Subnet>();
  const unresolved: string[] = [];
  for (const term of terms) {
    const hits = inventory.subnets.filter((s) => (term.id ? s.id === term.id : Boolean(term.tags)) && tagsMatch(term.tags, s.tags));
    if (hits.length === 0) unresolved.push(describeTerm(term));
    for (const s of hits) found.set(s.id, s);
  }
  return { found: [...found.values()], unresolved };
}

export interface PublicNodeClass {
  name: string;
  /** Why its nodes get public addresses, for a message. */
  why: string;
}

const publicCache = new WeakMap<object, Map<string, PublicNodeClass | null>>();

/**
 * Whether nodes of the pool's NodeClass get public IPv4 addresses: associatePublicIPAddress is true,
 * or every subnet its selectors resolve to (through describe-subnets output) is public. Unresolvable
 * selectors count as not public: no blocker without evidence.
 */
export function publicNodeClassOf(ctx: RuleContext, pool: string): PublicNodeClass | null {
  let perPool = publicCache.get(ctx.index);
  if (!perPool) publicCache.set(ctx.index, (perPool = new Map<string, PublicNodeClass | null>()));
  if (perPool.has(pool)) return perPool.get(pool) ?? null;
  const nc = autoNodeClassOf(ctx, pool);
  let result: PublicNodeClass | null = null;
  if (nc && nc.spec.advancedNetworking?.associatePublicIPAddress === true) {
    result = { name: nc.metadata.name, why: 'advancedNetworking.associatePublicIPAddress is true' };
  } else if (nc) {
    const { found, unresolved } = resolveSubnets(ctx.inventory, nc.spec.subnetSelectorTerms ?? []);
    if (found.length > 0 && unresolved.length === 0 && found.every((s) => s.public)) {
      result = { name: nc.metadata.name, why: `its subnets (${found.map((s) => s.id).sort().join(', ')}) are all public` };
    }
  }
  perPool.set(pool, result);
  return result;
}
