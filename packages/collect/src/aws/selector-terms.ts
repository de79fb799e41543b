import type { Filter } from '@aws-sdk/client-ec2';
import type { Cluster } from '@aws-sdk/client-eks';
import type { KubeItem } from '../kube/sanitize.js';
import { asArray, asObject } from '../util/json.js';
import { byString } from '../util/order.js';

/**
 * EC2 filter sets, one per distinct NodeClass selector term by tags or name. EC2 ANDs the filters of
 * one call, as a term ANDs its fields; the calls' results are merged, as a NodeClass ORs its terms.
 */
export interface SelectorQueries {
  securityGroups: Filter[][];
  subnets: Filter[][];
}

const NODE_CLASS_KINDS = new Set(['NodeClass', 'EC2NodeClass']);

/**
 * null for a term EC2 need not be asked about: one by ID (referencedIds has it), or one with nothing
 * to match on, which would otherwise describe the whole VPC. `name` selects security groups only: it
 * is what the planner matches (GroupName), and subnet terms have no such field.
 */
function termFilters(term: unknown, byGroupName: boolean): Filter[] | null {
  const { id, tags, name } = asObject(term);
  if (id !== undefined) return null;
  const filters: Filter[] = [];
  for (const [key, value] of Object.entries(asObject(tags)).sort(([a], [b]) => byString(a, b))) {
    // A mistyped value dropped would widen the term; better to leave it to the planner to report.
    if (typeof value !== 'string') return null;
    // Karpenter's convention, which the planner follows: "*" means the tag exists, whatever its value.
    filters.push(value === '*' ? { Name: 'tag-key', Values: [key] } : { Name: `tag:${key}`, Values: [value] });
  }
  if (byGroupName && typeof name === 'string' && name !== '') filters.push({ Name: 'group-name', Values: [name] });
  return filters.length > 0 ? filters : null;
}

/**
 * Scoped to the cluster's VPC: tags and group names are not unique across VPCs, and a NodeClass can only
 * ever use its cluster's. Without the VPC (describe-cluster refused) nothing is resolved, as before,
 * rather than picking up look-alikes from elsewhere in the account.
 */
export function selectorQueries(cluster: Cluster | null, kubeItems: readonly KubeItem[]): SelectorQueries {
  const vpcId = cluster?.resourcesVpcConfig?.vpcId;
  if (vpcId === undefined || vpcId === '') return { securityGroups: [], subnets: [] };
  const groups = new Map<string, Filter[]>();
  const subnets = new Map<string, Filter[]>();
  const add = (into: Map<string, Filter[]>, filters: Filter[] | null) => {
    if (filters !== null) into.set(JSON.stringify(filters), filters);
  };
  for (const item of kubeItems) {
    if (!NODE_CLASS_KINDS.has(item.kind)) continue;
    const spec = asObject(item.spec);
    for (const term of [...asArray(spec.securityGroupSelectorTerms), ...asArray(spec.podSecurityGroupSelectorTerms)]) add(groups, termFilters(term, true));
    for (const term of [...asArray(spec.subnetSelectorTerms), ...asArray(spec.podSubnetSelectorTerms)]) add(subnets, termFilters(term, false));
  }
  // Sorted so the same cluster is asked the same questions in the same order.
  const inVpc = (byKey: Map<string, Filter[]>): Filter[][] =>
    [...byKey.entries()].sort(([a], [b]) => byString(a, b)).map(([, filters]) => [{ Name: 'vpc-id', Values: [vpcId] }, ...filters]);
  return { securityGroups: inVpc(groups), subnets: inVpc(subnets) };
}
