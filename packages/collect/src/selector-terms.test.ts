// NodeClass selector terms by tag or name, resolved through EC2 within the cluster's VPC, so that a plan
// from a live collect can act on them instead of asking for describe-security-groups output by hand.
import { fileURLToPath } from 'node:url';
import { buildContext, buildPlan, type Plan } from '@modeshift/core';
import { loadInventory } from '@modeshift/inventory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { selectorQueries } from './aws/selector-terms.js';
import type { KubeItem } from './kube/sanitize.js';
import type { Json } from './testing/data.js';
import { inventoryData, startWorld, type KubeObject, type World, type WorldData } from './testing/index.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/auto-mode-to-fargate/inventory', import.meta.url));
const VPC = 'vpc-0c3f9a17e5b2d8046';
const NODE_CLASSES = 'eks.amazonaws.com/v1/nodeclasses';

// The example's secure-apps NodeClass names its groups and subnets by ID; here it selects the same ones
// by tags and name, as NodeClasses usually do.
const SECURE_APPS_TERMS = {
  podSecurityGroupSelectorTerms: [{ tags: { 'data-classification': 'pci', Name: 'retail-platform-orders-pods' } }],
  securityGroupSelectorTerms: [{ name: 'retail-platform-secure-apps-nodes' }, { tags: { 'aws:eks:cluster-name': '*' } }],
  subnetSelectorTerms: [{ tags: { Tier: 'private' } }],
  podSubnetSelectorTerms: [{ tags: { Tier: 'pods', Purpose: '*' } }],
};

const tags = (entries: Record<string, string>) => Object.entries(entries).map(([Key, Value]) => ({ Key, Value }));

// Would match the terms but for their VPC, or are in the VPC but match no term.
const DECOY_GROUPS: Json[] = [
  {
    GroupId: 'sg-0elsewhere',
    GroupName: 'retail-platform-orders-pods',
    VpcId: 'vpc-0other',
    Tags: tags({ 'data-classification': 'pci', Name: 'retail-platform-orders-pods' }),
  },
  { GroupId: 'sg-0elsewhere2', GroupName: 'retail-platform-secure-apps-nodes', VpcId: 'vpc-0other', Tags: [] },
];
const DECOY_SUBNETS: Json[] = [
  {
    SubnetId: 'subnet-0elsewhere',
    VpcId: 'vpc-0other',
    CidrBlock: '10.9.0.0/24',
    AvailabilityZone: 'us-east-1a',
    MapPublicIpOnLaunch: false,
    Tags: tags({ Tier: 'private' }),
  },
  {
    SubnetId: 'subnet-0staging',
    VpcId: VPC,
    CidrBlock: '10.0.250.0/24',
    AvailabilityZone: 'us-east-1a',
    MapPublicIpOnLaunch: false,
    Tags: tags({ Tier: 'staging' }),
  },
];

async function exampleWithSelectors(): Promise<{ data: WorldData; context: string }> {
  const { kube, aws, clusterArn } = await inventoryData(EXAMPLE);
  const nodeClasses = (kube.lists.get(NODE_CLASSES) ?? []).map((nc): KubeObject =>
    nc.metadata.name === 'secure-apps' ? { ...nc, spec: { ...(nc.spec as Json), ...SECURE_APPS_TERMS } } : nc,
  );
  const lists = new Map(kube.lists).set(NODE_CLASSES, nodeClasses);
  return {
    data: { kube: { ...kube, lists }, aws: { ...aws, securityGroups: [...aws.securityGroups, ...DECOY_GROUPS], subnets: [...aws.subnets, ...DECOY_SUBNETS] } },
    context: clusterArn ?? '',
  };
}

