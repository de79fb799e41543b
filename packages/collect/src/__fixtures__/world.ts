// One test world: a fake Kubernetes API, fake EKS and EC2, a kubeconfig pointing at them and an env
// with dummy AWS credentials. Nothing leaves 127.0.0.1 and process.env is never touched.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CollectOptions } from '../types.js';
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

export function kubeconfigYaml(server: string, token = TOKEN): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${CONTEXT}`,
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    `- name: ${CONTEXT}`,
    '  user:',
    `    token: ${token}`,
    'contexts:',
    `- name: ${CONTEXT}`,
    '  context:',
    `    cluster: ${CONTEXT}`,
    `    user: ${CONTEXT}`,
    `current-context: ${CONTEXT}`,
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

export async function startWorld(
  setup: { kube?: Partial<FakeKubeOptions>; aws?: Partial<FakeAwsOptions>; secretNames?: boolean } = {},
): Promise<World> {
  const docs = readmeDocuments();
  const roles = [roleNamed(docs.roles, 'modeshift-collect'), ...(setup.secretNames === false ? [] : [roleNamed(docs.roles, 'modeshift-collect-secret-names')])];
  const kube = await startFakeKube({ token: TOKEN, roles, ...setup.kube });
  const aws = await startFakeAws({ accessKeyId: ACCESS_KEY_ID, policy: docs.iam, ...setup.aws });
  const root = await mkdtemp(path.join(os.tmpdir(), 'modeshift-collect-'));
  const kubeconfig = path.join(root, 'kubeconfig');
  await writeFile(kubeconfig, kubeconfigYaml(kube.url));
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
