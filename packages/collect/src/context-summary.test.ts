import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentContextSummary } from './index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'modeshift-context-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A kubeconfig with one context; `user` is the YAML of its user entry. */
const config = (context: string, server: string, user: string, current: string | null = context) =>
  [
    'apiVersion: v1',
    'kind: Config',
    `clusters: [{ name: "${context}", cluster: { server: "${server}" } }]`,
    `users: [{ name: "${context}", user: ${user} }]`,
    `contexts: [{ name: "${context}", context: { cluster: "${context}", user: "${context}" } }]`,
    ...(current === null ? [] : [`current-context: "${current}"`]),
    '',
  ].join('\n');

const write = async (name: string, text: string) => {
  const file = path.join(root, name);
  await writeFile(file, text);
  return file;
};

describe('currentContextSummary', () => {
  it('names the cluster and region of a context written by aws eks update-kubeconfig', async () => {
    const arn = 'arn:aws:eks:eu-west-1:111122223333:cluster/shop-prod';
    const file = await write('config', config(arn, 'https://ABC.gr7.eu-west-1.eks.amazonaws.com', '{ token: t }'));
    expect(currentContextSummary(file, {})).toEqual({ context: arn, cluster: 'shop-prod', region: 'eu-west-1' });
  });

  it("reads an exec plugin's arguments without running it", async () => {
    const marker = path.join(root, 'ran');
    const exec = `{ exec: { apiVersion: client.authentication.k8s.io/v1beta1, command: sh, args: ["-c", "touch ${marker}", "--cluster-name", "dev", "--region", "us-east-2"] } }`;
    const file = await write('config', config('dev@team', 'https://10.0.0.1', exec));
    expect(currentContextSummary(file, {})).toEqual({ context: 'dev@team', cluster: 'dev', region: 'us-east-2' });
    expect(existsSync(marker)).toBe(false);
  });

  it('has no cluster for a context that does not name one, and the region collect would fall back to', async () => {
    const file = await write('config', config('kind-local', 'https://127.0.0.1:6443', '{ token: t }'));
    expect(currentContextSummary(file, {})).toEqual({ context: 'kind-local', cluster: null, region: null });
    expect(currentContextSummary(file, { AWS_DEFAULT_REGION: 'ap-south-1' })?.region).toBe('ap-south-1');
  });

  it('finds the kubeconfig as collect does: KUBECONFIG, then ~/.kube/config under HOME', async () => {
    const file = await write('config', config('from-env', 'https://127.0.0.1:6443', '{ token: t }'));
    expect(currentContextSummary(undefined, { KUBECONFIG: file })?.context).toBe('from-env');
    expect(currentContextSummary(undefined, { HOME: root })).toBeNull();
  });

  it('is null when there is no current context or the file cannot be read', async () => {
    const none = await write('none', config('only', 'https://127.0.0.1:6443', '{ token: t }', null));
    expect(currentContextSummary(none, {})).toBeNull();
    const dangling = await write('dangling', config('only', 'https://127.0.0.1:6443', '{ token: t }', 'gone'));
    expect(currentContextSummary(dangling, {})).toBeNull();
    expect(currentContextSummary(path.join(root, 'missing'), {})).toBeNull();
    expect(currentContextSummary(await write('broken', 'clusters: [unclosed\n'), {})).toBeNull();
  });
});
