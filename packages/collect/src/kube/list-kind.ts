import { UserError } from '@modeshift/core';
import { apiVersionOf, listPath, type KindSpec } from '../kinds.js';
import type { NotCollectedEntry } from '../types.js';
import { chooseVersion, type Discovery } from './discovery.js';
import { compareItems, sanitize, type KubeItem } from './sanitize.js';
import type { KubeTransport } from './transport.js';

/** Asks for names and labels only, so Secret data never crosses the wire. */
export const METADATA_ONLY_ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

export interface KindOutcome {
  spec: KindSpec;
  apiVersion: string | null;
  /** null when nothing of the kind was collected: an absent CRD, or forbidden everywhere. */
  items: KubeItem[] | null;
  notCollected: NotCollectedEntry[];
}

export interface ListContext {
  transport: KubeTransport;
  pageSize: number;
  /** Namespace names, when they could be listed: needed to fall back from a forbidden cluster-wide list. */
  namespaces: readonly string[] | null;
  onCount: (kind: string, count: number) => void;
}

type Pages = { ok: true; items: unknown[] } | { ok: false; status: 403 | 404 | 410; message: string };

async function listPages(ctx: ListContext, spec: KindSpec, path: string, onPage: (added: number) => void): Promise<Pages> {
  const accept = spec.metadataOnly ? METADATA_ONLY_ACCEPT : 'application/json';
  let items: unknown[] = [];
  let token: string | undefined;
  let restarted = false;
  const seen = new Set<string>();
  for (;;) {
    const result = await ctx.transport.get(path, { limit: ctx.pageSize, continue: token }, accept);
    if (!result.ok) {
      // An expired continue token (410) means the list must be taken again from the start; once is enough.
      if (result.status === 410 && token !== undefined && !restarted) {
        restarted = true;
        onPage(-items.length);
        items = [];
        token = undefined;
        seen.clear();
        continue;
      }
      return result;
    }
    const body = result.body as { items?: unknown; metadata?: { continue?: unknown } };
    if (!Array.isArray(body.items)) throw new UserError('api', `The Kubernetes API server answered GET ${path} with something that is not a list.`);
    items.push(...(body.items as unknown[]));
    onPage(body.items.length);
    const next = body.metadata?.continue;
    if (typeof next !== 'string' || next === '') return { ok: true, items };
    if (seen.has(next)) throw new UserError('api', `The Kubernetes API server repeated a continue token while listing ${path}.`);
    seen.add(next);
    token = next;
  }
}

export async function collectKind(spec: KindSpec, discovery: Discovery, ctx: ListContext): Promise<KindOutcome> {
  const choice = chooseVersion(spec, discovery);
  const entry = (namespace: string | null, reason: string): NotCollectedEntry => ({ kind: spec.label, namespace, reason });
  if ('absent' in choice) return { spec, apiVersion: null, items: null, notCollected: [] };
  if ('forbidden' in choice) return { spec, apiVersion: null, items: null, notCollected: [entry(null, 'forbidden')] };
  const apiVersion = apiVersionOf(spec.group, choice.version);
  let total = 0;
  const onPage = (added: number) => {
    total += added;
    ctx.onCount(spec.label, total);
  };
  const finish = (raw: unknown[], notCollected: NotCollectedEntry[]): KindOutcome => {
    const items = raw.map((item) => sanitize(item, spec, apiVersion)).filter((item): item is KubeItem => item !== null);
    return { spec, apiVersion, items: items.sort(compareItems), notCollected };
  };

  const all = await listPages(ctx, spec, listPath(spec, choice.version), onPage);
  if (all.ok) return finish(all.items, []);
  if (all.status === 404 || all.status === 410) {
    // A CRD whose group is served but whose kind is not: simply not installed.
    if (spec.optional) return { spec, apiVersion: null, items: null, notCollected: [] };
    return { spec, apiVersion, items: null, notCollected: [entry(null, 'not served by the API server')] };
  }
  if (!spec.namespaced || ctx.namespaces === null || ctx.namespaces.length === 0) {
    return { spec, apiVersion, items: null, notCollected: [entry(null, 'forbidden')] };
  }

  // Namespace-scoped RBAC (RoleBindings) forbids the cluster-wide list but may allow some namespaces.
  const perNamespace = await Promise.all(
    ctx.namespaces.map(async (namespace) => ({ namespace, pages: await listPages(ctx, spec, listPath(spec, choice.version, namespace), onPage) })),
  );
  const raw: unknown[] = [];
  const forbidden: NotCollectedEntry[] = [];
  for (const { namespace, pages } of perNamespace) {
    if (pages.ok) raw.push(...pages.items);
    else if (pages.status === 403) forbidden.push(entry(namespace, 'forbidden'));
  }
  if (forbidden.length === ctx.namespaces.length) return { spec, apiVersion, items: null, notCollected: [entry(null, 'forbidden')] };
  return finish(raw, forbidden);
}
