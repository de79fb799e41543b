// AWS CLI / API JSON: describe-cluster, describe-fargate-profile, describe-nodegroup,
// describe-security-groups, describe-subnets, and the collector's own notCollected list and collection time.
import type { Origin, StringMap } from '../kube.js';
import { INVENTORY_DATE_EXPECTED, parseInventoryDate } from './collection-date.js';
import { sortKeyOf, type InventoryCollector } from './collector.js';
import { bool, conform, int, isRecord, labelMap, listOf, mapOf, name, nullable, object, required, ShapeError, str, stringList, stringMap } from './shape.js';
import type { Cluster, FargateProfile, Nodegroup, NotCollected, SecurityGroup, Subnet } from './types.js';

const clusterShape = object({
  name: required(name('eks')),
  arn: str,
  version: str,
  roleArn: str,
  resourcesVpcConfig: object({ vpcId: str, subnetIds: stringList, securityGroupIds: stringList, clusterSecurityGroupId: str }),
  accessConfig: object({ authenticationMode: str }),
  identity: object({ oidc: object({ issuer: str }) }),
  computeConfig: object({ enabled: bool, nodePools: stringList, nodeRoleArn: str }),
  storageConfig: object({ blockStorage: object({ enabled: bool }) }),
  kubernetesNetworkConfig: object({ elasticLoadBalancing: object({ enabled: bool }) }),
  tags: stringMap,
});

const fargateSelectorLabels = mapOf(name('wildcard-pattern'), 'wildcard-pattern');

const fargateProfileShape = object({
  fargateProfileName: required(name('eks')),
  clusterName: name('eks'),
  podExecutionRoleArn: str,
  subnets: stringList,
  selectors: listOf(object({ namespace: required(name('wildcard-pattern')), labels: fargateSelectorLabels })),
  status: str,
});

const nodegroupShape = object({
  nodegroupName: required(name('eks')),
  instanceTypes: stringList,
  capacityType: str,
  amiType: str,
  labels: labelMap,
  taints: listOf(object({ key: required(str), value: str, effect: required(str) })),
  subnets: stringList,
  scalingConfig: object({ desiredSize: int }),
});

const ec2Tags = listOf(object({ Key: required(str), Value: str }));
const securityGroupShape = object({ GroupId: required(str), GroupName: str, VpcId: str, Description: str, Tags: ec2Tags });
const subnetShape = object({
  SubnetId: required(str),
  VpcId: str,
  AvailabilityZone: str,
  CidrBlock: str,
  MapPublicIpOnLaunch: bool,
  Tags: ec2Tags,
});
const notCollectedShape = object({ kind: required(str), namespace: nullable(str), reason: required(str) });
const collectionShape = object({ collectedAt: required(str) });

/** "arn:aws:eks:us-east-1:111122223333:cluster/demo" → "us-east-1" */
function regionOfArn(arn: string | undefined): string | null {
  const parts = arn?.split(':');
  return parts && parts.length >= 6 && parts[0] === 'arn' && parts[3] ? parts[3] : null;
}

function tagsOf(tags: { Key: string; Value?: string }[] | undefined): StringMap {
  const out: StringMap = {};
  for (const tag of tags ?? []) out[tag.Key] = tag.Value ?? '';
  return out;
}

// The EKS API spells taint effects NO_SCHEDULE; Kubernetes spells them NoSchedule. Nodegroup taints
// are compared with pod tolerations, so they are stored the Kubernetes way.
const TAINT_EFFECTS: Record<string, string> = {
  NO_SCHEDULE: 'NoSchedule',
  NO_EXECUTE: 'NoExecute',
  PREFER_NO_SCHEDULE: 'PreferNoSchedule',
};

type Reader = (value: unknown, origin: Origin, out: InventoryCollector) => void;

/** One top-level key of an AWS output document: what it is called in messages and how it is read. */
interface AwsKey {
  source: string;
  read: Reader;
  /** The key holds a list whose items are read (and reported) one by one. */
  list?: boolean;
}

