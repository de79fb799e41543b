// Each example inventory, played by the fake APIs and collected back, loads to the same inventory. The
// only differences are what a live collect deliberately does not read: Secret types (names only) and
// EC2 resources nothing in the cluster refers to. (apps/cli checks that the plans are byte-identical.)
import { fileURLToPath } from 'node:url';
import { loadInventory } from '@modeshift/inventory';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collect } from './collect.js';
import { startInventoryWorld, type World } from './testing/index.js';

const EXAMPLES = ['fargate-to-auto-mode', 'auto-mode-to-fargate'];

type Json = Record<string, unknown>;

/** The inventory without where each object was read from, which differs by design. */
async function load(dir: string): Promise<Record<string, unknown>> {
  const { inventory, problems } = await loadInventory([dir]);
  expect(problems).toEqual([]);
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value as Json)
        .filter(([key]) => key !== 'origin')
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  return strip(inventory) as Record<string, unknown>;
}

describe.each(EXAMPLES)('the %s example, collected back', (name) => {
  const dir = fileURLToPath(new URL(`../../../examples/${name}/inventory`, import.meta.url));
  let world: World & { clusterName: string };
  let example: Record<string, unknown>;
  let collected: Record<string, unknown>;
  beforeAll(async () => {
    world = await startInventoryWorld(dir);
    // The example records when it was taken; collecting at that moment must record the same date.
    const { collection } = JSON.parse(readFileSync(`${dir}/collection.json`, 'utf8')) as { collection: { collectedAt: string } };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(collection.collectedAt));
    try {
      // The context is named by the cluster ARN, so cluster and region come from it, as after update-kubeconfig.
      await collect(world.options());
    } finally {
      vi.useRealTimers();
    }
    [example, collected] = await Promise.all([load(dir), load(world.out)]);
  });
  afterAll(() => world.close());

  it('has every Kubernetes object and every EKS resource of the example, unchanged', () => {
    const without = ({ secrets: _s, securityGroups: _g, subnets: _n, ...rest }: Record<string, unknown>) => rest;
    expect(without(collected)).toEqual(without(example));
    expect(collected.notCollected).toEqual([]);
  });

  it('has Secret names without their type, which a metadata-only list does not carry', () => {
    const names = (example.secrets as Json[]).map((s) => ({ ...s, type: null }));
    expect(collected.secrets).toEqual(names);
  });

  it('has exactly the security groups and subnets the cluster refers to, unchanged', () => {
    // Everything but EC2 itself: where a security group or subnet ID can be named.
    const { securityGroups: _g, subnets: _n, ...referrers } = example;
    const text = JSON.stringify(referrers);
    for (const bucket of ['securityGroups', 'subnets'] as const) {
      const all = example[bucket] as { id: string }[];
      const referenced = all.filter((resource) => text.includes(resource.id));
      expect(referenced.length, bucket).toBeGreaterThan(0);
      expect(collected[bucket], bucket).toEqual(referenced);
    }
  });
});
