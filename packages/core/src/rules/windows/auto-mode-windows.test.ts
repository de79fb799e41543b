import { describe, expect, it } from 'vitest';
import { aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodegroup } from '../../testing/aws-objects.js';
import { autoModeWindowsRule as rule } from './auto-mode-windows.js';

const windowsNodes = aNodegroup('win', { amiType: 'WINDOWS_CORE_2022_x86_64', labels: { 'kubernetes.io/os': 'windows' } });

describe('auto-mode-windows', () => {
  it('blocks workloads pinned to Windows by nodeSelector or required affinity', () => {
    const bySelector = aWorkload({ name: 'iis', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' } } });
    const byAffinity = aWorkload({
      name: 'dotnet',
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] }],
            },
          },
        },
      },
    });
    const findings = runRule(rule, aManagedNodesInventory([bySelector, byAffinity], { nodegroups: [windowsNodes] }), { target: 'auto-mode' });
    expect(findings.map((f) => f.resource?.name)).toEqual(['dotnet', 'iis']);
    expect(findings[0]).toMatchObject({ severity: 'blocker', capability: 'windows', action: { type: 'stay', on: 'managed-nodes' } });
  });

  it('passes Linux workloads', () => {
    expect(runRule(rule, aManagedNodesInventory([aWorkload({ spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } })]), { target: 'auto-mode' })).toEqual(
      [],
    );
  });
});
