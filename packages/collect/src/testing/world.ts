// One test world: a fake Kubernetes API, fake EKS and EC2 serving the given data, a kubeconfig pointing
// at them and an env with dummy AWS credentials. Nothing leaves 127.0.0.1 and process.env is never touched.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseEksArn } from '../kube/eks-identity.js';
import type { CollectOptions } from '../types.js';
import type { WorldData } from './data.js';
import { inventoryData } from './inventory-data.js';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from './fake-aws.js';
import { startFakeKube, type FakeKube, type FakeKubeOptions } from './fake-kube.js';
import { readmeDocuments, roleNamed } from './policy.js';

export const CONTEXT = 'arn:aws:eks:eu-west-1:111122223333:cluster/demo';
export const TOKEN = 'test-token-not-a-secret';
export const ACCESS_KEY_ID = 'AKIDMODESHIFTTEST';
export const SECRET_ACCESS_KEY = 'modeshift-dummy-secret-key';

export interface World {
  kube: FakeKube;
  aws: FakeAws;
  root: string;
  kubeconfig: string;
  env: NodeJS.ProcessEnv;
  out: string;
  options(extra?: Partial<CollectOptions>): CollectOptions;
  /** Every file under `out`, relative, sorted. */
  files(dir?: string): Promise<string[]>;
  read(relative: string): Promise<string>;
  json<T = unknown>(relative: string): Promise<T>;
  close(): Promise<void>;
}

export function kubeconfigYaml(server: string, token = TOKEN, context = CONTEXT): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${context}`,
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${context}`,
    '  user:',
    `    token: ${token}`,
    'contexts:',
    `- name: ${context}`,
    '  context:',
    `    cluster: ${context}`,
    `    user: ${context}`,
    `current-context: ${context}`,
    '',
  ].join('\n');
}

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

export interface WorldSetup {
  data: WorldData;
  kube?: Partial<Omit<FakeKubeOptions, 'data'>>;
  aws?: Partial<Omit<FakeAwsOptions, 'data'>>;
  /** Grant the optional ClusterRole that lists Secret names (default true). */
  secretNames?: boolean;
  /** Name of the kubeconfig's one context (default CONTEXT, the recorded cluster's ARN). */
  context?: string;
}

export async function startWorld(setup: WorldSetup): Promise<World> {
  const docs = readmeDocuments();
  const roles = [roleNamed(docs.roles, 'modeshift-collect'), ...(setup.secretNames === false ? [] : [roleNamed(docs.roles, 'modeshift-collect-secret-names')])];
  const kube = await startFakeKube({ token: TOKEN, roles, ...setup.kube, data: setup.data.kube });
  const aws = await startFakeAws({ accessKeyId: ACCESS_KEY_ID, policy: docs.iam, ...setup.aws, data: setup.data.aws });
  const root = await mkdtemp(path.join(os.tmpdir(), 'modeshift-collect-'));
  const kubeconfig = path.join(root, 'kubeconfig');
  await writeFile(kubeconfig, kubeconfigYaml(kube.url, TOKEN, setup.context ?? CONTEXT));
  const out = path.join(root, 'inventory');
  const env: NodeJS.ProcessEnv = {
    HOME: root,
    AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    AWS_ENDPOINT_URL_EKS: aws.eksUrl,
    AWS_ENDPOINT_URL_EC2: aws.ec2Url,
  };
  return {
    kube,
    aws,
    root,
    kubeconfig,
    env,
    out,
    options: (extra = {}) => ({ out, kubeconfig, env, pageSize: 2, retryBaseMs: 10, timeoutMs: 5_000, ...extra }),
    files: (dir = out) => walk(dir),
    read: (relative) => readFile(path.join(out, relative), 'utf8'),
    json: async <T>(relative: string) => JSON.parse(await readFile(path.join(out, relative), 'utf8')) as T,
    close: async () => {
      await Promise.all([kube.close(), aws.close()]);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A world whose servers play the inventory directory `dir` (an example, or a previous collect). */
export async function startInventoryWorld(dir: string, setup: Omit<WorldSetup, 'data'> = {}): Promise<World & { clusterName: string; region: string | null }> {
  const { clusterName, clusterArn, ...data } = await inventoryData(dir);
  const world = await startWorld({ context: clusterArn ?? undefined, ...setup, data });
  return { ...world, clusterName, region: parseEksArn(clusterArn ?? undefined)?.region ?? null };
}
