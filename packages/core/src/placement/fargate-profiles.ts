import type { StringMap } from '../kube.js';
import type { FargateProfile, Workload } from '../inventory/types.js';

/** Opting a pod out of Fargate: AWS's migration mechanism (aws-facts §0.2). */
export const COMPUTE_TYPE_ANNOTATION = 'eks.amazonaws.com/compute-type';

const patternCache = new Map<string, RegExp>();

/** Fargate selector wildcards: `*` any run of characters, `?` one character; everything else literal. */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === value;
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`);
    patternCache.set(pattern, re);
  }
  return re.test(value);
}

// Loops over own keys rather than Object.entries: every workload is matched against every profile.
function labelsMatch(selector: StringMap, labels: StringMap): boolean {
  for (const keyPattern in selector) {
    if (!Object.hasOwn(selector, keyPattern)) continue;
    const valuePattern = selector[keyPattern]!;
    let hit = false;
    for (const k in labels) {
      if (Object.hasOwn(labels, k) && wildcardMatch(keyPattern, k) && wildcardMatch(valuePattern, labels[k]!)) {
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  return true;
}

export function profileSelects(profile: FargateProfile, namespace: string, labels: StringMap): boolean {
  return profile.selectors.some((s) => wildcardMatch(s.namespace, namespace) && labelsMatch(s.labels, labels));
}

/**
 * The profile Fargate would schedule the workload's pods with, or null. When several match,
 * Fargate picks by alphanumeric order of profile name (aws-facts §1); a pod annotated
 * `eks.amazonaws.com/compute-type: ec2` is never scheduled by Fargate (`ignoreComputeType`: match
 * as if that annotation were gone, as it is once the plan removes it).
 */
export function matchFargateProfile(profiles: FargateProfile[], workload: Workload, options: { ignoreComputeType?: boolean } = {}): FargateProfile | null {
  const annotations = workload.template.metadata.annotations;
  if (!options.ignoreComputeType && annotations[COMPUTE_TYPE_ANNOTATION] === 'ec2') return null;
  const pinned = workload.template.metadata.labels['eks.amazonaws.com/fargate-profile'];
  let best: FargateProfile | null = null;
  for (const profile of profiles) {
    if (profile.status && profile.status !== 'ACTIVE' && profile.status !== 'CREATING') continue;
    if (pinned !== undefined && profile.name !== pinned) continue;
    if (!profileSelects(profile, workload.metadata.namespace, workload.template.metadata.labels)) continue;
    if (best === null || profile.name < best.name) best = profile;
  }
  return best;
}
