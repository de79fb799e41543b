import { CAPABILITY_MATRIX } from '../capabilities/matrix.js';
import type { Mode } from '../capabilities/ids.js';
import { SEVERITIES, type Finding } from '../findings/types.js';
import { InventoryIndex } from '../inventory/index-lookups.js';
import type { Inventory, ResourceRef } from '../inventory/types.js';
import { computePlacement } from '../placement/place.js';
import type { KubernetesVersion } from '../version.js';
import { parseVersion } from '../version.js';
import { RULES } from './registry.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

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
  return {
    inventory,
    index: new InventoryIndex(inventory),
    placement: computePlacement(inventory, options.target),
    target: options.target,
    clusterVersion,
    matrix: CAPABILITY_MATRIX,
  };
}

const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));

/** Draft fields that are set from the draft or the rule (as they always overrode whatever a draft carried). */
const SET_KEYS = new Set(['severity', 'resource', 'message', 'remediation', 'action', 'sources', 'discriminator', 'id', 'rule', 'capability']);

/**
 * Every finding gets the same fields in the same (sorted) order: code that reads findings then sees
 * one object shape, not one per rule, and the JSON writer need not re-sort them. A field a rule adds
 * beyond the draft type is carried over, as spreading the draft did.
 */
function finding(draft: FindingDraft, id: string, rule: Rule, sources: string[]): Finding {
  const out: Finding = {
    action: draft.action,
    capability: rule.capability,
    id,
    message: draft.message,
    remediation: draft.remediation,
    resource: draft.resource,
    rule: rule.id,
    severity: draft.severity,
    sources,
  };
  for (const key in draft) {
    if (!SET_KEYS.has(key) && Object.hasOwn(draft, key)) (out as unknown as Record<string, unknown>)[key] = (draft as unknown as Record<string, unknown>)[key];
  }
  return out;
}

/** Runs every rule that applies to the target; findings come back worst first, then by id. */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.targets.includes(ctx.target)) continue;
    const row = ctx.matrix[ctx.target][rule.capability];
    // Most drafts add no sources of their own; their list is the row's, deduplicated once per rule.
    const rowSources = [...new Set(row.sources)];
    for (const draft of rule.check(ctx, row)) {
      const { discriminator, sources: extra } = draft;
      const id = `${rule.id}:${resourceKey(draft.resource)}${discriminator ? `#${discriminator}` : ''}`;
      if (seen.has(id)) throw new Error(`rule ${rule.id} produced finding id ${id} twice`);
      seen.add(id);
      const sources = extra && extra.length > 0 ? [...new Set([...row.sources, ...extra])] : rowSources.slice();
      findings.push(finding(draft, id, rule, sources));
    }
  }
  return findings.sort(
    (a, b) => (severityRank.get(a.severity) ?? 0) - (severityRank.get(b.severity) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
