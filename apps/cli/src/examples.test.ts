import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_EXAMPLE, bundledExamples, userStateDir } from './examples.js';
import { REPO_ROOT } from './testing.js';

describe('the bundled examples', () => {
  it('keep their progress under $XDG_STATE_HOME/modeshift', () => {
    const [first] = bundledExamples({ XDG_STATE_HOME: '/var/state', HOME: '/home/sre' });
    expect(first?.paths).toEqual([BUNDLED_EXAMPLE]);
    expect(first?.statePath).toBe('/var/state/modeshift/fargate-to-auto-mode/progress.json');
  });

  it('fall back to ~/.local/state/modeshift when XDG_STATE_HOME is unset or relative', () => {
    expect(userStateDir({ HOME: '/home/sre' })).toBe('/home/sre/.local/state/modeshift');
    expect(userStateDir({ HOME: '/home/sre', XDG_STATE_HOME: 'state' })).toBe('/home/sre/.local/state/modeshift');
  });

  it('never keep progress inside the repository', () => {
    for (const example of bundledExamples({ HOME: '/home/sre' })) expect(example.statePath.startsWith(REPO_ROOT)).toBe(false);
    for (const example of bundledExamples({ HOME: join(REPO_ROOT, '..') })) expect(example.statePath.startsWith(join(REPO_ROOT, 'examples'))).toBe(false);
  });
});
