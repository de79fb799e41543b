import { CAPABILITY_MATRIX } from '../../capabilities/matrix.js';
import type { Mode } from '@modeshift/plan';
import { SEVERITIES } from '@modeshift/plan';
import { InventoryIndex } from '../../inventory/index-lookups.js';
import type { Inventory, ResourceRef } from '../../inventory/types.js';
import { computePlacement } from '../../placement/place.js';
import { whyFargateCannotRun } from '../../analysis/fargate-rejection.js';
import type { KubernetesVersion } from '../../version.js';
import { parseVersion } from '../../version.js';
import { flat } from '../../util/text.js';
import { noteOwners } from './owner-notes.js';
import { RULES } from './registry.js';
import type { FindingDraft, Rule, RuleContext, RuleFinding } from './types.js';

export function resourceKey(ref: ResourceRef | null): string {
  if (!ref) return 'cluster';
  return ref.namespace === null ? `${ref.kind}/${ref.name}` : `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export interface ContextOptions {
  target: Mode;
  /** Used when the inventory has no cluster description (`--cluster-version`). */
  clusterVersion?: string | null;
}

export function buildContext(inventory: Inventory, options: ContextOptions): RuleContext {
  const fromInventory = inventory.cluster?.version ? parseVersion(inventory.cluster.version) : null;
  const fromFlag = options.clusterVersion ? parseVersion(options.clusterVersion) : null;
  const clusterVersion: KubernetesVersion | null = fromInventory ?? fromFlag;
  const index = new InventoryIndex(inventory);
  return {
    inventory,
    index,
    placement: computePlacement(inventory, options.target, (w) => whyFargateCannotRun(index, w)),
    target: options.target,
    clusterVersion,
    matrix: CAPABILITY_MATRIX,
  };
}

const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));

/**
 * Draft fields that are set from the draft or the rule (as they always overrode whatever a draft
 * carried). A switch, not a set lookup: it runs for every key of every draft.
 */
function isSetKey(key: string): boolean {
  switch (key) {
    case 'severity':
    case 'resource':
    case 'message':
    case 'remediation':
    case 'action':
    case 'sources':
    case 'discriminator':
    case 'id':
    case 'rule':
    case 'capability':
      return true;
    default:
      return false;
  }
}

/**
 * Every finding gets the same fields in the same (sorted) order: code that reads findings then sees
 * one object shape, not one per rule, and the JSON writer need not re-sort them. A field a rule adds
 * beyond the draft type is carried over, as spreading the draft did.
 */
function finding(draft: FindingDraft, id: string, rule: Rule, sources: string[], texts: Texts): RuleFinding {
  const out: RuleFinding = {
    action: draft.action,
    capability: rule.capability,
    id,
    message: flat(draft.message),
    remediation: texts.once(draft.remediation),
    resource: draft.resource,
    rule: rule.id,
    severity: draft.severity,
    sources,
  };
  for (const key in draft) {
    if (!isSetKey(key) && Object.hasOwn(draft, key)) (out as unknown as Record<string, unknown>)[key] = (draft as unknown as Record<string, unknown>)[key];
  }
  return out;
}

/**
 * `<rule>:<resourceKey>[#<discriminator>]`, joined in one go: a flat string from the start, where a
 * template builds a tree of pieces that the id set and the sort flatten later. Every finding has one.
 */
function findingId(rule: Rule, ref: ResourceRef | null, discriminator: string | undefined): string {
  const parts = !ref
    ? [rule.id, ':cluster']
    : ref.namespace === null
      ? [rule.id, ':', ref.kind, '/', ref.name]
      : [rule.id, ':', ref.kind, '/', ref.namespace, '/', ref.name];
  if (discriminator) parts.push('#', discriminator);
  return parts.join('');
}

/** Remediations repeat from finding to finding (a few thousand texts for 50,000 findings): each is kept once. */
class Texts {
  private readonly seen = new Map<string, string>();

  once(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    this.seen.set(text, flat(text));
    return text;
  }
}

/**
 * Runs every rule that applies to the target; findings come back worst first, then by id. Findings
 * of one rule share their `sources` list: read it, never change it.
 */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const texts = new Texts();
  // An id starts with its rule's id and a colon, so with distinct, colon-free rule ids only a rule
  // can repeat its own ids: each rule's ids are checked on their own, in a set soon dropped rather
  // than one that holds every id until the end.
  const ids = rules.map((r) => r.id);
  const perRule = new Set(ids).size === ids.length && !ids.some((id) => id.includes(':'));
  let seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.targets.includes(ctx.target)) continue;
    if (perRule) seen = new Set();
    const row = ctx.matrix[ctx.target][rule.capability];
    // Most drafts add no sources of their own; their list is the row's, deduplicated once per rule.
    const rowSources = [...new Set(row.sources)];
    // Drafts that add sources mostly add the same one or two (in a list of their own each time):
    // merged with the row's once per distinct list. Sources are URLs, never holding a NUL.
    const merged = new Map<string, string[]>();
    for (const draft of rule.check(ctx, row)) {
      const { discriminator, sources: extra } = draft;
      const id = findingId(rule, draft.resource, discriminator);
      if (seen.has(id)) throw new Error(`rule ${rule.id} produced finding id ${id} twice`);
      seen.add(id);
      let sources = rowSources;
      if (extra && extra.length > 0) {
        const key = extra.length === 1 ? extra[0]! : `${extra.length}\u0000${extra.join('\u0000')}`;
        const known = merged.get(key);
        if (known) sources = known;
        else merged.set(key, (sources = [...new Set([...row.sources, ...extra])]));
      }
      findings.push(finding(draft, id, rule, sources, texts));
    }
  }
  noteOwners(findings, ctx.inventory);
  return findings.sort((a, b) => (severityRank.get(a.severity) ?? 0) - (severityRank.get(b.severity) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
