// EKS add-on image tags such as v1.19.2-eksbuild.1, compared without string tricks.

/** major, minor, patch and eksbuild number; a tag without an eksbuild suffix counts as build 0. */
export type AddonVersion = readonly [number, number, number, number];

export function parseAddonVersion(tag: string): AddonVersion | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-eksbuild\.(\d+))?$/.exec(tag.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
}

export function compareAddonVersions(a: AddonVersion, b: AddonVersion): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The tag of an image reference ("…/amazon-k8s-cni:v1.19.2-eksbuild.1" → "v1.19.2-eksbuild.1"); null for a digest or no tag. */
export function imageTag(image: string): string | null {
  if (image.includes('@')) return null;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon === -1 ? null : image.slice(colon + 1);
}
