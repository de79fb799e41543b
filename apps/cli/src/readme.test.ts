import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPABILITY_MATRIX, renderCapabilityTable } from '@modeshift/core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './testing.js';

describe('README', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

  it('keeps the two set-up commands at the top', () => {
    const top = readme.split('\n').slice(0, 15).join('\n');
    expect(top).toContain('npm ci && npm start');
    expect(top).toContain('npm ci && npm test');
  });

  it('links and names nothing outside the repository', () => {
    // A reader of the published repository has only the repository: a path that climbs out of it is a dead end.
    expect(readme).not.toMatch(/(?:\]\(|`)\.\.\//);
    for (const [, target] of readme.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue;
      expect(existsSync(join(REPO_ROOT, target!)), target).toBe(true);
    }
  });

  it('shows the capability table exactly as the matrix generates it', () => {
    const match = /<!-- capability-table:start -->\n([\s\S]*?)<!-- capability-table:end -->/.exec(readme);
    expect(match?.[1]).toBe(renderCapabilityTable(CAPABILITY_MATRIX));
  });
});