function readCluster(value: unknown, origin: Origin, out: InventoryCollector): void {
  const c = conform(clusterShape, value) as {
    name: string;
    arn?: string;
    version?: string;
    roleArn?: string;
    resourcesVpcConfig?: { vpcId?: string; subnetIds?: string[]; securityGroupIds?: string[]; clusterSecurityGroupId?: string };
    accessConfig?: { authenticationMode?: string };
    identity?: { oidc?: { issuer?: string } };
    computeConfig?: { enabled?: boolean; nodePools?: string[]; nodeRoleArn?: string };
    storageConfig?: { blockStorage?: { enabled?: boolean } };
    kubernetesNetworkConfig?: { elasticLoadBalancing?: { enabled?: boolean } };
    tags?: StringMap;
  };
  const vpc = c.resourcesVpcConfig ?? {};
  const cluster: Cluster = {
    name: c.name,
    arn: c.arn ?? null,
    region: regionOfArn(c.arn),
    version: c.version ?? null,
    roleArn: c.roleArn ?? null,
    vpcId: vpc.vpcId ?? null,
    subnetIds: vpc.subnetIds ?? [],
    securityGroupIds: vpc.securityGroupIds ?? [],
    clusterSecurityGroupId: vpc.clusterSecurityGroupId ?? null,
    authenticationMode: c.accessConfig?.authenticationMode ?? null,
    oidcIssuer: c.identity?.oidc?.issuer ?? null,
    autoMode: {
      enabled: c.computeConfig?.enabled ?? false,
      nodePools: c.computeConfig?.nodePools ?? [],
      nodeRoleArn: c.computeConfig?.nodeRoleArn ?? null,
      blockStorage: c.storageConfig?.blockStorage?.enabled ?? false,
      elasticLoadBalancing: c.kubernetesNetworkConfig?.elasticLoadBalancing?.enabled ?? false,
    },
    tags: c.tags ?? {},
    origin,
  };
  out.setCluster(cluster);
}

function readFargateProfile(value: unknown, origin: Origin, out: InventoryCollector): void {
  const p = conform(fargateProfileShape, value) as {
    fargateProfileName: string;
    clusterName?: string;
    podExecutionRoleArn?: string;
    subnets?: string[];
    selectors?: { namespace: string; labels?: StringMap }[];
    status?: string;
  };
  const profile: FargateProfile = {
    name: p.fargateProfileName,
    clusterName: p.clusterName ?? null,
    podExecutionRoleArn: p.podExecutionRoleArn ?? null,
    subnets: p.subnets ?? [],
    selectors: (p.selectors ?? []).map((s) => ({ namespace: s.namespace, labels: s.labels ?? {} })),
    status: p.status ?? null,
    origin,
  };
  out.add('fargateProfiles', profile, {
    identity: `${profile.clusterName ?? ''}/${profile.name}`,
    label: `Fargate profile ${profile.name}`,
    sortKey: sortKeyOf(profile.name, profile.clusterName),
    origin,
  });
}

function readNodegroup(value: unknown, origin: Origin, out: InventoryCollector): void {
  const n = conform(nodegroupShape, value) as {
    nodegroupName: string;
    instanceTypes?: string[];
    capacityType?: string;
    amiType?: string;
    labels?: StringMap;
    taints?: { key: string; value?: string; effect: string }[];
    subnets?: string[];
    scalingConfig?: { desiredSize?: number };
  };
  const nodegroup: Nodegroup = {
    name: n.nodegroupName,
    instanceTypes: n.instanceTypes ?? [],
    capacityType: n.capacityType ?? null,
    amiType: n.amiType ?? null,
    labels: n.labels ?? {},
    taints: (n.taints ?? []).map((t) => ({ ...t, effect: TAINT_EFFECTS[t.effect] ?? t.effect })),
    subnets: n.subnets ?? [],
    desiredSize: n.scalingConfig?.desiredSize ?? null,
    origin,
  };
  out.add('nodegroups', nodegroup, { identity: nodegroup.name, label: `nodegroup ${nodegroup.name}`, sortKey: nodegroup.name, origin });
}

function readSecurityGroup(value: unknown, origin: Origin, out: InventoryCollector): void {
  const g = conform(securityGroupShape, value) as {
    GroupId: string;
    GroupName?: string;
    VpcId?: string;
    Description?: string;
    Tags?: { Key: string; Value?: string }[];
  };
  const group: SecurityGroup = {
    id: g.GroupId,
    name: g.GroupName ?? null,
    vpcId: g.VpcId ?? null,
    description: g.Description ?? null,
    tags: tagsOf(g.Tags),
    origin,
  };
  out.add('securityGroups', group, { identity: group.id, label: `security group ${group.id}`, sortKey: group.id, origin });
}

