import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargatePrivilegedRule } from './fargate-privileged.js';

describe('fargate-privileged', () => {
  it('blocks privileged containers, init containers included', () => {
    const w = aWorkload({ name: 'tuner', spec: { initContainers: [{ name: 'sysctl', image: 'busybox', securityContext: { privileged: true } }] } });
    const [f] = runRule(fargatePrivilegedRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'privileged', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('sysctl');
  });

  it('removes added capabilities as a change, without claiming an allow-list', () => {
    const w = aWorkload({
      name: 'ui',
      containers: [{ name: 'ui', image: 'ui', securityContext: { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } }],
    });
    const [f] = runRule(fargatePrivilegedRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'change', action: { type: 'workload', edits: [{ op: 'remove-added-capabilities', container: 'ui' }] } });
    expect(f?.message).toContain('AWS documents no list');
  });

  it('passes containers that only drop capabilities', () => {
    const w = aWorkload({ containers: [{ name: 'c', securityContext: { privileged: false, capabilities: { drop: ['ALL'] } } }] });
    expect(runRule(fargatePrivilegedRule, anAutoModeInventory([w]), { target: 'fargate' })).toEqual([]);
  });
});
