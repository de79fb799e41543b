// Cluster-level documents of a synthetic estate: describe-cluster and friends, capacity (Fargate
// profiles and node groups, or Auto Mode NodePools), storage and ingress classes. Their number does
// not grow with the estate, as in real clusters (Fargate allows 10 profiles per cluster).
import type { Random } from './random.js';

export type Direction = 'to-auto-mode' | 'to-fargate';

export const CLUSTER = 'estate-prod';
export const ACCOUNT = '111122223333';
// us-east-1: the Region the bundled price snapshot covers, so generated estates are costed like real ones.
export const REGION = 'us-east-1';
const VPC = 'vpc-0b7e3c91a4d25f608';
const ZONES = ['a', 'b', 'c'] as const;
export const PRIVATE_SUBNETS = ['subnet-0a4c7e2f91b3d5e68', 'subnet-0d19f6b3a7c2e8054', 'subnet-06e2b8d4f0a1c9735'];
const PUBLIC_SUBNETS = ['subnet-0c5a1d7e3b9f20846', 'subnet-0f3b9e6a2c8d41057', 'subnet-08d2f4a6c1e7b3590'];
const CLUSTER_SG = 'sg-0e6a2c8f4b1d3a597';
/** Security groups SecurityGroupPolicies hand to pods. */
export const POD_SGS = ['sg-0a9d3f5b7c1e2468a', 'sg-01b3c5d7e9f1a2b4c', 'sg-0c2e4a6b8d0f1e3a5'];

/** Namespace prefixes; each Fargate profile selects one of them with a wildcard. */
export const DOMAINS = ['shop', 'payments', 'search', 'data', 'ml', 'batch', 'web', 'platform'] as const;
export type Domain = (typeof DOMAINS)[number];

const tags = (entries: Record<string, string>) => Object.entries(entries).map(([Key, Value]) => ({ Key, Value }));

function describeCluster(direction: Direction): unknown {
  const auto = direction === 'to-fargate';
  return {
    cluster: {
      name: CLUSTER,
      arn: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`,
      createdAt: '2024-10-02T08:55:12.347000+00:00',
      version: '1.32',
      endpoint: `https://3F9B2C6E1A8D4E7F0B5C9A2D6E1F8B4C.gr7.${REGION}.eks.amazonaws.com`,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-cluster`,
      resourcesVpcConfig: {
        subnetIds: [...PRIVATE_SUBNETS, ...PUBLIC_SUBNETS],
        securityGroupIds: [],
        clusterSecurityGroupId: CLUSTER_SG,
        vpcId: VPC,
        endpointPublicAccess: true,
        endpointPrivateAccess: true,
      },
      kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4', elasticLoadBalancing: { enabled: auto } },
      identity: { oidc: { issuer: `https://oidc.eks.${REGION}.amazonaws.com/id/3F9B2C6E1A8D4E7F0B5C9A2D6E1F8B4C` } },
      status: 'ACTIVE',
      platformVersion: 'eks.20',
      tags: { Environment: 'production', Team: 'platform' },
      accessConfig: { authenticationMode: auto ? 'API' : 'API_AND_CONFIG_MAP' },
      computeConfig: auto
        ? { enabled: true, nodePools: ['general-purpose', 'system'], nodeRoleArn: `arn:aws:iam::${ACCOUNT}:role/AmazonEKSAutoNodeRole` }
        : { enabled: false },
      storageConfig: { blockStorage: { enabled: auto } },
    },
  };
}

