import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, type Filter, type SecurityGroup, type Subnet } from '@aws-sdk/client-ec2';
import type { NotCollectedEntry } from '../types.js';
import { byString } from '../util/order.js';
import type { AwsContext } from './collect-eks.js';
import { awsUserError, isForbidden } from './errors.js';
import type { ReferencedIds } from './referenced-ids.js';
import type { SelectorQueries } from './selector-terms.js';

export interface Ec2Collected {
  /** null when forbidden (no file is written then). */
  securityGroups: SecurityGroup[] | null;
  subnets: Subnet[] | null;
  notCollected: NotCollectedEntry[];
}

// EC2 caps the values of one filter; chunks keep each call valid however many IDs are referenced.
const CHUNK = 100;

/**
 * Described by filter rather than by ID: with GroupIds/SubnetIds, one deleted ID fails the whole call,
 * while a filter simply leaves it out (a dangling reference is itself something the planner reports).
 */
function byIds(filterName: string, ids: readonly string[]): Filter[][] {
  const out: Filter[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push([{ Name: filterName, Values: ids.slice(i, i + CHUNK) }]);
  return out;
}

/**
 * Every query's pages, merged by ID: a group named by ID and also matched by a selector is one group.
 * Any refused call makes the whole kind "not collected", since a partial set would read as complete.
 */
async function describeAll<T>(
  ctx: AwsContext,
  kind: string,
  queries: readonly Filter[][],
  page: (filters: Filter[], nextToken: string | undefined) => Promise<{ items: T[]; nextToken: string | undefined }>,
  idOf: (item: T) => string,
): Promise<T[] | null> {
  const found = new Map<string, T>();
  try {
    for (const filters of queries) {
      let token: string | undefined;
      do {
        const out = await ctx.limiter.run(() => page(filters, token));
        for (const item of out.items) found.set(idOf(item), item);
        ctx.progress({ type: 'count', kind, count: found.size });
        token = out.nextToken;
      } while (token !== undefined);
    }
  } catch (error) {
    if (isForbidden(error)) {
      ctx.progress({ type: 'not-collected', entry: { kind, namespace: null, reason: 'forbidden' } });
      return null;
    }
    throw awsUserError(error, 'EC2', ctx.where, ctx.signal);
  }
  ctx.progress({ type: 'done', kind, count: found.size });
  return [...found.entries()].sort(([a], [b]) => byString(a, b)).map(([, item]) => item);
}

export async function collectEc2(ctx: AwsContext, ids: ReferencedIds, selectors: SelectorQueries): Promise<Ec2Collected> {
  const { ec2 } = ctx.clients;
  const opts = { abortSignal: ctx.signal };
  const [securityGroups, subnets] = await Promise.all([
    describeAll(
      ctx,
      'SecurityGroup',
      [...byIds('group-id', ids.securityGroupIds), ...selectors.securityGroups],
      async (Filters, NextToken) => {
        const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters, NextToken, MaxResults: 1000 }), opts);
        return { items: out.SecurityGroups ?? [], nextToken: out.NextToken };
      },
      (group) => group.GroupId ?? '',
    ),
    describeAll(
      ctx,
      'Subnet',
      [...byIds('subnet-id', ids.subnetIds), ...selectors.subnets],
      async (Filters, NextToken) => {
        const out = await ec2.send(new DescribeSubnetsCommand({ Filters, NextToken, MaxResults: 1000 }), opts);
        return { items: out.Subnets ?? [], nextToken: out.NextToken };
      },
      (subnet) => subnet.SubnetId ?? '',
    ),
  ]);
  const notCollected: NotCollectedEntry[] = [];
  if (securityGroups === null) notCollected.push({ kind: 'SecurityGroup', namespace: null, reason: 'forbidden' });
  if (subnets === null) notCollected.push({ kind: 'Subnet', namespace: null, reason: 'forbidden' });
  return { securityGroups, subnets, notCollected };
}
