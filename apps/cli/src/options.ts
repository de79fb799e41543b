import {
  INVENTORY_DATE_EXPECTED,
  MODES,
  SEVERITIES,
  UserError,
  parseInventoryDate,
  parseVersion,
  type Mode,
  type Plan,
  type Severity,
} from '@modeshift/core/base';

export function parseMode(value: string | undefined): Mode {
  if (value === undefined) throw new UserError('usage', `--to is required: one of ${MODES.join(', ')}`);
  if (!(MODES as readonly string[]).includes(value)) throw new UserError('usage', `--to must be one of ${MODES.join(', ')}, not "${value}"`);
  return value as Mode;
}

export function parseSeverity(value: string | undefined): Severity | null {
  if (value === undefined) return null;
  const allowed = SEVERITIES.filter((s) => s !== 'gain');
  if (!(allowed as readonly string[]).includes(value)) throw new UserError('usage', `--fail-on must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as Severity;
}

export function parseClusterVersion(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^\d+\.\d+$/.test(value) || !parseVersion(value)) throw new UserError('usage', `--cluster-version must look like 1.31, not "${value}"`);
  return value;
}

export function parseInventoryDateOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (parseInventoryDate(value) === null) throw new UserError('usage', `--inventory-date ${INVENTORY_DATE_EXPECTED}, not "${value}"`);
  return value;
}

/**
 * `--fail-on`: true when the plan has a finding at `threshold` or worse, or is incomplete. Something
 * that could not be collected counts as a blocker, the worst severity, so every threshold reaches it.
 */
export function failsOn(plan: Pick<Plan, 'incomplete' | 'summary'>, threshold: Severity | null): boolean {
  if (!threshold) return false;
  return plan.incomplete.length > 0 || reachesThreshold(plan.summary.bySeverity, threshold);
}

/** True when the plan has a finding at `threshold` or worse. */
export function reachesThreshold(counts: Record<Severity, number>, threshold: Severity | null): boolean {
  if (!threshold) return false;
  const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(threshold) + 1);
  return worst.some((s) => counts[s] > 0);
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** "10m", "90s", "1h", "500ms" → milliseconds; anything else, or zero, is bad usage. */
export function parseDuration(flag: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
  if (!Number.isFinite(ms) || ms <= 0 || ms > 2_147_483_647) {
    throw new UserError('usage', `${flag} must be a duration such as 10m, 90s or 1h, not "${value}"`);
  }
  return ms;
}
