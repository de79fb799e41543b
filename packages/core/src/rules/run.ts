import { CAPABILITY_MATRIX } from '../capabilities/matrix.js';
import type { Mode } from '../capabilities/ids.js';
import { SEVERITIES, type Finding } from '../findings/types.js';
import { InventoryIndex } from '../inventory/index-lookups.js';
import type { Inventory, ResourceRef } from '../inventory/types.js';
import { computePlacement } from '../placement/place.js';
import type { KubernetesVersion } from '../version.js';
import { parseVersion } from '../version.js';
import { RULES } from './registry.js';
import type { Rule, RuleContext } from './types.js';

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

/** Runs every rule that applies to the target; findings come back worst first, then by id. */
export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.targets.includes(ctx.target)) continue;
    const row = ctx.matrix[ctx.target][rule.capability];
    for (const draft of rule.check(ctx, row)) {
      const { discriminator, sources: extra, ...rest } = draft;
      const id = `${rule.id}:${resourceKey(draft.resource)}${discriminator ? `#${discriminator}` : ''}`;
      if (seen.has(id)) throw new Error(`rule ${rule.id} produced finding id ${id} twice`);
      seen.add(id);
      findings.push({
        ...rest,
        id,
        rule: rule.id,
        capability: rule.capability,
        sources: [...new Set([...row.sources, ...(extra ?? [])])],
      });
    }
  }
  return findings.sort(
    (a, b) => (severityRank.get(a.severity) ?? 0) - (severityRank.get(b.severity) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
