import { CAPABILITY_IDS, type CapabilityId, type Mode } from '@modeshift/plan';
import { AUTO_MODE_ROWS } from './matrix-auto-mode.js';
import { FARGATE_ROWS } from './matrix-fargate.js';
import type { CapabilityMatrix, CapabilityRow, Support } from './types.js';

/** [capability, support, condition, summary, sources, minKubernetesVersion?] */
export type RowData = [CapabilityId, Support, string | null, string, string[], string?];

/** The day ../shared/reference/aws-facts.md was compiled from AWS documentation. */
export const MATRIX_AS_OF = '2026-11-27';

function table(mode: Mode, rows: RowData[]): Record<CapabilityId, CapabilityRow> {
  const out = {} as Record<CapabilityId, CapabilityRow>;
  for (const [capability, support, condition, summary, sources, minKubernetesVersion] of rows) {
    if (out[capability]) throw new Error(`capability matrix: ${mode}/${capability} listed twice`);
    out[capability] = {
      capability,
      mode,
      support,
      condition,
      minKubernetesVersion: minKubernetesVersion ?? null,
      summary,
      sources,
      asOf: MATRIX_AS_OF,
    };
  }
  const missing = CAPABILITY_IDS.filter((id) => !out[id]);
  if (missing.length > 0) throw new Error(`capability matrix: ${mode} lacks ${missing.join(', ')}`);
  return out;
}

export const CAPABILITY_MATRIX: CapabilityMatrix = {
  'auto-mode': table('auto-mode', AUTO_MODE_ROWS),
  fargate: table('fargate', FARGATE_ROWS),
};
