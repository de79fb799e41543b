import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, contextFor } from '../../testing/builders.js';
import { runRules } from '../run.js';
import { TO_AUTO_MODE_RULES } from './index.js';

const here = new URL('./', import.meta.url);

describe('TO_AUTO_MODE_RULES', () => {
  it('has unique kebab-case ids, all for the auto-mode target', () => {
    const ids = TO_AUTO_MODE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of TO_AUTO_MODE_RULES) {
      expect(rule.id).toMatch(/^auto-mode-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.targets).toEqual(['auto-mode']);
    }
  });

  it('registers every rule file in this folder, each with a test beside it', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.ts'));
    const helpers = new Set(['index.ts', 'common.ts', 'facts.ts', 'storage.ts', 'pools.ts']);
    const ruleFiles = files.filter((f) => !f.endsWith('.test.ts') && !helpers.has(f));
    expect(ruleFiles).toHaveLength(TO_AUTO_MODE_RULES.length);
    for (const f of ruleFiles) expect(files).toContain(f.replace(/\.ts$/, '.test.ts'));
  });

  it('runs together on one inventory without clashing finding ids', () => {
    const ctx = contextFor(aFargateInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]), 'auto-mode');
    expect(() => runRules(ctx, TO_AUTO_MODE_RULES)).not.toThrow();
  });
});
