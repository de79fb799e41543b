import type { StringMap } from '../../kube.js';
import { shortHash } from '../../util/hash.js';

/** Every object modeshift emits carries this, so `kubectl get -l` finds (and cleans up) exactly what a plan created. */
export const MANAGED_BY: Readonly<StringMap> = { 'app.kubernetes.io/managed-by': 'modeshift' };

/** A copy with keys sorted: maps built from inventories must serialise to the same bytes on every run. */
export function sortedMap(map: StringMap | undefined): StringMap {
  const out: StringMap = {};
  for (const key of Object.keys(map ?? {}).sort()) out[key] = (map as StringMap)[key] as string;
  return out;
}

export function managedLabels(labels?: StringMap): StringMap {
  return sortedMap({ ...labels, ...MANAGED_BY });
}

/** IDs are sets to AWS: sorting and de-duplicating keeps output stable whatever order collection produced. */
export function idSet(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id !== ''))].sort();
}

/** The value, or a visible `<what>` placeholder the operator must fill in, never a plausible-looking guess. */
export function orPlaceholder(value: string | undefined, what: string): string {
  return value === undefined || value.trim() === '' ? `<${what}>` : value;
}

/**
 * `<name>-<suffix>` within `max` characters (63 for Services: an RFC 1035 label). Names that would not fit
 * keep a prefix plus a hash of the full name, so two long names never collapse into the same copy.
 */
export function blueGreenName(name: string, suffix: string, max = 63): string {
  const plain = `${name}-${suffix}`;
  if (plain.length <= max) return plain;
  const keep = Math.max(1, max - suffix.length - 10);
  return `${name.slice(0, keep).replace(/[-.]+$/, '')}-${shortHash([name])}-${suffix}`;
}

/** The AWS partition of a region, for ARNs: China and GovCloud regions are not in `aws`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
