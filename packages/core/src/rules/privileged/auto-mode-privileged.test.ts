import { describe, expect, it } from 'vitest';
import { aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModePrivilegedRule as rule } from './auto-mode-privileged.js';

describe('auto-mode-privileged', () => {
  it('notes privileged containers and added capabilities', () => {
    const w = aWorkload({
      kind: 'DaemonSet',
      namespace: 'monitoring',
      name: 'agent',
      containers: [
        { name: 'probe', securityContext: { privileged: true } },
        { name: 'net', securityContext: { capabilities: { add: ['NET_ADMIN'] } } },
      ],
    });
    const [finding] = runRule(rule, aManagedNodesInventory([w]), { target: 'auto-mode' });
    expect(finding).toMatchObject({ severity: 'advisory', capability: 'privileged', action: { type: 'review' } });
    expect(finding?.message).toContain('probe (privileged), net (adds NET_ADMIN)');
    expect(finding?.message).toContain('SELinux');
  });

  it('passes unprivileged containers', () => {
    const w = aWorkload({ containers: [{ name: 'app', securityContext: { privileged: false, capabilities: { drop: ['ALL'] } } }] });
    expect(runRule(rule, aManagedNodesInventory([w]), { target: 'auto-mode' })).toEqual([]);
  });
});
