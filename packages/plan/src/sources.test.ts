import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_SOURCE_DIR, PLAN_SOURCE_FILES } from './sources.js';

const onDisk = readdirSync(PLAN_SOURCE_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'sources.ts');

describe('the shippable sources', () => {
  it('are every source file of the package but this listing', () => {
    expect([...PLAN_SOURCE_FILES].sort()).toEqual(onDisk.sort());
  });

  it('import nothing but each other, so a generated project compiles them with no dependency', () => {
    for (const file of PLAN_SOURCE_FILES) {
      const text = readFileSync(new URL(file, PLAN_SOURCE_DIR), 'utf8');
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[a-z-]+\.js$/);
        expect(PLAN_SOURCE_FILES, `${file} imports ${spec}`).toContain(spec!.slice(2).replace(/\.js$/, '.ts'));
      }
      expect(text, file).not.toMatch(/import\.meta|require\(/);
    }
  });
});
