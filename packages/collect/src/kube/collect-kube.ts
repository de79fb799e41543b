import { KINDS } from '../kinds.js';
import type { ProgressListener } from '../types.js';
import { discover } from './discovery.js';
import { collectKind, type KindOutcome, type ListContext } from './list-kind.js';
import type { KubeTransport } from './transport.js';

/** Lists every kind in KINDS. All kinds start together; the transport's limiter bounds the requests. */
export async function collectKubernetes(
  transport: KubeTransport,
  limits: Pick<ListContext, 'pageSize' | 'maxItemsPerKind'>,
  progress: ProgressListener,
): Promise<KindOutcome[]> {
  // Discovery is the first request, so an unreachable server fails here, once, before any fan-out.
  const discovery = await discover(transport);
  const base: Omit<ListContext, 'namespaces'> = {
    transport,
    ...limits,
    onCount: (kind, count) => progress({ type: 'count', kind, count }),
  };
  const report = (outcome: KindOutcome): KindOutcome => {
    if (outcome.items !== null) progress({ type: 'done', kind: outcome.spec.label, count: outcome.items.length });
    for (const entry of outcome.notCollected) progress({ type: 'not-collected', entry });
    return outcome;
  };

  const [namespaceSpec, ...rest] = KINDS;
  if (namespaceSpec?.kind !== 'Namespace') throw new Error('KINDS must start with Namespace');
  const namespaces = report(await collectKind(namespaceSpec, discovery, { ...base, namespaces: null }));
  const names = namespaces.items?.map((item) => item.metadata.name) ?? null;
  const others = await Promise.all(rest.map(async (spec) => report(await collectKind(spec, discovery, { ...base, namespaces: names }))));
  return [namespaces, ...others];
}
