import { describe, expect, it } from 'vitest';
import { aCluster, aFargateInventory, anAutoModeCluster, aWorkload } from '../../testing/builders.js';
import { autoModeFindings } from '../../testing/builders-auto-mode.js';
import { autoModeAuthenticationModeRule as rule } from './auto-mode-authentication-mode.js';

const withMode = (authenticationMode: string | null) => aFargateInventory([aWorkload()], { cluster: aCluster({ authenticationMode }) });

describe('auto-mode-authentication-mode', () => {
  it('asks to allow access entries on a CONFIG_MAP cluster', () => {
    const [finding, ...rest] = autoModeFindings(rule, withMode('CONFIG_MAP'));
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
    expect(autoModeFindings(rule, withMode('API'))).toEqual([]);
    expect(autoModeFindings(rule, withMode('API_AND_CONFIG_MAP'))).toEqual([]);
  });

  it('says the mode is unknown without a cluster description', () => {
    const inventory = aFargateInventory([aWorkload()], { cluster: null });
    expect(autoModeFindings(rule, inventory)).toMatchObject([{ severity: 'advisory', action: { type: 'review' } }]);
  });

  it('says nothing once Auto Mode is enabled', () => {
    const inventory = aFargateInventory([aWorkload()], { cluster: anAutoModeCluster({ authenticationMode: null }) });
    expect(autoModeFindings(rule, inventory)).toEqual([]);
  });
});
