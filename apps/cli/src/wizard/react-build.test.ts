import { describe, expect, it } from 'vitest';
import { preferProductionReact } from './react-build.js';

describe('preferProductionReact', () => {
  it('selects the production build when NODE_ENV is unset, and hands back the environment without it', () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin', AWS_PROFILE: 'ops' };
    const before = preferProductionReact(env);
    expect(env.NODE_ENV).toBe('production');
    expect(before).toEqual({ PATH: '/usr/bin', AWS_PROFILE: 'ops' });
    expect('NODE_ENV' in before).toBe(false);
  });

  it('keeps a NODE_ENV the user set', () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    const before = preferProductionReact(env);
    expect(env.NODE_ENV).toBe('development');
    expect(before.NODE_ENV).toBe('development');
  });
});
