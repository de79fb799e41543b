import { stableStringify } from '@modeshift/core';
import { infraFromPlan } from '../model/infra-from-plan.js';
import type { Plan } from '../plan/index.js';
import { renderIndexTs } from './index-ts.js';
import { gitignore, packageJson, pulumiYaml, stackConfig, tsconfigJson } from './project-files.js';
import { renderReadme } from './readme.js';

export interface GenerateOptions {
  /** Pulumi stack name: names the `Pulumi.<stack>.yaml` file. */
  stack: string;
  /** The components' sources, project path → content (readShippedSources). */
  shipped: ReadonlyMap<string, string>;
}

export const DEFAULT_STACK = 'migration';

/**
 * A complete Pulumi TypeScript project for a plan, as relative path → content (sorted by path). Pure: the
 * same plan and sources give the same bytes, which is what lets the examples' generated stacks be goldens.
 */
export function generateProject(plan: Plan, options: GenerateOptions): Map<string, string> {
  if (!/^[A-Za-z0-9_.-]+$/.test(options.stack)) throw new Error(`stack name "${options.stack}" may contain only letters, digits, "-", "_" and "."`);
  const model = infraFromPlan(plan);
  const files = new Map<string, string>([
    ['.gitignore', gitignore()],
    ['Pulumi.yaml', pulumiYaml(model)],
    [`Pulumi.${options.stack}.yaml`, stackConfig(model)],
    ['package.json', packageJson(model)],
    ['tsconfig.json', tsconfigJson()],
    ['plan.json', `${stableStringify(plan)}\n`],
    ['index.ts', renderIndexTs(plan, model)],
    ['README.md', renderReadme(plan, model, options.stack)],
    ...options.shipped,
  ]);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
