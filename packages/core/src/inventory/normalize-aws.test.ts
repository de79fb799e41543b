import { describe, expect, it } from 'vitest';
import { normalize } from './__fixtures__/raw.js';

const describeCluster = {
  cluster: {
    name: 'demo',
    arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/demo',
    createdAt: '2026-01-01T10:00:00.000000+00:00',
    version: '1.31',
    roleArn: 'arn:aws:iam::111122223333:role/demo-cluster',
    resourcesVpcConfig: { subnetIds: ['subnet-a', 'subnet-b'], securityGroupIds: ['sg-extra'], clusterSecurityGroupId: 'sg-cluster', vpcId: 'vpc-1' },
    kubernetesNetworkConfig: { serviceIpv4Cidr: '10.100.0.0/16' },
    identity: { oidc: { issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC' } },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    tags: { team: 'platform' },
  },
};

describe('AWS CLI outputs', () => {
  it('reads aws eks describe-cluster, the region from the ARN', () => {
    const { inventory, problems } = normalize(describeCluster);
    expect(problems).toEqual([]);
    expect(inventory.cluster).toEqual({
      name: 'demo',
      arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/demo',
      region: 'eu-west-1',
      version: '1.31',
      roleArn: 'arn:aws:iam::111122223333:role/demo-cluster',
      vpcId: 'vpc-1',
      subnetIds: ['subnet-a', 'subnet-b'],
      securityGroupIds: ['sg-extra'],
      clusterSecurityGroupId: 'sg-cluster',
      authenticationMode: 'API_AND_CONFIG_MAP',
      oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC',
      autoMode: { enabled: false, nodePools: [], nodeRoleArn: null, blockStorage: false, elasticLoadBalancing: false },
      tags: { team: 'platform' },
      origin: { file: 'inventory.yaml', line: 10 },
    });
  });

  it('reads a botocore placebo recording of an Auto Mode cluster', () => {
    const { inventory, problems } = normalize({
      status_code: 200,
      data: {
        ResponseMetadata: {},
        cluster: {
          name: 'auto',
          arn: 'arn:aws:eks:us-east-1:644160558196:cluster/auto',
          createdAt: { __class__: 'datetime', year: 2026, month: 3, day: 30, hour: 12, minute: 2, second: 31, microsecond: 0 },
          version: '1.35',
          kubernetesNetworkConfig: { elasticLoadBalancing: { enabled: true } },
          computeConfig: { enabled: true, nodePools: ['general-purpose', 'system'], nodeRoleArn: 'arn:aws:iam::644160558196:role/AmazonEKSAutoNodeRole' },
          storageConfig: { blockStorage: { enabled: true } },
        },
      },
    });
    expect(problems).toEqual([]);
    expect(inventory.cluster?.region).toBe('us-east-1');
    expect(inventory.cluster?.autoMode).toEqual({
      enabled: true,
      nodePools: ['general-purpose', 'system'],
      nodeRoleArn: 'arn:aws:iam::644160558196:role/AmazonEKSAutoNodeRole',
      blockStorage: true,
      elasticLoadBalancing: true,
    });
    expect(inventory.cluster?.arn).toBe('arn:aws:eks:us-east-1:644160558196:cluster/auto');
  });

  it('reads Fargate profiles, one or a list', () => {
    const profile = (name: string) => ({
      fargateProfileName: name,
      fargateProfileArn: `arn:aws:eks:eu-west-1:111122223333:fargateprofile/demo/${name}/1`,
      clusterName: 'demo',
      podExecutionRoleArn: 'arn:aws:iam::111122223333:role/pod-exec',
      subnets: ['subnet-a'],
      selectors: [{ namespace: 'prod*', labels: { 'labelname*?': '*value1' } }, { namespace: 'kube-system' }],
      status: 'ACTIVE',
    });
    const { inventory, problems } = normalize({ fargateProfile: profile('default') }, { fargateProfiles: [profile('b'), profile('a')] });
    expect(problems).toEqual([]);
    expect(inventory.fargateProfiles.map((p) => p.name)).toEqual(['a', 'b', 'default']);
    expect(inventory.fargateProfiles[2]).toEqual({
      name: 'default',
      clusterName: 'demo',
      podExecutionRoleArn: 'arn:aws:iam::111122223333:role/pod-exec',
      subnets: ['subnet-a'],
      selectors: [
        { namespace: 'prod*', labels: { 'labelname*?': '*value1' } },
        { namespace: 'kube-system', labels: {} },
      ],
      status: 'ACTIVE',
      origin: { file: 'inventory.yaml', line: 10 },
    });
  });

  it('reads a nodegroup, with taint effects spelled the Kubernetes way', () => {
    const { inventory } = normalize({
      nodegroup: {
        nodegroupName: 'gpu',
        instanceTypes: ['g6.xlarge'],
        capacityType: 'SPOT',
        amiType: 'AL2023_x86_64_NVIDIA',
        labels: { workload: 'gpu' },
        taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NO_SCHEDULE' }],
        subnets: ['subnet-a'],
        scalingConfig: { minSize: 0, maxSize: 4, desiredSize: 2 },
      },
    });
    expect(inventory.nodegroups).toEqual([
      {
        name: 'gpu',
        instanceTypes: ['g6.xlarge'],
        capacityType: 'SPOT',
        amiType: 'AL2023_x86_64_NVIDIA',
        labels: { workload: 'gpu' },
        taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
        subnets: ['subnet-a'],
        desiredSize: 2,
        origin: { file: 'inventory.yaml', line: 10 },
      },
    ]);
  });

  it('reads security groups and subnets, tags as a map, public from MapPublicIpOnLaunch', () => {
    const { inventory, problems } = normalize(
      {
        SecurityGroups: [
          { GroupId: 'sg-2', GroupName: 'web', VpcId: 'vpc-1', Description: 'web pods', Tags: [{ Key: 'Name', Value: 'web' }] },
          { GroupId: 'sg-1' },
        ],
      },
      {
        Subnets: [
          { SubnetId: 'subnet-b', VpcId: 'vpc-1', AvailabilityZone: 'eu-west-1b', CidrBlock: '10.0.2.0/24', MapPublicIpOnLaunch: true },
          {
            SubnetId: 'subnet-a',
            VpcId: 'vpc-1',
            AvailabilityZone: 'eu-west-1a',
            CidrBlock: '10.0.1.0/24',
            MapPublicIpOnLaunch: false,
            Tags: [{ Key: 'kubernetes.io/role/internal-elb', Value: '1' }],
          },
        ],
      },
    );
    expect(problems).toEqual([]);
    expect(inventory.securityGroups.map((g) => [g.id, g.name, g.tags])).toEqual([
      ['sg-1', null, {}],
      ['sg-2', 'web', { Name: 'web' }],
    ]);
    expect(inventory.subnets.map((s) => [s.id, s.public, s.availabilityZone, s.tags])).toEqual([
      ['subnet-a', false, 'eu-west-1a', { 'kubernetes.io/role/internal-elb': '1' }],
      ['subnet-b', true, 'eu-west-1b', {}],
    ]);
  });

  it('reads what the collector could not collect, merging repeats', () => {
    const entry = { kind: 'Secret', namespace: null, reason: 'forbidden' };
    const { inventory } = normalize({ notCollected: [{ kind: 'NodePool', reason: 'CRD not installed' }, entry] }, { notCollected: [entry] });
    expect(inventory.notCollected).toEqual([
      { kind: 'NodePool', namespace: null, reason: 'CRD not installed' },
      { kind: 'Secret', namespace: null, reason: 'forbidden' },
    ]);
  });

  it('reads when the inventory was taken; of several parts, the earliest moment, whatever the file order', () => {
    const at = (collectedAt: string) => ({ collection: { collectedAt } });
    expect(normalize(describeCluster).inventory.collectedAt).toBeNull();
    expect(normalize(at('2026-11-20T09:30:00Z')).inventory.collectedAt).toBe('2026-11-20T09:30:00Z');
    // 10:00+02:00 is 08:00Z: compared as moments, not as text.
    const parts = [at('2026-11-20T09:30:00Z'), at('2026-11-20T10:00:00+02:00'), at('2026-11-21')];
    expect(normalize(...parts).inventory.collectedAt).toBe('2026-11-20T10:00:00+02:00');
    expect(normalize(...[...parts].reverse()).inventory.collectedAt).toBe('2026-11-20T10:00:00+02:00');
  });

  it('refuses a collection time that is not an RFC 3339 date, naming the field', () => {
    for (const bad of ['last Tuesday', '2026-13-01', '2026-02-29T10:00:00Z', '2026-11-20T09:30:00', '2026-11-20T25:00:00Z']) {
      const { inventory, problems } = normalize({ collection: { collectedAt: bad } });
      expect(inventory.collectedAt, bad).toBeNull();
      expect(
        problems.map((p) => p.message),
        bad,
      ).toEqual([expect.stringContaining('collection.collectedAt must be an RFC 3339 date-time with a zone')]);
    }
  });

  it('reports a malformed item and keeps the others', () => {
    const { inventory, problems } = normalize(
      { SecurityGroups: [{ GroupId: 'sg-1' }, { GroupName: 'no-id' }] },
      { cluster: { arn: 'arn:aws:eks:eu-west-1:1:cluster/x', version: 1.3 } },
      { Subnets: 'subnet-a' },
    );
    expect(inventory.securityGroups.map((g) => g.id)).toEqual(['sg-1']);
    expect(inventory.cluster).toBeNull();
    expect(problems).toEqual([
      { file: 'inventory.yaml', line: 10, severity: 'error', message: 'aws ec2 describe-security-groups output: SecurityGroups[1].GroupId is required' },
      { file: 'inventory.yaml', line: 20, severity: 'error', message: 'aws eks describe-cluster output: cluster.version must be a string' },
      { file: 'inventory.yaml', line: 30, severity: 'error', message: 'aws ec2 describe-subnets output: Subnets must be a list' },
    ]);
  });

  it('keeps the last cluster description and says which one was replaced', () => {
    const other = { cluster: { ...describeCluster.cluster, name: 'other' } };
    const { inventory, problems } = normalize(describeCluster, describeCluster, other);
    expect(inventory.cluster?.name).toBe('other');
    expect(problems).toEqual([
      {
        file: 'inventory.yaml',
        line: 10,
        severity: 'skipped',
        message: 'cluster demo is described twice, here and at inventory.yaml:20; the later one is used',
      },
      {
        file: 'inventory.yaml',
        line: 20,
        severity: 'skipped',
        message: 'an inventory describes one cluster: demo (here) is replaced by other (inventory.yaml:30)',
      },
    ]);
  });

  it('skips AWS outputs it does not read', () => {
    const { problems } = normalize({ Reservations: [] }, { status_code: 200, data: { ResponseMetadata: {}, Vpcs: [] } });
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [10, 'skipped'],
      [20, 'skipped'],
    ]);
  });
});
