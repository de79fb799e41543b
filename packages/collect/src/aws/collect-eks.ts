import {
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
  type Cluster,
  type FargateProfile,
  type Nodegroup,
} from '@aws-sdk/client-eks';
import { UserError } from '@modeshift/core';
import type { NotCollectedEntry, ProgressListener } from '../types.js';
import { mapLimited, type Limiter } from '../util/limiter.js';
import { byString } from '../util/order.js';
import { awsUserError, isForbidden, isNotFound } from './errors.js';
import type { AwsClients } from './setup.js';

export interface EksCollected {
  /** null when describe-cluster was forbidden. */
  cluster: Cluster | null;
  /** null when the kind was forbidden (no file is written then). */
  fargateProfiles: FargateProfile[] | null;
  nodegroups: Nodegroup[] | null;
  notCollected: NotCollectedEntry[];
}

export interface AwsContext {
  clients: AwsClients;
  limiter: Limiter;
  signal: AbortSignal;
  progress: ProgressListener;
  /** "region eu-west-1" or the endpoint, for messages. */
  where: string;
}

const forbidden = (kind: string): NotCollectedEntry => ({ kind, namespace: null, reason: 'forbidden' });

async function describeCluster(ctx: AwsContext, name: string): Promise<Cluster | null> {
  try {
    const out = await ctx.clients.eks.send(new DescribeClusterCommand({ name }), { abortSignal: ctx.signal });
    return out.cluster ?? null;
  } catch (error) {
    if (isForbidden(error)) return null;
    if (isNotFound(error)) throw new UserError('api', `EKS cluster "${name}" was not found in ${ctx.where}: pass --cluster and --region.`);
    throw awsUserError(error, 'EKS', ctx.where, ctx.signal);
  }
}

/**
 * List names, then describe each: the pattern both Fargate profiles and node groups follow. A refused
 * list or describe makes the whole kind "not collected", since a partial set would read as complete.
 */
async function listThenDescribe<T extends object>(
  ctx: AwsContext,
  kind: string,
  list: (nextToken: string | undefined) => Promise<{ names: string[]; nextToken: string | undefined }>,
  describe: (name: string) => Promise<T | undefined>,
): Promise<T[] | null> {
  try {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await list(token);
      for (const name of page.names) names.push(name);
      token = page.nextToken;
    } while (token !== undefined);
    let done = 0;
    const described = await mapLimited(ctx.limiter, names.sort(byString), async (name) => {
      const item = await describe(name);
      ctx.progress({ type: 'count', kind, count: ++done });
      return item;
    });
    const items = described.filter((item): item is T => item !== undefined);
    ctx.progress({ type: 'done', kind, count: items.length });
    return items;
  } catch (error) {
    if (isForbidden(error)) {
      ctx.progress({ type: 'not-collected', entry: forbidden(kind) });
      return null;
    }
    throw awsUserError(error, 'EKS', ctx.where, ctx.signal);
  }
}

export async function collectEks(ctx: AwsContext, clusterName: string): Promise<EksCollected> {
  const { eks } = ctx.clients;
  const opts = { abortSignal: ctx.signal };
  const cluster = await describeCluster(ctx, clusterName);
  if (cluster === null) ctx.progress({ type: 'not-collected', entry: forbidden('Cluster') });
  else ctx.progress({ type: 'done', kind: 'Cluster', count: 1 });

  const [fargateProfiles, nodegroups] = await Promise.all([
    listThenDescribe(
      ctx,
      'FargateProfile',
      async (nextToken) => {
        const out = await eks.send(new ListFargateProfilesCommand({ clusterName, nextToken, maxResults: 100 }), opts);
        return { names: out.fargateProfileNames ?? [], nextToken: out.nextToken };
      },
      async (fargateProfileName) => (await eks.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName }), opts)).fargateProfile,
    ),
    listThenDescribe(
      ctx,
      'Nodegroup',
      async (nextToken) => {
        const out = await eks.send(new ListNodegroupsCommand({ clusterName, nextToken, maxResults: 100 }), opts);
        return { names: out.nodegroups ?? [], nextToken: out.nextToken };
      },
      async (nodegroupName) => (await eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }), opts)).nodegroup,
    ),
  ]);

  const notCollected: NotCollectedEntry[] = [];
  if (cluster === null) notCollected.push(forbidden('Cluster'));
  if (fargateProfiles === null) notCollected.push(forbidden('FargateProfile'));
  if (nodegroups === null) notCollected.push(forbidden('Nodegroup'));
  return { cluster, fargateProfiles, nodegroups, notCollected };
}
