// A Kubernetes API server on 127.0.0.1 that serves the lists it is given the way a real one does:
// bearer-token authentication, RBAC (the README's roles), group discovery, limit/continue pagination
// with opaque tokens, metadata-only lists on request, and scripted 403/404/429/503 answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeData, KubeObject } from './data.js';
import { kubeAttributes, rbacAllows, type ClusterRole, type KubeAttributes } from './policy.js';

export interface KubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string;
  status: number;
  /** Why a 403 was sent: the README's RBAC refused it, or the scenario did. */
  deniedBy?: 'rbac' | 'scenario';
}

export interface FakeKubeOptions {
  token: string;
  /** What the server holds: its API groups and the objects of each resource. */
  data: KubeData;
  roles: readonly ClusterRole[];
  /** Extra 403s, as a namespace-scoped RoleBinding or a missing grant would give. */
  forbid?: (attrs: Extract<KubeAttributes, { resource: string }>) => boolean;
  /** resource → how many 429s its first requests get. */
  throttle?: Record<string, number>;
  /** resource → answered 503 every time. */
  failing?: readonly string[];
  /** "group/version/resource" (core: "v1/resource") answered 404 though the group is served. */
  missing?: readonly string[];
  /** Delay before each list answer, to let a test abort mid-collect. */
  delayMs?: number;
  /**
   * A misbehaving server, scripted per list request (after authentication and RBAC): return an answer
   * to send instead of the real one, 'silence' to accept the request and never answer, or undefined
   * to answer normally.
   */
  script?: (request: ScriptedRequest) => ScriptedAnswer | 'silence' | undefined;
}

export interface ScriptedRequest {
  resource: string;
  namespace: string | null;
  limit: number;
  continue: string | null;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
}

export interface FakeKube {
  url: string;
  requests: KubeRequest[];
  close(): Promise<void>;
}

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset, rv: '9100' })).toString('base64');
const decodeToken = (token: string) => (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset: number }).offset;

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const statusBody = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

export async function startFakeKube(options: FakeKubeOptions): Promise<FakeKube> {
  const { lists } = options.data;
  const apis = { kind: 'APIGroupList', apiVersion: 'v1', groups: options.data.groups };
  const served = new Set(['v1', ...apis.groups.flatMap((g) => g.versions.map((v) => `${g.name}/${v.version}`))]);
  const requests: KubeRequest[] = [];
  const calls = new Map<string, number>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: KubeRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accept: req.headers.accept ?? '',
      status: 0,
    };
    requests.push(record);
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status;
      send(res, status, body, headers);
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) return reply(401, statusBody(401, 'Unauthorized', 'Unauthorized'));
    const attrs = kubeAttributes(record.method, url.pathname);
    if (!rbacAllows(options.roles, attrs)) {
      record.deniedBy = 'rbac';
      return reply(403, statusBody(403, 'Forbidden', `forbidden: ${JSON.stringify(attrs)}`));
    }
    if ('nonResourceURL' in attrs) {
      return attrs.nonResourceURL === '/apis' ? reply(200, apis) : reply(404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
    }
    if (options.forbid?.(attrs)) {
      record.deniedBy = 'scenario';
      return reply(403, statusBody(403, 'Forbidden', `${attrs.resource} is forbidden`));
    }
    const scripted = options.script?.({
      resource: attrs.resource,
      namespace: attrs.namespace,
      limit: Number(url.searchParams.get('limit') ?? '0'),
      continue: url.searchParams.get('continue'),
    });
    // Left open: the request ends only when the client gives up (or the server closes).
    if (scripted === 'silence') return;
    if (scripted !== undefined) return reply(scripted.status, scripted.body);
    const count = (calls.get(attrs.resource) ?? 0) + 1;
    calls.set(attrs.resource, count);
    if (count <= (options.throttle?.[attrs.resource] ?? 0)) return reply(429, statusBody(429, 'TooManyRequests', 'storage is (re)initializing'));
    if (options.failing?.includes(attrs.resource)) return reply(503, statusBody(503, 'ServiceUnavailable', 'etcd is unavailable'));

    const parts = url.pathname.split('/').filter((p) => p !== '');
    const groupVersion = parts[0] === 'api' ? (parts[1] ?? '') : `${parts[1]}/${parts[2]}`;
    const key = `${groupVersion}/${attrs.resource}`;
    if (!served.has(groupVersion) || options.missing?.includes(key) || attrs.name !== null) {
      return reply(404, statusBody(404, 'NotFound', 'the server could not find the requested resource'));
    }
    const all = (lists.get(key) ?? []).filter((item) => attrs.namespace === null || item.metadata.namespace === attrs.namespace);
    const limit = Number(url.searchParams.get('limit') ?? '0');
    const token = url.searchParams.get('continue');
    const offset = token === null ? 0 : decodeToken(token);
    const end = limit > 0 ? Math.min(offset + limit, all.length) : all.length;
    let items: unknown[] = all.slice(offset, end);
    const metadata: Record<string, unknown> = { resourceVersion: '9100' };
    if (end < all.length) {
      metadata.continue = encodeToken(end);
      metadata.remainingItemCount = all.length - end;
    }
    let body: unknown = { kind: `${attrs.resource}List`, apiVersion: groupVersion, metadata, items };
    if (record.accept.includes('as=PartialObjectMetadataList')) {
      // What a real server does: every piece of metadata, annotations included, and nothing else.
      items = (items as KubeObject[]).map((item) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: item.metadata }));
      body = { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata, items };
    }
    const answer = () => reply(200, body);
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
