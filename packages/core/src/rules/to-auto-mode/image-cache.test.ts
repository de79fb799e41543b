import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload } from '../../testing/builders.js';
import { aManagedNodesInventory, autoModeFindings } from '../../testing/builders-auto-mode.js';
import { imageCacheOnAutoMode as rule } from './image-cache.js';

describe('auto-mode-image-cache', () => {
  it('notes image reuse once for a cluster moving from Fargate', () => {
    const findings = autoModeFindings(rule, aFargateInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]));
    expect(findings).toMatchObject([{ id: 'auto-mode-image-cache:cluster', severity: 'gain', capability: 'image-cache', action: { type: 'review' } }]);
    expect(findings[0]?.message).toContain('likely');
  });

  it('says nothing for workloads already on EC2 nodes', () => {
    expect(autoModeFindings(rule, aManagedNodesInventory([aWorkload()]))).toEqual([]);
  });
});
