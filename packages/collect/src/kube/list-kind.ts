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
  /** Most items one list may hold; with pageSize it caps the pages, so endless continue tokens end. */
  maxItemsPerKind: number;
  /** Namespace names, when they could be listed: needed to fall back from a forbidden cluster-wide list. */
  namespaces: readonly string[] | null;
  onCount: (kind: string, count: number) => void;
}

/** How often one list is started over after its continue token expired (HTTP 410) before giving up. */
export const MAX_LIST_PASSES = 4;

type Pages = { ok: true; items: unknown[] } | { ok: false; status: 403 | 404; message: string };

/**
 * Every page of one list. It always ends: a repeated continue token, more pages than maxItemsPerKind
 * can fill, or a token that keeps expiring end the collect with an API error naming the kind (exit 3).
 */
async function listPages(ctx: ListContext, spec: KindSpec, path: string, onPage: (added: number) => void): Promise<Pages> {
  const accept = spec.metadataOnly ? METADATA_ONLY_ACCEPT : 'application/json';
  const listing = `${spec.label} (GET ${path})`;
  // One page more than the items could fill: the last page may come back partly empty.
  const maxPages = Math.ceil(ctx.maxItemsPerKind / ctx.pageSize) + 1;
  for (let pass = 1; ; pass++) {
    const items: unknown[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (let pages = 1; ; pages++) {
      const result = await ctx.transport.get(spec.label, path, { limit: ctx.pageSize, continue: token }, accept);
      if (!result.ok && result.status === 410 && token !== undefined) {
        // An expired continue token: the list must be taken again from the start, as a whole.
        break;
      }
      if (!result.ok) {
        if (result.status === 410) throw new UserError('api', `The Kubernetes API server answered HTTP 410 (Gone) listing ${listing}: ${result.message}`);
        return { ok: false, status: result.status, message: result.message };
      }
      const body = result.body as { items?: unknown; metadata?: { continue?: unknown } };
      if (!Array.isArray(body.items)) throw new UserError('api', `The Kubernetes API server answered GET ${path} with something that is not a list.`);
      // One by one: spreading a page of hundreds of thousands of items into push() overflows the stack.
      for (const item of body.items as unknown[]) items.push(item);
      onPage(body.items.length);
      const next = body.metadata?.continue;
      if (typeof next !== 'string' || next === '') return { ok: true, items };
      if (seen.has(next)) {
        throw new UserError('api', `The Kubernetes API server repeated a continue token while listing ${listing}: the list would never end.`);
      }
      if (pages >= maxPages) {
        throw new UserError(
          'api',
          `The Kubernetes API server kept sending continue tokens while listing ${listing}: stopped after ${pages} pages, enough for ${ctx.maxItemsPerKind} items at ${ctx.pageSize} per page.`,
        );
      }
      seen.add(next);
      token = next;
    }
    // Only an expired token leaves the page loop without returning.
    onPage(-items.length);
    if (pass >= MAX_LIST_PASSES) {
      throw new UserError(
        'api',
        `The continue token kept expiring (HTTP 410) while listing ${listing}: the list was started ${pass} times; the cluster changes faster than it can be listed, so try again.`,
      );
    }
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
  if (all.status === 404) {
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
    if (pages.ok) for (const item of pages.items) raw.push(item);
    else if (pages.status === 403) forbidden.push(entry(namespace, 'forbidden'));
  }
  if (forbidden.length === ctx.namespaces.length) return { spec, apiVersion, items: null, notCollected: [entry(null, 'forbidden')] };
  return finish(raw, forbidden);
}
