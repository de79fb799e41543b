import { describe, expect, it } from 'vitest';
import { aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeHostPathRule as rule } from './auto-mode-host-path.js';

describe('auto-mode-host-path', () => {
  it('notes hostPath mounts of moving workloads', () => {
    const w = aWorkload({
      kind: 'DaemonSet',
      namespace: 'monitoring',
      name: 'agent',
      spec: {
        volumes: [
          { name: 'logs', hostPath: { path: '/var/log' } },
          { name: 'tmp', emptyDir: {} },
        ],
      },
    });
    const [finding] = runRule(rule, aManagedNodesInventory([w]), { target: 'auto-mode' });
    expect(finding).toMatchObject({
      id: 'auto-mode-host-path:DaemonSet/monitoring/agent',
      severity: 'advisory',
      capability: 'host-path',
      action: { type: 'review' },
    });
    expect(finding?.message).toContain('/var/log');
    expect(finding?.message).toContain('read-only root filesystem');
  });

  it('passes workloads without hostPath volumes', () => {
    expect(runRule(rule, aManagedNodesInventory([aWorkload({ spec: { volumes: [{ name: 'tmp', emptyDir: {} }] } })]), { target: 'auto-mode' })).toEqual([]);
  });
});