describe('a NodeClass that selects its security groups and subnets by tag and name', () => {
  let world: World;
  let plan: Plan;
  const ids = async (file: string, list: string, key: string) =>
    ((await world.json<Record<string, Json[]>>(`aws/${file}`))[list] ?? []).map((item) => item[key]);

  beforeAll(async () => {
    world = await startWorld(await exampleWithSelectors());
    await collect(world.options());
    const { inventory, problems } = await loadInventory([world.out]);
    expect(problems).toEqual([]);
    plan = buildPlan(buildContext(inventory, { target: 'fargate' }));
  });
  afterAll(() => world.close());

  it('is collected with exactly the groups and subnets its terms match in the cluster VPC', async () => {
    expect(await ids('security-groups.json', 'SecurityGroups', 'GroupId')).toEqual([
      'sg-04c8e1a7f3b9d2065', // cluster group, and tag aws:eks:cluster-name exists
      'sg-09b5e3c7a1d4f2806', // data-classification=pci and Name=retail-platform-orders-pods
      'sg-0f2a6d9c3e7b1a584', // group name retail-platform-secure-apps-nodes
    ]);
    expect(await ids('subnets.json', 'Subnets', 'SubnetId')).toEqual([
      'subnet-03a9c5e1f7b2d4a60',
      'subnet-07f3b9d1a5c2e8460',
      'subnet-0b8d4f2a6c9e1b357',
      'subnet-0c4e8a2f6b1d9e357',
      'subnet-0e7b2d9f4a1c6e835',
      'subnet-0e9a5c1f3b7d2e684',
    ]);
  });

  it('asks EC2 once per term, always within the cluster VPC, following every page', () => {
    const calls = world.aws.requests.filter((r) => r.service === 'ec2');
    expect(calls.every((r) => r.status === 200)).toBe(true);
    const bySelector = calls.filter((r) => r.params['Filter.1.Name'] === 'vpc-id');
    expect(bySelector.every((r) => r.params['Filter.1.Value.1'] === VPC)).toBe(true);
    const terms = bySelector.filter((r) => r.params.NextToken === undefined).map((r) => `${r.params.Action} ${r.params['Filter.2.Name']}`);
    expect(terms.sort()).toEqual([
      'DescribeSecurityGroups group-name',
      'DescribeSecurityGroups tag-key',
      'DescribeSecurityGroups tag:Name',
      'DescribeSubnets tag-key',
      'DescribeSubnets tag:Tier',
    ]);
    // Three private subnets: two pages of two.
    expect(bySelector.filter((r) => r.params.NextToken !== undefined).length).toBeGreaterThan(0);
  });

  it('plans to Fargate a SecurityGroupPolicy with the selected pod groups, not a review', () => {
    const steps = plan.stages.flatMap((stage) => stage.steps);
    // The wave that moves namespace api applies the policy, right before its pods move to Fargate.
    const policy = steps.find((step) => step.id === 'waves/api')?.manifests.find((m) => m.object.kind === 'SecurityGroupPolicy');
    expect(policy?.object).toMatchObject({ spec: { securityGroups: { groupIds: ['sg-04c8e1a7f3b9d2065', 'sg-09b5e3c7a1d4f2806'] } } });
    expect(plan.findings.filter((f) => f.message.includes('cannot be resolved'))).toEqual([]);
  });

  it('plans exactly as the example that names the same groups and subnets by ID', async () => {
    const { inventory } = await loadInventory([EXAMPLE]);
    const byId = buildPlan(buildContext(inventory, { target: 'fargate' }));
    expect(plan.stages).toEqual(byId.stages);
    expect(plan.findings.map((f) => f.id)).toEqual(byId.findings.map((f) => f.id));
  });
});

describe('selector terms to resolve', () => {
  const cluster = { resourcesVpcConfig: { vpcId: 'vpc-1' } };
  const nodeClass = (kind: string, name: string, spec: Json): KubeItem => ({ apiVersion: 'v1', kind, metadata: { name }, spec });
  const vpc = { Name: 'vpc-id', Values: ['vpc-1'] };

  it('become one EC2 filter set per distinct term, from NodeClasses and Karpenter EC2NodeClasses alike', () => {
    const items = [
      nodeClass('NodeClass', 'a', {
        securityGroupSelectorTerms: [{ tags: { team: 'pay', 'karpenter.sh/discovery': '*' } }, { id: 'sg-1' }, {}],
        subnetSelectorTerms: [{ tags: { tier: 'private' } }],
      }),
      nodeClass('EC2NodeClass', 'b', {
        securityGroupSelectorTerms: [{ name: 'nodes', tags: { team: 'pay' } }, { tags: { 'karpenter.sh/discovery': '*', team: 'pay' } }],
        subnetSelectorTerms: [{ tags: { tier: 'private' } }, { name: 'ignored' }],
      }),
      nodeClass('NodePool', 'c', { securityGroupSelectorTerms: [{ tags: { team: 'other' } }] }),
    ];
    expect(selectorQueries(cluster, items)).toEqual({
      securityGroups: [
        [vpc, { Name: 'tag-key', Values: ['karpenter.sh/discovery'] }, { Name: 'tag:team', Values: ['pay'] }],
        [vpc, { Name: 'tag:team', Values: ['pay'] }, { Name: 'group-name', Values: ['nodes'] }],
      ],
      subnets: [[vpc, { Name: 'tag:tier', Values: ['private'] }]],
    });
  });

  it('are left alone when the cluster VPC is unknown', () => {
    const items = [nodeClass('NodeClass', 'a', { securityGroupSelectorTerms: [{ tags: { team: 'pay' } }] })];
    expect(selectorQueries(null, items)).toEqual({ securityGroups: [], subnets: [] });
  });
});
