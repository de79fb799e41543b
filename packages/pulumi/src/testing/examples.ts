// The examples' plans, read from the plan.json their generated stacks carry (examples/*/stack/). The CLI's
// golden test regenerates those from the inventories, so these stay the plans `modeshift plan` makes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../plan/index.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export const EXAMPLES = ['fargate-to-auto-mode', 'auto-mode-to-fargate'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

export function examplePlan(name: ExampleName): Plan {
  return JSON.parse(readFileSync(`${REPO_ROOT}examples/${name}/stack/plan.json`, 'utf8')) as Plan;
}
