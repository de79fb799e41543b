import path from 'node:path';
import { UserError } from '@modeshift/core';
import { collectEc2 } from './aws/collect-ec2.js';
import { collectEks, type AwsContext } from './aws/collect-eks.js';
import { awsUserError, MISSING_CREDENTIALS } from './aws/errors.js';
import { referencedIds } from './aws/referenced-ids.js';
import { selectorQueries } from './aws/selector-terms.js';
import { makeClients, resolveAwsSetup, trackAwsRequests, type AwsClients } from './aws/setup.js';
import { collectKubernetes } from './kube/collect-kube.js';
import { resolveKubeTarget } from './kube/kubeconfig.js';
import { KubeTransport } from './kube/transport.js';
import { checkOut, writeDirAtomically } from './output/atomic-dir.js';
import { collectionDate, compareNotCollected, layout, type Collected } from './output/layout.js';
import type { CollectOptions, CollectReport, ProgressListener } from './types.js';
import { retryPolicy, withTimeout } from './util/backoff.js';
import { Limiter } from './util/limiter.js';
import { formatDuration, Waiting } from './util/waiting.js';
import { byString } from './util/order.js';

const DEFAULT_DEADLINE_MS = 10 * 60_000;
// At 500 items a page, 2,001 pages: far more than any cluster holds of one kind, and still an end.
const DEFAULT_MAX_ITEMS_PER_KIND = 1_000_000;

function deadlinePassed(deadlineMs: number, waiting: Waiting): UserError {
  const what = waiting.describe();
  return new UserError(
    'api',
    `collect did not finish within its deadline (${formatDuration(deadlineMs)}; raise it with --deadline)${what === '' ? '' : `: still waiting for ${what}`}.`,
  );
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new UserError('usage', `${name} must be a positive number, got ${value}.`);
  return value;
}

/** Region and credentials are settled before any listing, with a bound: the SDK's chain may try IMDS. */
async function preflightAws(clients: AwsClients, timeoutMs: number, where: string): Promise<string> {
  try {
    const region = await clients.eks.config.region();
    await withTimeout(clients.eks.config.credentials(), timeoutMs, () => new UserError('api', MISSING_CREDENTIALS));
    return region;
  } catch (error) {
    throw awsUserError(error, 'EKS', where);
  }
}

/**
 * Like Promise.all, but the first failure aborts the siblings and is what the caller sees, once every
 * sibling has stopped: nothing keeps requesting after collect() has returned.
 */
async function allOrAbort<A, B>(a: Promise<A>, b: Promise<B>, controller: AbortController): Promise<[A, B]> {
  let first: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    first ??= { error };
    controller.abort(error);
    throw error;
  };
  const settled = await Promise.allSettled([a.catch(fail), b.catch(fail)]);
  if (first !== undefined) throw first.error;
  const [ra, rb] = settled;
  if (ra?.status !== 'fulfilled' || rb?.status !== 'fulfilled') throw new Error('unreachable: a rejection was not recorded');
  return [ra.value, rb.value];
}

function countsOf(collected: Collected): Record<string, number> {
  const counts: [string, number][] = [];
  for (const outcome of collected.kube) if (outcome.items !== null) counts.push([outcome.spec.label, outcome.items.length]);
  const { eks, ec2 } = collected;
  if (eks.cluster !== null) counts.push(['Cluster', 1]);
  if (eks.fargateProfiles !== null) counts.push(['FargateProfile', eks.fargateProfiles.length]);
  if (eks.nodegroups !== null) counts.push(['Nodegroup', eks.nodegroups.length]);
  if (ec2.securityGroups !== null) counts.push(['SecurityGroup', ec2.securityGroups.length]);
  if (ec2.subnets !== null) counts.push(['Subnet', ec2.subnets.length]);
  return Object.fromEntries(counts.sort(([a], [b]) => byString(a, b)));
}