function readSubnet(value: unknown, origin: Origin, out: InventoryCollector): void {
  const s = conform(subnetShape, value) as {
    SubnetId: string;
    VpcId?: string;
    AvailabilityZone?: string;
    CidrBlock?: string;
    MapPublicIpOnLaunch?: boolean;
    Tags?: { Key: string; Value?: string }[];
  };
  const subnet: Subnet = {
    id: s.SubnetId,
    vpcId: s.VpcId ?? null,
    availabilityZone: s.AvailabilityZone ?? null,
    cidrBlock: s.CidrBlock ?? null,
    public: s.MapPublicIpOnLaunch ?? false,
    tags: tagsOf(s.Tags),
    origin,
  };
  out.add('subnets', subnet, { identity: subnet.id, label: `subnet ${subnet.id}`, sortKey: subnet.id, origin });
}

function readNotCollected(value: unknown, _origin: Origin, out: InventoryCollector): void {
  const n = conform(notCollectedShape, value) as { kind: string; namespace?: string | null; reason: string };
  const entry: NotCollected = { kind: n.kind, namespace: n.namespace ?? null, reason: n.reason };
  const sortKey = sortKeyOf(entry.kind, entry.namespace, entry.reason);
  // Entries have no place of their own, so identical ones (the same directory read twice) merge silently.
  out.add('notCollected', entry, { identity: sortKey, label: `not collected ${entry.kind}`, sortKey, origin: null });
}

function readCollection(value: unknown, _origin: Origin, out: InventoryCollector): void {
  const { collectedAt } = conform(collectionShape, value) as { collectedAt: string };
  const time = parseInventoryDate(collectedAt);
  if (time === null) {
    const error = new ShapeError(INVENTORY_DATE_EXPECTED);
    error.path.push('collectedAt');
    throw error;
  }
  out.noteCollectedAt(collectedAt, time);
}

const AWS_KEYS = new Map<string, AwsKey>([
  ['cluster', { source: 'aws eks describe-cluster output', read: readCluster }],
  ['fargateProfile', { source: 'aws eks describe-fargate-profile output', read: readFargateProfile }],
  ['fargateProfiles', { source: 'Fargate profile list', read: readFargateProfile, list: true }],
  ['nodegroup', { source: 'aws eks describe-nodegroup output', read: readNodegroup }],
  ['SecurityGroups', { source: 'aws ec2 describe-security-groups output', read: readSecurityGroup, list: true }],
  ['Subnets', { source: 'aws ec2 describe-subnets output', read: readSubnet, list: true }],
  ['notCollected', { source: 'notCollected list', read: readNotCollected, list: true }],
  ['collection', { source: 'modeshift collection record', read: readCollection }],
]);

/** A failure in one part of an AWS document, with the document-relative path already in the error. */
export type AwsProblem = (source: string, error: ShapeError) => void;

/**
 * Reads every AWS output key the document holds; each key (and each list item) is read on its own,
 * so one bad security group does not lose the others. Returns false when the document holds none.
 * botocore "placebo" recordings wrap the response as `{"status_code": 200, "data": {…}}`.
 */
export function addAwsDocument(document: Record<string, unknown>, origin: Origin, out: InventoryCollector, report: AwsProblem): boolean {
  const data = typeof document.status_code === 'number' && isRecord(document.data) ? document.data : document;
  let recognised = false;
  for (const [key, value] of Object.entries(data)) {
    const known = AWS_KEYS.get(key);
    if (!known) continue;
    recognised = true;
    const items = known.list ? value : [value];
    if (!Array.isArray(items)) {
      const error = new ShapeError('must be a list');
      error.path.push(key);
      report(known.source, error);
      continue;
    }
    items.forEach((item: unknown, index) => {
      try {
        known.read(item, origin, out);
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
        error.path.unshift(...(known.list ? [key, index] : [key]));
        report(known.source, error);
      }
    });
  }
  return recognised;
}
