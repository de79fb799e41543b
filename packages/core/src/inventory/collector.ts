import type { Origin } from '../kube.js';
import type { LoadProblem } from './documents.js';
import { emptyInventory, type Cluster, type Inventory } from './types.js';

export type ListBucket = Exclude<keyof Inventory, 'cluster' | 'collectedAt'>;
export type ItemOf<B extends ListBucket> = Inventory[B] extends (infer T)[] ? T : never;

export interface EntryInfo {
  /** Same identity = same object: the later one replaces the earlier. */
  identity: string;
  /** How messages name the object: "Deployment shop/web". */
  label: string;
  /** Order within the bucket; must be unique per bucket for the output to be independent of input order. */
  sortKey: string;
  /** null for entries that have no place of their own (notCollected); duplicates of those merge silently. */
  origin: Origin | null;
}

interface Entry {
  sortKey: string;
  origin: Origin | null;
  item: unknown;
}

const where = (origin: Origin) => `${origin.file}:${origin.line}`;

/**
 * Gathers normalised objects, resolves duplicates (last one read wins, with a 'skipped' problem naming
 * both places) and hands out a sorted Inventory, so the result does not depend on file order.
 */
export class InventoryCollector {
  /** Per bucket, by identity: buckets are sorted separately, which orders each exactly as one global sort would. */
  private readonly entries = new Map<ListBucket, Map<string, Entry>>();
  private cluster: Cluster | null = null;
  private collectedAt: { text: string; time: number } | null = null;

  constructor(private readonly problems: LoadProblem[]) {}

  add<B extends ListBucket>(bucket: B, item: ItemOf<B>, info: EntryInfo): void {
    let entries = this.entries.get(bucket);
    if (!entries) this.entries.set(bucket, (entries = new Map<string, Entry>()));
    const earlier = entries.get(info.identity);
    if (earlier?.origin && info.origin) {
      this.skip(earlier.origin, `${info.label} is defined twice, here and at ${where(info.origin)}; the later one is used`);
    }
    entries.set(info.identity, { sortKey: info.sortKey, origin: info.origin, item });
  }

  setCluster(cluster: Cluster): void {
    const earlier = this.cluster;
    if (earlier?.name === cluster.name) {
      this.skip(earlier.origin, `cluster ${cluster.name} is described twice, here and at ${where(cluster.origin)}; the later one is used`);
    } else if (earlier) {
      this.skip(
        earlier.origin,
        `an inventory describes one cluster: ${earlier.name} (here) is replaced by ${cluster.name} (${where(cluster.origin)})`,
      );
    }
    this.cluster = cluster;
  }

  /** An inventory is as old as its oldest part, so of several collection times the earliest is kept. */
  noteCollectedAt(text: string, time: number): void {
    const earlier = this.collectedAt;
    if (earlier === null || time < earlier.time || (time === earlier.time && text < earlier.text)) this.collectedAt = { text, time };
  }

  finish(): Inventory {
    const inventory = emptyInventory();
    inventory.cluster = this.cluster;
    inventory.collectedAt = this.collectedAt?.text ?? null;
    for (const [bucket, entries] of this.entries) {
      const sorted = [...entries.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      const list = inventory[bucket] as unknown[];
      for (const entry of sorted) list.push(entry.item);
    }
    return inventory;
  }

  private skip(origin: Origin, message: string): void {
    this.problems.push({ file: origin.file, line: origin.line, severity: 'skipped', message });
  }
}

/** A sort key that orders like the tuple of its parts ("a" before "a-b" before "b"). */
export function sortKeyOf(...parts: (string | null)[]): string {
  // Built by hand, not map + join: this runs for every object of a large estate.
  let key = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) key += `\u0000${parts[i] ?? ''}`;
  return key;
}
