import { describe, expect, it } from 'vitest';
import { aFargateInventory, anAutoModeInventory, anInventory, aWorkload } from '../testing/builders.js';
import { detectDirection } from './direction.js';

describe('detectDirection', () => {
  it('sees workloads on Fargate today and suggests Auto Mode', () => {
    const detected = detectDirection(aFargateInventory([aWorkload({ name: 'web' }), aWorkload({ name: 'api' })]));
    expect(detected).toEqual({ from: 'fargate', byCompute: { fargate: 2 }, suggested: 'auto-mode' });
  });

  it('sees workloads on Auto Mode today and suggests Fargate', () => {
    const detected = detectDirection(anAutoModeInventory([aWorkload({ name: 'web' })]));
    expect(detected.from).toBe('auto-mode');
    expect(detected.suggested).toBe('fargate');
  });

  it('suggests Auto Mode when it cannot tell where the workloads run', () => {
    const detected = detectDirection(anInventory({ workloads: [aWorkload({ name: 'web' })] }));
    expect(detected.from).not.toBe('auto-mode');
    expect(detected.suggested).toBe('auto-mode');
  });
});
