import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, type SecurityGroup, type Subnet } from '@aws-sdk/client-ec2';
import type { NotCollectedEntry } from '../types.js';
import { byString } from '../util/order.js';
import type { AwsContext } from './collect-eks.js';
import { awsUserError, isForbidden } from './errors.js';
import type { ReferencedIds } from './referenced-ids.js';

export interface Ec2Collected {
  /** null when forbidden (no file is written then). */
  securityGroups: SecurityGroup[] | null;
  subnets: Subnet[] | null;
  notCollected: NotCollectedEntry[];
}

// EC2 caps the values of one filter; chunks keep each call valid however many IDs are referenced.
const CHUNK = 100;

function chunks(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

/**
 * Described by filter rather than by ID: with GroupIds/SubnetIds, one deleted ID fails the whole call,
 * while a filter simply leaves it out (a dangling reference is itself something the planner reports).
 */
async function describeAll<T>(
  ctx: AwsContext,
  kind: string,
  ids: readonly string[],
  page: (values: string[], nextToken: string | undefined) => Promise<{ items: T[]; nextToken: string | undefined }>,
  idOf: (item: T) => string,
): Promise<T[] | null> {
  const found = new Map<string, T>();
  try {
    for (const values of chunks(ids)) {
      let token: string | undefined;
      do {
        const out = await ctx.limiter.run(() => page(values, token));
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

export async function collectEc2(ctx: AwsContext, ids: ReferencedIds): Promise<Ec2Collected> {
  const { ec2 } = ctx.clients;
  const opts = { abortSignal: ctx.signal };
  const [securityGroups, subnets] = await Promise.all([
    describeAll(
      ctx,
      'SecurityGroup',
      ids.securityGroupIds,
      async (values, NextToken) => {
        const out = await ec2.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-id', Values: values }], NextToken, MaxResults: 1000 }),
          opts,
        );
        return { items: out.SecurityGroups ?? [], nextToken: out.NextToken };
      },
      (group) => group.GroupId ?? '',
    ),
    describeAll(
      ctx,
      'Subnet',
      ids.subnetIds,
      async (values, NextToken) => {
        const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: values }], NextToken, MaxResults: 1000 }), opts);
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
