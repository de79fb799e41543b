// Issue 14's property, on the deterministic synthetic estates: a 300-workload cluster exported as a
// List without status (as many exports are) is planned and replayed in both directions, and no
// invariant breaks. They hold what the examples do not: Jobs of unknown status, pods with pod
// security groups on a node group that stays, and workloads left outside Auto Mode.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContext, buildUnsimulatedPlan, simulate } from '@modeshift/core/base';
import { loadInventory } from '@modeshift/inventory';
import { generateInventory, toJsonList, type Direction } from '@modeshift/synthetic-estate';
import { afterAll, expect, it } from 'vitest';

const TARGET: Record<Direction, 'auto-mode' | 'fargate'> = { 'to-auto-mode': 'auto-mode', 'to-fargate': 'fargate' };

const dir = mkdtempSync(join(tmpdir(), 'modeshift-estate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each(['to-fargate', 'to-auto-mode'] as const)('the 300-workload synthetic estate %s plans and simulates with every invariant holding', async (direction) => {
  const file = join(dir, `${direction}.json`);
  writeFileSync(file, toJsonList(generateInventory({ workloads: 300, direction, seed: 3 }).documents));
  const { inventory } = await loadInventory([file]);
  const ctx = buildContext(inventory, { target: TARGET[direction], clusterVersion: null });
  const violations = simulate(ctx, buildUnsimulatedPlan(ctx)).violations.map((v) => `${v.step} ${v.invariant} ${v.resource}: ${v.breaks}`);
  expect(violations).toEqual([]);
});
