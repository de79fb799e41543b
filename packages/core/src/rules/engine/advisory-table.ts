// Cluster-wide advisories share one shape: at most one finding, on no resource, asking the reader to
// review something when a condition about the whole cluster holds. Such rules are written as rows of
// a table (see ../cluster-advisories.ts) and turned into rules here.
import type { CapabilityId, Mode } from '@modeshift/plan';
import type { CapabilityRow } from '../../capabilities/types.js';
import type { Severity } from '@modeshift/plan';
import type { Rule, RuleContext } from './types.js';

export interface ClusterAdvisory {
  /** The rule id, as any rule's: part of the finding id. */
  id: string;
  /** As any rule's: the headline of its entry. */
  title: string;
  capability: CapabilityId;
  target: Mode;
  severity: Severity;
  /** When the advisory applies; nothing is reported otherwise. */
  when: (ctx: RuleContext) => boolean;
  /** Plain text, or worked out from the cluster and the capability matrix's row. */
  message: string | ((ctx: RuleContext, row: CapabilityRow) => string);
  remediation: string;
  /** Sources beyond the matrix row's. */
  sources?: string[];
}

/** One rule per row, reporting `cluster`-wide with a review action. */
export function clusterAdvisoryRules(rows: readonly ClusterAdvisory[]): Rule[] {
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    capability: row.capability,
    targets: [row.target],
    check(ctx, matrixRow) {
      if (!row.when(ctx)) return [];
      const message = typeof row.message === 'string' ? row.message : row.message(ctx, matrixRow);
      return [
        {
          severity: row.severity,
          resource: null,
          message,
          remediation: row.remediation,
          ...(row.sources ? { sources: row.sources } : {}),
          action: { type: 'review' },
        },
      ];
    },
  }));
}
