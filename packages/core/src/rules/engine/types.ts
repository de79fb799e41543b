import type { CapabilityId, Mode } from '@modeshift/plan';
import type { CapabilityMatrix, CapabilityRow } from '../../capabilities/types.js';
import type { Finding } from '@modeshift/plan';
import type { InventoryIndex } from '../../inventory/index-lookups.js';
import type { Inventory } from '../../inventory/types.js';
import type { Placement } from '../../placement/types.js';
import type { KubernetesVersion } from '../../version.js';

export interface RuleContext {
  inventory: Inventory;
  index: InventoryIndex;
  placement: Placement;
  /** The mode workloads move to. */
  target: Mode;
  /** The target cluster's Kubernetes version: from describe-cluster, else `--cluster-version`, else null. */
  clusterVersion: KubernetesVersion | null;
  matrix: CapabilityMatrix;
}

/**
 * A finding as the rules engine gives it: with its remediation and sources in full. A plan states
 * what a rule's findings share once, in its rule catalogue (see plan/rule-catalogue.ts).
 */
export type RuleFinding = Finding & { remediation: string; sources: string[] };

/** A finding as a rule states it; `id`, `rule`, `capability` and `sources` are filled in from the rule and the matrix. */
export type FindingDraft = Omit<RuleFinding, 'id' | 'rule' | 'capability' | 'sources'> & {
  /** Extra sources beyond the matrix row's. */
  sources?: string[];
  /** Distinguishes two findings of one rule on one resource (e.g. per container). */
  discriminator?: string;
};

export interface Rule {
  /** kebab-case, unique; part of every finding id. */
  id: string;
  /**
   * The headline of the rule's entry wherever findings are grouped (text, Markdown, wizard, the plan's
   * rule catalogue): a few words an operator recognises, names spelled as AWS and Kubernetes do.
   */
  title: string;
  capability: CapabilityId;
  /** The target modes the rule applies to. */
  targets: readonly Mode[];
  check(ctx: RuleContext, row: CapabilityRow): FindingDraft[];
}
