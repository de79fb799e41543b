import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveKubeTarget } from './kube/kubeconfig.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'modeshift-kubeconfig-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const config = (context: string, server: string, current?: string) =>
  [
    'apiVersion: v1',
    'kind: Config',
    `clusters: [{ name: ${context}, cluster: { server: "${server}" } }]`,
    `users: [{ name: ${context}, user: { token: t } }]`,
    `contexts: [{ name: ${context}, context: { cluster: ${context}, user: ${context} } }]`,
    ...(current ? [`current-context: ${current}`] : []),
    '',
  ].join('\n');

describe('finding the kubeconfig and context', () => {
  it('merges a KUBECONFIG path list the way kubectl does: first definition and first current context win', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(root, name)) as [string, string, string];
    await writeFile(a, config('shared', 'https://first.example'));
    await writeFile(b, config('shared', 'https://second.example', 'shared'));
    await writeFile(c, config('other', 'https://other.example', 'other'));
    const env = { KUBECONFIG: [a, path.join(root, 'missing'), b, c].join(path.delimiter) };
    const target = resolveKubeTarget({}, env);
    expect(target.context).toBe('shared');
    expect(target.server).toBe('https://first.example');
    expect(resolveKubeTarget({ context: 'other' }, env).server).toBe('https://other.example');
  });

  it('falls back to ~/.kube/config under the given HOME, and says when there is none', async () => {
    expect(() => resolveKubeTarget({}, { HOME: root })).toThrow(/^No kubeconfig found/);
    await mkdir(path.join(root, '.kube'));
    await writeFile(path.join(root, '.kube', 'config'), config('home', 'https://home.example', 'home'));
    expect(resolveKubeTarget({}, { HOME: root }).server).toBe('https://home.example');
  });

  it('asks for --context when there is no current context', async () => {
    const file = path.join(root, 'c');
    await writeFile(file, config('only', 'https://only.example'));
    expect(() => resolveKubeTarget({ kubeconfig: file }, {})).toThrow(`The kubeconfig (${file}) has no current context: pass --context.`);
    expect(resolveKubeTarget({ kubeconfig: file, context: 'only' }, {}).context).toBe('only');
  });
});
