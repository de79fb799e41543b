import { describe, expect, it } from 'vitest';
import { aCluster, aFargateInventory, anAutoModeCluster, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeAuthenticationModeRule as rule } from './auto-mode-authentication-mode.js';

const withMode = (authenticationMode: string | null) => aFargateInventory([aWorkload()], { cluster: aCluster({ authenticationMode }) });

describe('auto-mode-authentication-mode', () => {
  it('asks to allow access entries on a CONFIG_MAP cluster', () => {
    const [finding, ...rest] = runRule(rule, withMode('CONFIG_MAP'), { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-authentication-mode:cluster',
      severity: 'change',
      capability: 'iam',
      resource: null,
      action: { type: 'prerequisite', task: { kind: 'authentication-mode' } },
    });
    expect(finding?.remediation).toContain('API_AND_CONFIG_MAP');
  });

  it('passes API and API_AND_CONFIG_MAP', () => {
    expect(runRule(rule, withMode('API'), { target: 'auto-mode' })).toEqual([]);
    expect(runRule(rule, withMode('API_AND_CONFIG_MAP'), { target: 'auto-mode' })).toEqual([]);
  });

  it('says the mode is unknown without a cluster description', () => {
    const inventory = aFargateInventory([aWorkload()], { cluster: null });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toMatchObject([{ severity: 'advisory', action: { type: 'review' } }]);
  });

  it('says nothing once Auto Mode is enabled', () => {
    const inventory = aFargateInventory([aWorkload()], { cluster: anAutoModeCluster({ authenticationMode: null }) });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toEqual([]);
  });
});
