// Any inventory directory (kubectl-style Lists in YAML or JSON, AWS CLI JSON) as what the fake servers
// hold, so a test can collect an example back and compare. Kubernetes objects are served by kind under
// the paths a real API server uses; AWS documents by the keys the AWS CLI writes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { apiGroup, type ApiGroup, type AwsData, type Json, type KubeObject, type WorldData } from './data.js';

// Served by every cluster, whether or not the inventory has objects in them.
const BUILT_IN_GROUPS: Record<string, string[]> = {
  apps: ['v1'],
  batch: ['v1'],
  'networking.k8s.io': ['v1'],
  policy: ['v1'],
  autoscaling: ['v2', 'v1'],
  'storage.k8s.io': ['v1'],
};

const IRREGULAR_PLURALS: Record<string, string> = { IngressClassParams: 'ingressclassparams', Endpoints: 'endpoints' };

/** The resource name the API server uses for a kind: "NetworkPolicy" → "networkpolicies". */
export function resourceOf(kind: string): string {
  const irregular = IRREGULAR_PLURALS[kind];
  if (irregular !== undefined) return irregular;
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

async function inventoryFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await inventoryFiles(full)));
    else if (/\.(ya?ml|json)$/i.test(entry.name)) files.push(full);
  }
  return files;
}

/** Every document of a file, List items each on their own. JSON is read by the YAML parser too. */
function documents(file: string, text: string): Json[] {
  const out: Json[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message ?? 'invalid YAML'}`);
    const value: unknown = doc.toJS();
    if (!isObject(value)) continue;
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) out.push(...value.items.filter(isObject));
    else out.push(value);
  }
  return out;
}

class Holder {
  readonly lists = new Map<string, KubeObject[]>();
  readonly versions = new Map<string, Set<string>>();
  readonly aws: Partial<AwsData> & Omit<AwsData, 'cluster'> = { fargateProfiles: [], nodegroups: [], securityGroups: [], subnets: [] };

  add(file: string, doc: Json): void {
    if (typeof doc.apiVersion === 'string' && typeof doc.kind === 'string') return this.addKube(file, doc);
    if (isObject(doc.cluster)) this.aws.cluster = doc.cluster;
    if (isObject(doc.fargateProfile)) this.aws.fargateProfiles.push(doc.fargateProfile);
    if (Array.isArray(doc.fargateProfiles)) this.aws.fargateProfiles.push(...doc.fargateProfiles.filter(isObject));
    if (isObject(doc.nodegroup)) this.aws.nodegroups.push(doc.nodegroup);
    if (Array.isArray(doc.SecurityGroups)) this.aws.securityGroups.push(...doc.SecurityGroups.filter(isObject));
    if (Array.isArray(doc.Subnets)) this.aws.subnets.push(...doc.Subnets.filter(isObject));
  }

  private addKube(file: string, doc: Json): void {
    const { apiVersion, kind, ...rest } = doc as Json & { apiVersion: string; kind: string };
    if (!isObject(rest.metadata) || typeof rest.metadata.name !== 'string') throw new Error(`${file}: ${kind} without metadata.name`);
    const slash = apiVersion.indexOf('/');
    if (slash !== -1) {
      const group = apiVersion.slice(0, slash);
      const versions = this.versions.get(group) ?? new Set<string>();
      versions.add(apiVersion.slice(slash + 1));
      this.versions.set(group, versions);
    }
    // A real server's list items carry neither apiVersion nor kind: the collector must put them back.
    const key = `${apiVersion}/${resourceOf(kind)}`;
    const list = this.lists.get(key) ?? [];
    list.push(rest as KubeObject);
    this.lists.set(key, list);
  }

  groups(): ApiGroup[] {
    const all = new Map<string, string[]>(Object.entries(BUILT_IN_GROUPS));
    for (const [group, versions] of this.versions) all.set(group, [...new Set([...(all.get(group) ?? []), ...versions])]);
    return [...all.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([group, versions]) => apiGroup(group, versions));
  }
}

/**
 * Reads an inventory directory into what the fake servers serve. Throws on a file it cannot parse or
 * when no describe-cluster document is found (EKS must know the cluster).
 */
export async function inventoryData(dir: string): Promise<WorldData & { clusterName: string; clusterArn: string | null }> {
  const holder = new Holder();
  for (const file of await inventoryFiles(dir)) {
    for (const doc of documents(file, await readFile(file, 'utf8'))) holder.add(file, doc);
  }
  const { cluster, ...rest } = holder.aws;
  if (cluster === undefined || typeof cluster.name !== 'string') throw new Error(`${dir}: no aws eks describe-cluster output with a cluster name`);
  return {
    kube: { groups: holder.groups(), lists: holder.lists },
    aws: { cluster, ...rest },
    clusterName: cluster.name,
    clusterArn: typeof cluster.arn === 'string' ? cluster.arn : null,
  };
}
