// `modeshift collect` at the CLI edge, against fake Kubernetes, EKS and EC2 APIs on 127.0.0.1 that play
// an example inventory (issue 6): what it collects must plan exactly like the example's own files.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { kubeconfigYaml, startInventoryWorld, type World } from '@modeshift/collect/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../cli.js';
import { captureIo, EXAMPLES } from '../testing.js';

type ExampleWorld = World & { clusterName: string; region: string | null };

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const collectArgs = (world: ExampleWorld, out: string, kubeconfig = world.kubeconfig): string[] => {
  if (world.region === null) throw new Error('the example cluster has no ARN to take the region from');
  return ['collect', '--out', out, '--kubeconfig', kubeconfig, '--cluster', world.clusterName, '--region', world.region];
};

async function plan(inventory: string, to: string): Promise<string> {
  const io = captureIo();
  expect(await run(['plan', inventory, '--to', to, '--format', 'json'], io)).toBe(0);
  expect(io.err()).toBe('');
  return io.out();
}

describe.each([
  { example: 'fargate-to-auto-mode', to: 'auto-mode' },
  { example: 'auto-mode-to-fargate', to: 'fargate' },
])('collect from a cluster playing $example', ({ example, to }) => {
  const inventory = join(EXAMPLES, example, 'inventory');
  let world: ExampleWorld;
  beforeAll(async () => {
    world = await startInventoryWorld(inventory);
  });
  afterAll(() => world.close());

  it(`then plan --to ${to}: byte-identical to the plan of the example's files`, async () => {
    const io = captureIo(world.env);
    // Collected at the moment the example records, the inventory date must match too.
    const { collection } = JSON.parse(readFileSync(join(inventory, 'collection.json'), 'utf8')) as { collection: { collectedAt: string } };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(collection.collectedAt));
    try {
      expect(await run(collectArgs(world, world.out), io)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    expect(io.out()).toBe('');
    // Off a terminal, stderr has the end-of-run summary and no progress line.
    expect(io.err()).toMatch(new RegExp(`^Wrote \\d+ files to ${literal(world.out)} \\(cluster ${world.clusterName}, ${world.region}\\)\\.\\n`));
    expect(io.err()).toContain(`Inventory date: ${collection.collectedAt}; plans made from it carry this date.`);
    expect(io.err()).not.toContain('\r');
    expect(await plan(world.out, to)).toBe(await plan(inventory, to));
  });

  it('draws progress on stderr when stderr is a terminal', async () => {
    const io = captureIo(world.env);
    io.stderr.isTTY = true;
    expect(await run(collectArgs(world, join(world.root, 'tty')), io)).toBe(0);
    expect(io.err()).toContain('\r\u001B[2Kcollecting: ');
    expect(io.err()).toMatch(/\r\u001B\[2KWrote \d+ files to /);
    expect(io.out()).toBe('');
  });
});

/** A port that refuses connections: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('collect failures', () => {
  let world: ExampleWorld;
  let cases = 0;
  beforeAll(async () => {
    world = await startInventoryWorld(join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'));
  });
  afterAll(() => world.close());
  afterEach(() => vi.unstubAllEnvs());

  /** An empty directory of its own for each case, so that "nothing written" means it stays empty. */
  const parent = () => {
    const dir = join(world.root, `case-${++cases}`);
    mkdirSync(dir);
    return dir;
  };
  const requests = () => world.kube.requests.length + world.aws.requests.length;
  /**
   * The count once the servers have heard everything an earlier case sent: a request written just
   * before that case's collect was aborted can reach the server a moment after it returned.
   */
  const settledRequests = async () => {
    let last = -1;
    await vi.waitFor(
      async () => {
        const now = requests();
        const stable = now === last;
        last = now;
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (!stable) throw new Error('still hearing requests');
      },
      { timeout: 5_000, interval: 10 },
    );
    return last;
  };

  it('exits 3 within seconds with one line and no stack when the API server port is closed', async () => {
    const kubeconfig = join(parent(), 'kubeconfig');
    const server = `http://127.0.0.1:${await closedPort()}`;
    writeFileSync(kubeconfig, kubeconfigYaml(server));
    const dir = parent();
    const io = captureIo(world.env);
    const started = Date.now();
    expect(await run(collectArgs(world, join(dir, 'inventory'), kubeconfig), io)).toBe(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(io.err()).toMatch(
      new RegExp(`^modeshift: Cannot reach the Kubernetes API server at ${literal(server)} \\(context "[^"]+"\\): connection refused\\.\\n$`),
    );
    expect(io.out()).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 3 within seconds with one line when the EKS endpoint is closed', async () => {
    const dir = parent();
    const io = captureIo({ ...world.env, AWS_ENDPOINT_URL_EKS: `http://127.0.0.1:${await closedPort()}` });
    const started = Date.now();
    expect(await run(collectArgs(world, join(dir, 'inventory')), io)).toBe(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(io.err()).toMatch(/^modeshift: Cannot reach the EKS API \([^)]+\): ECONNREFUSED\.\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 3 within seconds with one line when there are no AWS credentials', async () => {
    // The SDK's default chain reads process.env and ~/.aws; point both at nothing (restored afterEach).
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    ]) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_CONFIG_FILE', join(world.root, 'no-config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(world.root, 'no-credentials'));
    const { AWS_ACCESS_KEY_ID: _a, AWS_SECRET_ACCESS_KEY: _s, ...env } = world.env;
    const dir = parent();
    const before = await settledRequests();
    const io = captureIo(env);
    const started = Date.now();
    expect(await run(collectArgs(world, join(dir, 'inventory')), io)).toBe(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(io.err()).toBe('modeshift: No AWS credentials found: pass --profile or set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.\n');
    expect(requests()).toBe(before);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 without --out, before any request', async () => {
    const before = requests();
    const io = captureIo(world.env);
    expect(
      await run(
        collectArgs(world, 'unused').filter((arg, i, all) => arg !== '--out' && all[i - 1] !== '--out'),
        io,
      ),
    ).toBe(2);
    expect(io.err()).toContain("required option '--out <dir>' not specified");
    expect(requests()).toBe(before);
  });

  it('exits 2 for a non-empty --out without --force, and leaves it as it was', async () => {
    const out = parent();
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    const before = await settledRequests();
    const io = captureIo(world.env);
    expect(await run(collectArgs(world, out), io)).toBe(2);
    expect(io.err()).toBe(`modeshift: --out ${out} already exists and is not empty: choose another directory or pass --force.\n`);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(requests()).toBe(before);

    expect(await run([...collectArgs(world, out), '--force'], captureIo(world.env))).toBe(0);
    expect(readdirSync(out)).toContain('kubernetes');
  });
});
