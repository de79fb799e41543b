/** A Kubernetes minor version such as 1.31, comparable without string tricks. */
export interface KubernetesVersion {
  major: number;
  minor: number;
}

export function parseVersion(text: string): KubernetesVersion | null {
  const match = /^v?(\d+)\.(\d+)/.exec(text.trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function formatVersion(version: KubernetesVersion): string {
  return `${version.major}.${version.minor}`;
}

export function compareVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** True when `version` is at least `minimum` ("1.29"). */
export function atLeast(version: KubernetesVersion, minimum: string): boolean {
  const min = parseVersion(minimum);
  if (!min) throw new Error(`not a Kubernetes version: ${minimum}`);
  return compareVersions(version, min) >= 0;
}
