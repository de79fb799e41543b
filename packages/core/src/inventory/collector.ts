import type { Origin } from '../kube.js';
import type { LoadProblem } from './documents.js';
import { emptyInventory, type Cluster, type Inventory } from './types.js';

export type ListBucket = Exclude<keyof Inventory, 'cluster'>;
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

interface Entry extends EntryInfo {
  bucket: ListBucket;
  item: unknown;
}

const where = (origin: Origin) => `${origin.file}:${origin.line}`;

/**
 * Gathers normalised objects, resolves duplicates (last one read wins, with a 'skipped' problem naming
 * both places) and hands out a sorted Inventory, so the result does not depend on file order.
 */
export class InventoryCollector {
  private readonly entries = new Map<string, Entry>();
  private cluster: Cluster | null = null;

  constructor(private readonly problems: LoadProblem[]) {}

  add<B extends ListBucket>(bucket: B, item: ItemOf<B>, info: EntryInfo): void {
    const key = `${bucket}\u0000${info.identity}`;
    const earlier = this.entries.get(key);
    if (earlier?.origin && info.origin) {
      this.skip(earlier.origin, `${info.label} is defined twice, here and at ${where(info.origin)}; the later one is used`);
    }
    this.entries.set(key, { ...info, bucket, item });
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

  finish(): Inventory {
    const inventory = emptyInventory();
    inventory.cluster = this.cluster;
    const sorted = [...this.entries.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const entry of sorted) (inventory[entry.bucket] as unknown[]).push(entry.item);
    return inventory;
  }

  private skip(origin: Origin, message: string): void {
    this.problems.push({ file: origin.file, line: origin.line, severity: 'skipped', message });
  }
}

/** A sort key that orders like the tuple of its parts ("a" before "a-b" before "b"). */
export const sortKeyOf = (...parts: (string | null)[]): string => parts.map((p) => p ?? '').join('\u0000');
