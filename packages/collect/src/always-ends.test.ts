// `collect` always ends (issue 17): against API servers on 127.0.0.1 that never answer, page forever,
// send enormous pages or keep expiring their continue tokens. Every bound here is an option, so the
// tests are quick and never depend on how fast the machine is.
import { readdir } from 'node:fs/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { rejection } from './__fixtures__/rejection.js';
import { startWorld, type World } from './__fixtures__/world.js';
import { statusBody, type ScriptedAnswer, type ScriptedRequest } from './testing/fake-kube.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function expectNoOutput(w: World): Promise<void> {
  expect(await readdir(w.root)).toEqual(['kubeconfig']);
}

/**
 * A full garbage collection. A timer that only a collectable object holds (AbortSignal.timeout inside
 * AbortSignal.any) is lost in one: the request it should end then waits forever.
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const deploymentLists = (w: World) => w.kube.requests.filter((r) => r.path === '/apis/apps/v1/deployments');
const page = (items: unknown[], next?: string): ScriptedAnswer => ({
  status: 200,
  body: { kind: 'DeploymentList', apiVersion: 'apps/v1', metadata: { resourceVersion: '1', ...(next === undefined ? {} : { continue: next }) }, items },
});
const expiredToken: ScriptedAnswer = { status: 410, body: statusBody(410, 'Expired', 'The provided continue parameter is too old') };
const deployments = (script: (request: ScriptedRequest) => ScriptedAnswer | 'silence' | undefined) => (request: ScriptedRequest) =>
  request.resource === 'deployments' ? script(request) : undefined;

describe('a server that does not answer', () => {
  it('ends every attempt at its timeout, retries included, and then gives up naming the request', async () => {
    world = await startWorld({
      kube: {
        script: deployments(() => {
          // While the request waits for an answer that never comes.
          setImmediate(collectGarbage);
          return 'silence';
        }),
      },
    });
    const error = await rejection(collect(world.options({ timeoutMs: 500, retryBaseMs: 1 })));
    expect(error.kind).toBe('api');
    expect(error.message).toBe('The Kubernetes API server kept failing GET /apis/apps/v1/deployments (no answer within 0.5 s) after 5 attempts.');
    expect(deploymentLists(world)).toHaveLength(5);
    await expectNoOutput(world);
  });

  it('stops at the overall deadline and names what it was still waiting for', async () => {
    world = await startWorld({ kube: { script: deployments(() => 'silence') } });
    const error = await rejection(collect(world.options({ timeoutMs: 60_000, deadlineMs: 2_000 })));
    expect(error.kind).toBe('api');
    // Whatever else is still under way on a busy machine, the list that never answers is named.
    expect(error.message).toMatch(/^collect did not finish within its deadline \(2 s; raise it with --deadline\): still waiting for .*\.$/);
    expect(error.message).toContain('Deployment (GET /apis/apps/v1/deployments)');
    const made = world.kube.requests.length;
    await expectNoOutput(world);
    // Nothing keeps requesting once collect has given up.
    expect(world.kube.requests.length).toBe(made);
  });

  it('rejects a deadline that is not a positive number', async () => {
    world = await startWorld();
    const error = await rejection(collect(world.options({ deadlineMs: 0 })));
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('deadlineMs must be a positive number, got 0.');
    expect(world.kube.requests).toEqual([]);
  });
});

describe('continue tokens', () => {
  it('stops a list whose continue tokens never end, at a page cap derived from the page size, naming the kind', async () => {
    let served = 0;
    world = await startWorld({ kube: { script: deployments(() => page([], `token-${++served}`)) } });
    const error = await rejection(collect(world.options({ pageSize: 2, maxItemsPerKind: 10 })));
    expect(error.kind).toBe('api');
    expect(error.message).toBe(
      'The Kubernetes API server kept sending continue tokens while listing Deployment (GET /apis/apps/v1/deployments): stopped after 6 pages, enough for 10 items at 2 per page.',
    );
    expect(deploymentLists(world)).toHaveLength(6);
    await expectNoOutput(world);
  });

  it('stops a list whose server repeats a continue token, naming the kind', async () => {
    world = await startWorld({ kube: { script: deployments(() => page([], 'same-token')) } });
    const error = await rejection(collect(world.options()));
    expect(error.kind).toBe('api');
    expect(error.message).toBe(
      'The Kubernetes API server repeated a continue token while listing Deployment (GET /apis/apps/v1/deployments): the list would never end.',
    );
    expect(deploymentLists(world)).toHaveLength(2);
    await expectNoOutput(world);
  });

  it('lists again from the start when continue tokens expire twice, and collects everything', async () => {
    let expired = 0;
    world = await startWorld({
      kube: {
        script: deployments((request) => {
          if (request.continue === null || expired >= 2) return undefined;
          expired++;
          return expiredToken;
        }),
      },
    });
    const report = await collect(world.options({ pageSize: 1 }));
    expect(report.notCollected).toEqual([]);
    expect(report.counts.Deployment).toBe(2);
    // Three passes: two cut short by an expired token, then a whole one.
    expect(deploymentLists(world).filter((r) => r.query.continue === undefined)).toHaveLength(3);
  });

  it('exits with an API error, not "not served", when continue tokens keep expiring', async () => {
    world = await startWorld({
      kube: {
        script: deployments((request) => (request.continue === null ? undefined : expiredToken)),
      },
    });
    const error = await rejection(collect(world.options({ pageSize: 1 })));
    expect(error.kind).toBe('api');
    expect(error.message).toBe(
      'The continue token kept expiring (HTTP 410) while listing Deployment (GET /apis/apps/v1/deployments): the list was started 4 times; the cluster changes faster than it can be listed, so try again.',
    );
    expect(deploymentLists(world).filter((r) => r.query.continue === undefined)).toHaveLength(4);
    await expectNoOutput(world);
  });
});

describe('a very large page', () => {
  it('collects 200,000 items served in one page', async () => {
    const count = 200_000;
    const items = Array.from({ length: count }, (_, i) => ({ metadata: { name: `s${i}`, namespace: 'bulk' } }));
    const body = { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '1' }, items };
    world = await startWorld({ kube: { script: (request) => (request.resource === 'secrets' ? { status: 200, body } : undefined) } });
    const report = await collect(world.options({ pageSize: 500 }));
    expect(report.counts.Secret).toBe(count);
    const written = await world.json<{ items: { metadata: { name: string } }[] }>('kubernetes/secrets.json');
    expect(written.items).toHaveLength(count);
  });
});
