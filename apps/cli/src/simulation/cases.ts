// The plans every simulation test replays: both bundled examples and every case of the shared corpus
// (real manifests from public repositories), each planned in both directions.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContext, buildUnsimulatedPlan, type Inventory, type Mode, type Plan, type RuleContext } from '@modeshift/core/base';
import { loadInventory } from '@modeshift/inventory';
import { EXAMPLES } from '../testing.js';

// The repository is checked out with shared/ beside it, here and in CI; MODESHIFT_CORPUS points
// elsewhere for a checkout that has it in another place.
const CORPUS = process.env.MODESHIFT_CORPUS ?? fileURLToPath(new URL('../../../../../shared/corpus', import.meta.url));

export interface PlanCase {
  /** "example fargate-to-auto-mode → auto-mode", "corpus retail-store-sample-app → fargate". */
  name: string;
  ctx: RuleContext;
  plan: Plan;
}

function inventoryFolders(): { name: string; path: string }[] {
  const examples = ['fargate-to-auto-mode', 'auto-mode-to-fargate'].map((n) => ({ name: `example ${n}`, path: join(EXAMPLES, n, 'inventory') }));
  const corpus = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((n) => statSync(join(CORPUS, n)).isDirectory())
        .sort()
        .map((n) => ({ name: `corpus ${n}`, path: join(CORPUS, n) }))
    : [];
  return [...examples, ...corpus];
}

const loaded = new Map<string, Promise<Inventory>>();

async function load(path: string): Promise<Inventory> {
  let inventory = loaded.get(path);
  if (!inventory) {
    inventory = loadInventory([path]).then((r) => r.inventory);
    loaded.set(path, inventory);
  }
  return inventory;
}

/** Every inventory planned towards both modes. */
export async function planCases(): Promise<PlanCase[]> {
  const cases: PlanCase[] = [];
  for (const { name, path } of inventoryFolders()) {
    const inventory = await load(path);
    for (const target of ['auto-mode', 'fargate'] as Mode[]) {
      const ctx = buildContext(inventory, { target, clusterVersion: null });
      cases.push({ name: `${name} → ${target}`, ctx, plan: buildUnsimulatedPlan(ctx) });
    }
  }
  return cases;
}

export const corpusAvailable = () => existsSync(CORPUS);