function subnets(): unknown {
  const subnet = (id: string, i: number, isPublic: boolean) => ({
    AvailabilityZone: `${REGION}${ZONES[i % 3]}`,
    CidrBlock: `10.40.${(isPublic ? 0 : 64) + i * 16}.0/20`,
    MapPublicIpOnLaunch: isPublic,
    State: 'available',
    SubnetId: id,
    VpcId: VPC,
    OwnerId: ACCOUNT,
    Tags: tags({
      Name: `${CLUSTER}-${isPublic ? 'public' : 'private'}-${REGION}${ZONES[i % 3]}`,
      [isPublic ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb']: '1',
    }),
  });
  return { Subnets: [...PRIVATE_SUBNETS.map((id, i) => subnet(id, i, false)), ...PUBLIC_SUBNETS.map((id, i) => subnet(id, i, true))] };
}

function securityGroups(): unknown {
  const group = (id: string, name: string) => ({
    Description: `${name} security group`,
    GroupName: name,
    GroupId: id,
    OwnerId: ACCOUNT,
    VpcId: VPC,
    IpPermissions: [{ IpProtocol: '-1', IpRanges: [], UserIdGroupPairs: [{ GroupId: id, UserId: ACCOUNT }] }],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    Tags: tags({ Name: name }),
  });
  return { SecurityGroups: [group(CLUSTER_SG, `eks-cluster-sg-${CLUSTER}`), ...POD_SGS.map((id, i) => group(id, `${CLUSTER}-pods-${i}`))] };
}

function fargateProfile(name: string, selectors: { namespace: string; labels?: Record<string, string> }[]): unknown {
  return {
    fargateProfile: {
      fargateProfileName: name,
      fargateProfileArn: `arn:aws:eks:${REGION}:${ACCOUNT}:fargateprofile/${CLUSTER}/${name}/4d9f1c7e`,
      clusterName: CLUSTER,
      createdAt: '2025-02-11T14:02:51.130000+00:00',
      podExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-fargate-pod-execution`,
      subnets: PRIVATE_SUBNETS,
      selectors: selectors.map((s) => ({ namespace: s.namespace, labels: s.labels ?? {} })),
      status: 'ACTIVE',
      tags: { Team: 'platform' },
    },
  };
}

function nodegroup(name: string, instanceType: string, extra: { labels?: Record<string, string>; taints?: unknown[] }): unknown {
  return {
    nodegroup: {
      nodegroupName: name,
      clusterName: CLUSTER,
      status: 'ACTIVE',
      capacityType: 'ON_DEMAND',
      instanceTypes: [instanceType],
      amiType: name === 'gpu' ? 'AL2023_x86_64_NVIDIA' : 'AL2023_x86_64_STANDARD',
      scalingConfig: { minSize: 1, maxSize: 10, desiredSize: 3 },
      subnets: PRIVATE_SUBNETS,
      labels: extra.labels ?? {},
      taints: extra.taints ?? [],
    },
  };
}

function meta(rnd: Random, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { creationTimestamp: rnd.timestamp(), name, resourceVersion: String(rnd.int(1_000_000, 9_999_999)), uid: rnd.uid(), ...extra };
}

function nodePool(
  rnd: Random,
  name: string,
  requirements: unknown[],
  extra: { taints?: unknown[]; labels?: Record<string, string>; nodeClass?: string } = {},
): unknown {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: meta(rnd, name, { generation: 1 }),
    spec: {
      disruption: { budgets: [{ nodes: '10%' }], consolidateAfter: '30s', consolidationPolicy: 'WhenEmptyOrUnderutilized' },
      template: {
        metadata: extra.labels ? { labels: extra.labels } : {},
        spec: {
          expireAfter: '336h',
          nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: extra.nodeClass ?? 'default' },
          requirements,
          ...(extra.taints ? { taints: extra.taints } : {}),
        },
      },
    },
  };
}

const req = (key: string, ...values: string[]) => ({ key, operator: 'In', values });

function nodeClass(rnd: Random, name: string, podSgs: string[]): unknown {
  return {
    apiVersion: 'eks.amazonaws.com/v1',
    kind: 'NodeClass',
    metadata: meta(rnd, name, { generation: 1 }),
    spec: {
      ephemeralStorage: { size: '80Gi', iops: 3000, throughput: 125 },
      networkPolicy: 'DefaultAllow',
      role: 'AmazonEKSAutoNodeRole',
      securityGroupSelectorTerms: [{ id: CLUSTER_SG }, ...podSgs.map((id) => ({ id }))],
      subnetSelectorTerms: PRIVATE_SUBNETS.map((id) => ({ id })),
    },
  };
}

function storageClass(rnd: Random, name: string, provisioner: string, isDefault: boolean, parameters: Record<string, string>): unknown {
  const annotations = isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {};
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta(rnd, name, { annotations }),
    provisioner,
    parameters,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}

/** Everything that is not per namespace. */
export function clusterDocuments(rnd: Random, direction: Direction): unknown[] {
  const docs: unknown[] = [describeCluster(direction), subnets(), securityGroups()];
  if (direction === 'to-auto-mode') {
    docs.push(fargateProfile('kube-system', [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }]));
    docs.push(fargateProfile('monitoring', [{ namespace: 'monitoring' }]));
    for (const domain of DOMAINS) {
      if (domain === 'platform') continue; // platform teams run on the managed node group
      const labels = domain === 'batch' ? { 'workload-type': 'batch' } : undefined;
      docs.push(fargateProfile(`apps-${domain}`, [{ namespace: `${domain}-*`, labels }]));
    }
    docs.push(nodegroup('system', 'm6i.xlarge', { labels: { role: 'system' } }));
    docs.push(nodegroup('gpu', 'g5.2xlarge', { labels: { workload: 'gpu' }, taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NO_SCHEDULE' }] }));
    docs.push(storageClass(rnd, 'gp3', 'ebs.csi.aws.com', true, { type: 'gp3', encrypted: 'true' }));
    docs.push(storageClass(rnd, 'efs-sc', 'efs.csi.aws.com', false, { provisioningMode: 'efs-ap', fileSystemId: 'fs-0a1b2c3d4e5f60718' }));
    docs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta(rnd, 'alb'), spec: { controller: 'ingress.k8s.aws/alb' } });
  } else {
    docs.push(nodeClass(rnd, 'default', []), nodeClass(rnd, 'secure-apps', POD_SGS));
    const general = [
      req('karpenter.sh/capacity-type', 'on-demand'),
      req('eks.amazonaws.com/instance-category', 'c', 'm', 'r'),
      req('kubernetes.io/arch', 'amd64'),
    ];
    docs.push(
      nodePool(
        rnd,
        'gpu',
        [req('eks.amazonaws.com/instance-category', 'g'), req('karpenter.sh/capacity-type', 'on-demand'), req('kubernetes.io/arch', 'amd64')],
        { labels: { workload: 'gpu' }, taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }] },
      ),
    );
    docs.push(
      nodePool(
        rnd,
        'spot',
        [req('karpenter.sh/capacity-type', 'spot'), req('eks.amazonaws.com/instance-category', 'c', 'm', 'r'), req('kubernetes.io/arch', 'amd64')],
        { taints: [{ key: 'spot', value: 'true', effect: 'NoSchedule' }] },
      ),
    );
    docs.push(nodePool(rnd, 'graviton', [req('kubernetes.io/arch', 'arm64'), req('karpenter.sh/capacity-type', 'on-demand')]));
    docs.push(
      nodePool(rnd, 'secure-apps', general, {
        nodeClass: 'secure-apps',
        labels: { 'data-classification': 'pci' },
        taints: [{ key: 'pci', value: 'true', effect: 'NoSchedule' }],
      }),
    );
    docs.push(storageClass(rnd, 'auto-ebs-sc', 'ebs.csi.eks.amazonaws.com', true, { type: 'gp3', encrypted: 'true' }));
    docs.push(storageClass(rnd, 'efs-sc', 'efs.csi.aws.com', false, { provisioningMode: 'efs-ap', fileSystemId: 'fs-0a1b2c3d4e5f60718' }));
    docs.push({
      apiVersion: 'eks.amazonaws.com/v1',
      kind: 'IngressClassParams',
      metadata: meta(rnd, 'alb'),
      spec: { scheme: 'internet-facing', group: { name: 'estate-web' } },
    });
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: meta(rnd, 'alb', { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }),
      spec: { controller: 'eks.amazonaws.com/alb', parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'alb' } },
    });
  }
  return docs;
}
