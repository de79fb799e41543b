// `modeshift collect` always ends (issue 17): --deadline bounds the whole run with exit 3, and Ctrl-C
// (SIGINT to the real process) exits 130 with nothing left behind. The cluster is a fake one on
// 127.0.0.1 whose Pod list never answers, so the collect is certainly still running when it is stopped.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startInventoryWorld, type World } from '@modeshift/collect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo, EXAMPLES } from '../testing.js';

const BIN = fileURLToPath(new URL('../../bin/modeshift.js', import.meta.url));

type ExampleWorld = World & { clusterName: string; region: string | null };

describe('collect against a Pod list that never answers', () => {
  let world: ExampleWorld;
  let cases = 0;
  beforeAll(async () => {
    world = await startInventoryWorld(join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'), {
      kube: { script: (request) => (request.resource === 'pods' ? 'silence' : undefined) },
    });
  });
  afterAll(() => world.close());

  const args = (out: string): string[] => [
    'collect',
    '--out',
    out,
    '--kubeconfig',
    world.kubeconfig,
    '--cluster',
    world.clusterName,
    '--region',
    world.region ?? '',
  ];
  const parent = () => {
    const dir = join(world.root, `case-${++cases}`);
    mkdirSync(dir);
    return dir;
  };
  const podLists = () => world.kube.requests.filter((r) => r.path === '/api/v1/pods').length;

  it('exits 3 at --deadline, naming the list it was waiting for, and writes nothing', async () => {
    const dir = parent();
    const io = captureIo(world.env);
    expect(await run([...args(join(dir, 'inventory')), '--deadline', '2s'], io)).toBe(3);
    expect(io.err()).toMatch(/^modeshift: collect did not finish within its deadline \(2 s; raise it with --deadline\): still waiting for .*\.\n$/);
    expect(io.err()).toContain('Pod (GET /api/v1/pods)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 for a --deadline that is not a duration, before any request', async () => {
    const before = world.kube.requests.length;
    const io = captureIo(world.env);
    expect(await run([...args(join(parent(), 'inventory')), '--deadline', 'soon'], io)).toBe(2);
    expect(io.err()).toBe('modeshift: --deadline must be a duration such as 10m, 90s or 1h, not "soon"\n');
    expect(world.kube.requests.length).toBe(before);
  });

  it('exits 130 on SIGINT, after removing everything it had started, with one line', async () => {
    const dir = parent();
    const before = podLists();
    const child = spawn(process.execPath, [BIN, ...args(join(dir, 'inventory'))], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...world.env, PATH: process.env.PATH },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Bounded: the child is interrupted once it waits for the Pod list, or the test fails.
    for (let i = 0; i < 600 && podLists() === before && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(podLists()).toBeGreaterThan(before);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('modeshift: interrupted: nothing was written\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});