/**
 * Reads a live EKS cluster (Kubernetes API and the EKS/EC2 APIs) into an inventory directory in the
 * contract's formats. Read-only: Kubernetes GETs and EKS/EC2 Describe and List calls only.
 * Throws UserError: 'usage' for a bad --out or options, 'input' for an unreadable kubeconfig, 'api' when
 * an API cannot be reached, refuses the credentials, or the cluster does not exist.
 */
export async function collect(options: CollectOptions, progress: ProgressListener = () => undefined): Promise<CollectReport> {
  const env = options.env ?? process.env;
  const out = path.resolve(options.out);
  const force = options.force ?? false;
  const timeoutMs = positive('timeoutMs', options.timeoutMs, 15_000);
  const concurrency = Math.max(1, Math.floor(positive('concurrency', options.concurrency, 4)));
  const pageSize = Math.floor(positive('pageSize', options.pageSize, 500));
  const maxItemsPerKind = Math.floor(positive('maxItemsPerKind', options.maxItemsPerKind, DEFAULT_MAX_ITEMS_PER_KIND));
  // setTimeout fires at once beyond 2^31-1 ms (about 24 days), so a longer deadline is that long.
  const deadlineMs = Math.min(positive('deadlineMs', options.deadlineMs, DEFAULT_DEADLINE_MS), 2 ** 31 - 1);
  const policy = retryPolicy(positive('retryBaseMs', options.retryBaseMs, 250));
  options.signal?.throwIfAborted();

  await checkOut(out, force);
  const kube = resolveKubeTarget(options, env);
  const clusterName = options.cluster ?? kube.identity.clusterName;
  if (clusterName === null || clusterName === '') {
    throw new UserError('usage', `Cannot tell the EKS cluster name from context "${kube.context}": pass --cluster <name>.`);
  }
  const setup = resolveAwsSetup(options, env, kube.identity);

  // Taken when reading starts: the inventory shows the cluster as of then, not as of the last page.
  const collectedAt = new Date();
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const waiting = new Waiting();
  // Aborting stops every request, sleep and write; what was in flight is named in the error.
  const deadline = setTimeout(() => controller.abort(deadlinePassed(deadlineMs, waiting)), deadlineMs);
  const clients = makeClients(setup, timeoutMs);
  trackAwsRequests(clients, waiting);
  try {
    const region = await waiting.around('AWS credentials', () =>
      preflightAws(clients, timeoutMs, setup.endpoints.eks ?? `region ${setup.region ?? '(default)'}`),
    );
    controller.signal.throwIfAborted();
    const where = setup.endpoints.eks ?? `region ${region}`;
    const { signal } = controller;
    const transport = new KubeTransport(kube, { timeoutMs, policy, limiter: new Limiter(concurrency), signal, waiting });
    const aws: AwsContext = { clients, limiter: new Limiter(concurrency), signal, progress, where };

    progress({ type: 'phase', phase: 'kubernetes' });
    const [kubeOutcomes, eks] = await allOrAbort(
      collectKubernetes(transport, { pageSize, maxItemsPerKind }, progress),
      collectEks(aws, clusterName),
      controller,
    );
    progress({ type: 'phase', phase: 'aws' });
    const kubeItems = kubeOutcomes.flatMap((outcome) => outcome.items ?? []);
    const ids = referencedIds(eks.cluster, eks.fargateProfiles ?? [], eks.nodegroups ?? [], kubeItems);
    const ec2 = await collectEc2(aws, ids, selectorQueries(eks.cluster, kubeItems));

    const notCollected = [...kubeOutcomes.flatMap((o) => o.notCollected), ...eks.notCollected, ...ec2.notCollected].sort(compareNotCollected);
    const collected: Collected = { kube: kubeOutcomes, eks, ec2, notCollected, collectedAt };
    const files = layout(collected);
    progress({ type: 'phase', phase: 'writing' });
    await waiting.around('writing the inventory', () => writeDirAtomically(out, files, force, signal));
    return {
      out,
      context: kube.context,
      cluster: { name: clusterName, region },
      collectedAt: collectionDate(collectedAt),
      counts: countsOf(collected),
      notCollected,
      files: [...files.keys()],
    };
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onAbort);
    clients.eks.destroy();
    clients.ec2.destroy();
  }
}
