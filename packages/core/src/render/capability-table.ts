import { CAPABILITY_IDS } from '@modeshift/plan';
import type { CapabilityMatrix, Support } from '../capabilities/types.js';

const MARK: Record<Support, string> = { supported: 'yes', conditional: 'with conditions', 'not-supported': 'no' };

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The README's "what it checks" table, generated from the matrix so the two cannot drift
 * (a test compares the README with this output).
 */
export function renderCapabilityTable(matrix: CapabilityMatrix): string {
  const lines = ['| capability | EKS Auto Mode | EKS on Fargate | as of | sources |', '|---|---|---|---|---|'];
  for (const id of CAPABILITY_IDS) {
    const auto = matrix['auto-mode'][id];
    const fargate = matrix.fargate[id];
    const describe = (row: typeof auto) => cell(`${MARK[row.support]}${row.minKubernetesVersion ? ` (from ${row.minKubernetesVersion})` : ''}`);
    const sources = [...new Set([...auto.sources, ...fargate.sources])].map((url, i) => `[${i + 1}](${url})`).join(' ');
    lines.push(`| \`${id}\` | ${describe(auto)} | ${describe(fargate)} | ${auto.asOf} | ${sources} |`);
  }
  return `${lines.join('\n')}\n`;
}
