import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload } from '../../testing/builders.js';
import { aManagedNodesInventory, autoModeFindings } from '../../testing/builders-auto-mode.js';
import { guardDutyRuntimeOnAutoMode as rule } from './guardduty-runtime.js';

describe('auto-mode-guardduty-runtime', () => {
  it('notes GuardDuty Runtime Monitoring once for a cluster moving from Fargate', () => {
    expect(autoModeFindings(rule, aFargateInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]))).toMatchObject([
      { id: 'auto-mode-guardduty-runtime:cluster', severity: 'gain', capability: 'guardduty-runtime', action: { type: 'review' } },
    ]);
  });

  it('says nothing for workloads already on EC2 nodes', () => {
    expect(autoModeFindings(rule, aManagedNodesInventory([aWorkload()]))).toEqual([]);
  });
});
