// AWS API objects for tests (describe-nodegroup, describe-subnets, describe-security-groups), with
// only the fields a test cares about: the name or id, then an options object.
import type { Nodegroup, SecurityGroup, Subnet } from '../inventory/types.js';
import type { StringMap } from '../kube.js';

const origin = { file: 'test.yaml', line: 1 };

/** An EKS managed node group: on-demand m6i.large on AL2023 unless overridden (Windows when amiType starts with WINDOWS). */
export function aNodegroup(name = 'general', overrides: Partial<Nodegroup> = {}): Nodegroup {
  return {
    name,
    instanceTypes: ['m6i.large'],
    capacityType: 'ON_DEMAND',
    amiType: 'AL2023_x86_64_STANDARD',
    labels: {},
    taints: [],
    subnets: ['subnet-private-a'],
    desiredSize: 2,
    origin,
    ...overrides,
  };
}

export function aSubnet(id: string, options: { isPublic?: boolean; tags?: StringMap } = {}): Subnet {
  return {
    id,
    vpcId: 'vpc-0abc',
    availabilityZone: 'eu-west-1a',
    cidrBlock: '10.0.0.0/24',
    public: options.isPublic ?? false,
    tags: options.tags ?? {},
    origin,
  };
}

export function aSecurityGroup(id: string, options: { name?: string; tags?: StringMap } = {}): SecurityGroup {
  return { id, name: options.name ?? id, vpcId: 'vpc-0abc', description: null, tags: options.tags ?? {}, origin };
}
