import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aManagedNodesInventory, aNodegroup, autoModeFindings } from '../../testing/builders-auto-mode.js';
import { autoModeWindowsRule as rule } from './auto-mode-windows.js';

const windowsNodes = aNodegroup('win', { amiType: 'WINDOWS_CORE_2022_x86_64', labels: { 'kubernetes.io/os': 'windows' } });

describe('auto-mode-windows', () => {
  it('blocks workloads pinned to Windows by nodeSelector or required affinity', () => {
    const bySelector = aWorkload({ name: 'iis', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' } } });
    const byAffinity = aWorkload({
      name: 'dotnet',
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] }] } } } },
    });
    const findings = autoModeFindings(rule, aManagedNodesInventory([bySelector, byAffinity], { nodegroups: [windowsNodes] }));
    expect(findings.map((f) => f.resource?.name)).toEqual(['dotnet', 'iis']);
    expect(findings[0]).toMatchObject({ severity: 'blocker', capability: 'windows', action: { type: 'stay', on: 'managed-nodes' } });
  });

  it('passes Linux workloads', () => {
    expect(autoModeFindings(rule, aManagedNodesInventory([aWorkload({ spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } })]))).toEqual([]);
  });
});
