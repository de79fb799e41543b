import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModePodRequestsRule as rule } from './auto-mode-pod-requests.js';

describe('auto-mode-pod-requests', () => {
  it('names containers without cpu or memory requests', () => {
    const w = aWorkload({
      containers: [
        { name: 'app', image: 'app', resources: { requests: { cpu: '100m' } } },
        { name: 'sidecar', image: 'proxy' },
      ],
    });
    const [finding] = runRule(rule, aFargateInventory([w]), { target: 'auto-mode' });
    expect(finding).toMatchObject({
      id: 'auto-mode-pod-requests:Deployment/shop/web',
      severity: 'advisory',
      capability: 'pod-size',
      action: { type: 'review' },
    });
    expect(finding?.message).toContain('app (memory), sidecar (cpu, memory)');
  });

  it('passes containers with requests, or limits that default them', () => {
    const limitsOnly = aWorkload({ name: 'limits', containers: [{ name: 'app', resources: { limits: { cpu: '1', memory: '1Gi' } } }] });
    expect(runRule(rule, aFargateInventory([aWorkload(), limitsOnly]), { target: 'auto-mode' })).toEqual([]);
  });
});
