import { mkdir, readdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collect } from './collect.js';
import { rejection } from './__fixtures__/rejection.js';
import { kubeconfigYaml, SECRET_ACCESS_KEY, startWorld, type World } from './__fixtures__/world.js';

let world: World | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await world?.close();
  world = undefined;
});

/** A port that refuses connections: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Nothing in the temp root but the kubeconfig: no inventory, no half-written temporary directory. */
async function expectNoOutput(w: World): Promise<void> {
  expect(await readdir(w.root)).toEqual(['kubeconfig']);
}

describe('unreachable or refusing APIs', () => {
  it('fails with one api error within seconds when nothing listens on the API server port', async () => {
    world = await startWorld();
    const port = await closedPort();
    await writeFile(world.kubeconfig, kubeconfigYaml(`http://127.0.0.1:${port}`));
    const started = Date.now();
    const error = await rejection(collect(world.options()));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.kind).toBe('api');
    expect(error.message).toBe(
      `Cannot reach the Kubernetes API server at http://127.0.0.1:${port} (context "arn:aws:eks:eu-west-1:111122223333:cluster/demo"): connection refused.`,
    );
    await expectNoOutput(world);
  });

  it('bounds a server that accepts connections but never answers', async () => {
    world = await startWorld();
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      await writeFile(world.kubeconfig, kubeconfigYaml(`http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`));
      const started = Date.now();
      const error = await rejection(collect(world.options({ timeoutMs: 300 })));
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(error.kind).toBe('api');
      expect(error.message).toMatch(/^Cannot reach the Kubernetes API server at .*: no answer within 0.3 s\.$/);
      await expectNoOutput(world);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('names rejected Kubernetes credentials without printing them', async () => {
    world = await startWorld();
    await writeFile(world.kubeconfig, kubeconfigYaml(world.kube.url, 'wrong-token-value'));
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('api');
    expect(error.message).toBe('The Kubernetes API server rejected the credentials of context "arn:aws:eks:eu-west-1:111122223333:cluster/demo" (HTTP 401).');
    expect(error.message).not.toContain('wrong-token-value');
  });

  it('gives up on a kind that keeps answering 503, after bounded retries, and writes nothing', async () => {
    world = await startWorld({ kube: { failing: ['deployments'] } });
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('api');
    expect(error.message).toBe('The Kubernetes API server kept failing GET /apis/apps/v1/deployments (HTTP 503) after 5 attempts.');
    expect(world.kube.requests.filter((r) => r.path === '/apis/apps/v1/deployments')).toHaveLength(5);
    await expectNoOutput(world);
  });

  it('fails fast when the EKS endpoint is unreachable', async () => {
    world = await startWorld();
    const started = Date.now();
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const error = await rejection(collect(world.options({ env: { ...world.env, AWS_ENDPOINT_URL_EKS: endpoint } })));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.kind).toBe('api');
    expect(error.message).toBe(`Cannot reach the EKS API (${endpoint}): ECONNREFUSED.`);
    await expectNoOutput(world);
  });

  it('says so when the EKS cluster does not exist', async () => {
    world = await startWorld();
    const error = await rejection(collect(world.options({ cluster: 'nope' })));
    expect(error.kind).toBe('api');
    expect(error.message).toBe(`EKS cluster "nope" was not found in ${world.aws.eksUrl}: pass --cluster and --region.`);
    await expectNoOutput(world);
  });

  it('names rejected AWS credentials without printing them', async () => {
    world = await startWorld();
    const error = await rejection(collect(world.options({ env: { ...world.env, AWS_ACCESS_KEY_ID: 'AKIDSOMEONEELSE' } })));
    expect(error.kind).toBe('api');
    expect(error.message).toBe(
      `AWS rejected the credentials (UnrecognizedClientException) calling EKS in ${world.aws.eksUrl}: refresh them or choose another profile.`,
    );
    expect(error.message).not.toContain(SECRET_ACCESS_KEY);
  });

  it('reports missing AWS credentials before reading anything, without reaching for instance metadata', async () => {
    world = await startWorld();
    // The SDK's default chain reads process.env and ~/.aws; point both at nothing, restored in afterEach.
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
    vi.stubEnv('AWS_CONFIG_FILE', path.join(world.root, 'no-config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(world.root, 'no-credentials'));
    const { AWS_ACCESS_KEY_ID: _a, AWS_SECRET_ACCESS_KEY: _s, ...env } = world.env;
    const started = Date.now();
    const error = await rejection(collect(world.options({ env })));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.kind).toBe('api');
    expect(error.message).toBe('No AWS credentials found: pass --profile or set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
    expect(world.kube.requests).toEqual([]);
  });

  it('records AWS kinds it may not read as not collected and carries on', async () => {
    world = await startWorld({ aws: { deny: ['eks:ListNodegroups', 'ec2:DescribeSubnets'] } });
    const report = await collect(world.options());
    expect(report.notCollected).toEqual([
      { kind: 'Nodegroup', namespace: null, reason: 'forbidden' },
      { kind: 'Subnet', namespace: null, reason: 'forbidden' },
    ]);
    const files = await world.files();
    expect(files.filter((f) => f.startsWith('aws/'))).toEqual([
      'aws/describe-cluster.json',
      'aws/fargate-profiles/fp-default.json',
      'aws/fargate-profiles/fp-observability.json',
      'aws/fargate-profiles/fp-shop.json',
      'aws/security-groups.json',
    ]);
    // Without node groups, their remote-access security group is no longer referenced.
    const sg = await world.json<{ SecurityGroups: { GroupId: string }[] }>('aws/security-groups.json');
    expect(sg.SecurityGroups.map((g) => g.GroupId)).toEqual(['sg-0cluster', 'sg-0ctrl', 'sg-0pods']);
  });
});

describe('the output directory', () => {
  it('refuses a non-empty --out before making any request', async () => {
    world = await startWorld();
    await mkdir(world.out);
    await writeFile(path.join(world.out, 'keep.txt'), 'mine');
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe(`--out ${world.out} already exists and is not empty: choose another directory or pass --force.`);
    expect(world.kube.requests).toEqual([]);
    expect(world.aws.requests).toEqual([]);
    expect(await readdir(world.out)).toEqual(['keep.txt']);
  });

  it('refuses an --out that is a file', async () => {
    world = await startWorld();
    await writeFile(world.out, 'not a directory');
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe(`--out ${world.out} is a file, not a directory.`);
  });

  it('replaces a non-empty --out with force, and fills an empty one', async () => {
    world = await startWorld();
    await mkdir(world.out);
    await writeFile(path.join(world.out, 'stale.json'), '{}');
    await collect(world.options({ force: true }));
    const files = await world.files();
    expect(files).not.toContain('stale.json');
    expect(files).toContain('kubernetes/pods.json');
    expect((await readdir(world.root)).sort()).toEqual(['inventory', 'kubeconfig']);

    const empty = path.join(world.root, 'empty');
    await mkdir(empty);
    await collect(world.options({ out: empty }));
    expect(await world.files(empty)).toContain('not-collected.json');
  });

  it('leaves nothing behind when aborted mid-collect, and stops requesting', async () => {
    world = await startWorld({ kube: { delayMs: 100 } });
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const pending = collect(world.options({ signal: controller.signal }), (event) => {
      if (event.type === 'count') controller.abort(reason);
    });
    await expect(pending).rejects.toBe(reason);
    const made = world.kube.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.kube.requests.length).toBe(made);
    await expectNoOutput(world);
  });
});

describe('kubeconfig and context', () => {
  it('rejects a context that is not in the kubeconfig', async () => {
    world = await startWorld();
    const error = await rejection(collect(world.options({ context: 'staging' })));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe(`Context "staging" is not in the kubeconfig (${world.kubeconfig}).`);
  });

  it('asks for --cluster when the context does not name an EKS cluster', async () => {
    world = await startWorld();
    const config = kubeconfigYaml(world.kube.url).replaceAll('arn:aws:eks:eu-west-1:111122223333:cluster/demo', 'kind-dev');
    await writeFile(world.kubeconfig, config);
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('Cannot tell the EKS cluster name from context "kind-dev": pass --cluster <name>.');
    const report = await collect(world.options({ cluster: 'demo', region: 'eu-west-1' }));
    expect(report.cluster).toEqual({ name: 'demo', region: 'eu-west-1' });
  });

  it('reads an unreadable kubeconfig as bad input', async () => {
    world = await startWorld();
    await writeFile(world.kubeconfig, 'clusters: [unclosed');
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(/^Cannot read kubeconfig .*kubeconfig: /);
  });

  it('says an empty kubeconfig (KUBECONFIG=/dev/null) is empty instead of failing inside the client library', async () => {
    world = await startWorld();
    await writeFile(world.kubeconfig, '');
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('input');
    expect(error.message).toContain('the file is empty');
    expect(error.message).not.toContain('Cannot read properties');
  });

  it('finds the kubeconfig through KUBECONFIG in the given env', async () => {
    world = await startWorld();
    const { kubeconfig: _k, ...options } = world.options({
      env: { ...world.env, KUBECONFIG: [path.join(world.root, 'absent'), world.kubeconfig].join(path.delimiter) },
    });
    const report = await collect(options);
    expect(report.counts.Pod).toBe(5);
  });
});
