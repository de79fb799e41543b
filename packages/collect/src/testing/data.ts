// What the fake servers hold. Tests build it from the recorded fixtures, or from any inventory
// directory (inventory-data.ts), so the same servers can play any cluster.

export type Json = Record<string, unknown>;

/** An object as the API server stores it: list items carry their own apiVersion and kind or not. */
export interface KubeObject {
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** One entry of `GET /apis` (an APIGroup). */
export interface ApiGroup {
  name: string;
  versions: { groupVersion: string; version: string }[];
  preferredVersion: { groupVersion: string; version: string };
}

export interface KubeData {
  /** The API groups `GET /apis` lists; core v1 is always served. */
  groups: ApiGroup[];
  /** "v1/pods", "apps/v1/deployments", "karpenter.sh/v1/nodepools" → the objects of that resource. */
  lists: ReadonlyMap<string, readonly KubeObject[]>;
}

export interface AwsData {
  /** As in `aws eks describe-cluster` under "cluster"; EKS knows this one cluster, by its `name`. */
  cluster: Json;
  fargateProfiles: Json[];
  nodegroups: Json[];
  /** Every security group and subnet of the account, in any VPC; EC2 answers what the request's filters match. */
  securityGroups: Json[];
  subnets: Json[];
}

export interface WorldData {
  kube: KubeData;
  aws: AwsData;
}

export function apiGroup(name: string, versions: readonly string[]): ApiGroup {
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  const preferred = entries[0];
  if (preferred === undefined) throw new Error(`API group ${name} needs a version`);
  return { name, versions: entries, preferredVersion: preferred };
}
