import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload } from '../../testing/builders.js';
import { aPdb, autoModeFindings } from '../../testing/builders-auto-mode.js';
import { autoModeNodeLifetimeRule as rule } from './auto-mode-node-lifetime.js';

describe('auto-mode-node-lifetime', () => {
  it('warns about workloads without a PodDisruptionBudget', () => {
    const [finding, ...rest] = autoModeFindings(rule, aFargateInventory([aWorkload({ name: 'web', replicas: 1 })]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ id: 'auto-mode-node-lifetime:Deployment/shop/web', severity: 'advisory', capability: 'os-patching', action: { type: 'review' } });
    expect(finding?.message).toContain('21 days');
    expect(finding?.message).toContain('336h');
    expect(finding?.remediation).toContain('at least 2 replicas');
  });

  it('says a bare Pod is not recreated', () => {
    const [finding] = autoModeFindings(rule, aFargateInventory([aWorkload({ kind: 'Pod', name: 'tool' })]));
    expect(finding?.message).toContain('not recreated');
  });

  it('passes workloads with a PDB, and kinds without replicas', () => {
    const inventory = aFargateInventory([aWorkload({ name: 'web' }), aWorkload({ kind: 'Job', name: 'migrate' })], { podDisruptionBudgets: [aPdb('web', { app: 'web' })] });
    expect(autoModeFindings(rule, inventory)).toEqual([]);
  });
});
