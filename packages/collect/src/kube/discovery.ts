import { UserError } from '@modeshift/core';
import type { KindSpec } from '../kinds.js';
import type { KubeTransport } from './transport.js';

/** Which API groups (and versions) the server serves, from `GET /apis`. Only CRD kinds consult it. */
export interface Discovery {
  /** Discovery itself was refused (403): CRD kinds cannot be told present or absent. */
  forbidden: boolean;
  groups: ReadonlyMap<string, ReadonlySet<string>>;
}

export async function discover(transport: KubeTransport): Promise<Discovery> {
  const result = await transport.get('API discovery', '/apis');
  if (!result.ok) {
    // 404 would mean a server without API groups at all; treat it as "no CRDs" rather than an error.
    return { forbidden: result.status === 403, groups: new Map() };
  }
  const body = result.body as { kind?: unknown; groups?: unknown };
  if (!Array.isArray(body.groups)) {
    throw new UserError('api', 'The Kubernetes API server answered GET /apis with something that is not an APIGroupList.');
  }
  const groups = new Map<string, Set<string>>();
  for (const group of body.groups as { name?: unknown; versions?: unknown }[]) {
    if (typeof group.name !== 'string' || !Array.isArray(group.versions)) continue;
    const versions = new Set<string>();
    for (const v of group.versions as { version?: unknown }[]) if (typeof v.version === 'string') versions.add(v.version);
    groups.set(group.name, versions);
  }
  return { forbidden: false, groups };
}

export type VersionChoice = { version: string } | { absent: true } | { forbidden: true };

/** Built-in kinds use their one version; a CRD uses the first version we know that its group serves. */
export function chooseVersion(spec: KindSpec, discovery: Discovery): VersionChoice {
  const first = spec.versions[0];
  if (!spec.optional && first !== undefined) return { version: first };
  if (discovery.forbidden) return { forbidden: true };
  const served = discovery.groups.get(spec.group);
  const version = served === undefined ? undefined : spec.versions.find((v) => served.has(v));
  return version === undefined ? { absent: true } : { version };
}
