import type { CapabilityId, Mode } from '@modeshift/plan';

export type Support = 'supported' | 'conditional' | 'not-supported';

/**
 * One row of the capability matrix: what one mode offers for one capability, with the evidence.
 * Rules read these rows; no rule hard-codes a support fact.
 */
export interface CapabilityRow {
  capability: CapabilityId;
  mode: Mode;
  support: Support;
  /** What "conditional" depends on, in words an operator can check. */
  condition: string | null;
  /** Machine-readable condition: the lowest Kubernetes minor version where the capability is supported. */
  minKubernetesVersion: string | null;
  /** One or two sentences, quoting AWS where possible. */
  summary: string;
  sources: string[];
  /** The date the sources were read (YYYY-MM-DD). */
  asOf: string;
}

export type CapabilityMatrix = Readonly<Record<Mode, Readonly<Record<CapabilityId, CapabilityRow>>>>;
