import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '@modeshift/plan';
import { aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../../testing/builders.js';
import { CLUSTER_ADVISORY_RULES } from '../cluster-advisories.js';
import { RULES } from './registry.js';
import { runRules } from './run.js';

const rulesDir = new URL('../', import.meta.url);
const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Rule files: every .ts file in a capability folder except its tests and its facts. */
function ruleFiles(): { capability: string; file: string }[] {
  const capabilities = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'engine');
  return capabilities.flatMap((d) =>
    readdirSync(new URL(`${d.name}/`, rulesDir))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'facts.ts')
      .map((file) => ({ capability: d.name, file })),
  );
}

describe('RULES', () => {
  it('has unique kebab-case ids, each prefixed by the one target it applies to', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^(auto-mode|fargate)-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.targets).toEqual([rule.id.startsWith('auto-mode-') ? 'auto-mode' : 'fargate']);
    }
  });

  it('titles every rule once per direction, spelling names as AWS and Kubernetes do', () => {
    for (const target of ['auto-mode', 'fargate'] as const) {
      const titles = RULES.filter((r) => r.targets.includes(target)).map((r) => r.title);
      expect(new Set(titles).size, target).toBe(titles.length);
    }
    const misspelt = /\b(Daemonsets?|Coredns|Guardduty|Auto mode|auto mode|karpenter|Nodepools?|Networkpolic|Pod identity)\b/;
    for (const rule of RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(2);
      expect(rule.title.length, rule.id).toBeLessThanOrEqual(48);
      expect(rule.title, rule.id).not.toMatch(misspelt);
    }
  });

  it('keeps one folder per capability of the matrix, each named by its capability id', () => {
    for (const { capability } of ruleFiles()) expect(CAPABILITY_IDS).toContain(capability);
  });

  it('registers every rule file, named by its rule id, in its capability folder, exporting <camelCase id>Rule, with a test beside it', async () => {
    const files = ruleFiles();
    const fromFiles: string[] = [];
    for (const { capability, file } of files) {
      const id = file.replace(/\.ts$/, '');
      const module = (await import(new URL(`${capability}/${file}`, rulesDir).href)) as Record<string, unknown>;
      expect(Object.keys(module)).toEqual([`${camel(id)}Rule`]);
      const rule = RULES.find((r) => r.id === id);
      expect(rule, id).toBeDefined();
      expect(rule?.capability).toBe(capability);
      expect(module[`${camel(id)}Rule`]).toBe(rule);
      expect(readdirSync(new URL(`${capability}/`, rulesDir))).toContain(`${id}.test.ts`);
      fromFiles.push(id);
    }
    const fromTable = CLUSTER_ADVISORY_RULES.map((r) => r.id);
    expect([...fromFiles, ...fromTable].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('runs together on one inventory of either direction without clashing finding ids', () => {
    const workloads = [aWorkload({ name: 'a' }), aWorkload({ name: 'b' })];
    expect(() => runRules(contextFor(aFargateInventory(workloads), 'auto-mode'), RULES)).not.toThrow();
    expect(() => runRules(contextFor(anAutoModeInventory(workloads), 'fargate'), RULES)).not.toThrow();
  });
});
