import { describe, expect, it } from 'vitest';
import { aFargateInventory, aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeEphemeralStorageRule as rule } from './auto-mode-ephemeral-storage.js';

const asking = (size: string) =>
  aWorkload({ containers: [{ name: 'main', image: 'app:1', resources: { requests: { cpu: '1', memory: '2Gi', 'ephemeral-storage': size } } }] });

describe('auto-mode-ephemeral-storage', () => {
  it('asks for a NodeClass with a bigger volume when a pod wants more than the default node has', () => {
    const [finding, ...rest] = runRule(rule, aFargateInventory([asking('100Gi')]), { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-ephemeral-storage:Deployment/shop/web',
      severity: 'change',
      capability: 'ephemeral-storage',
      action: { type: 'review' },
    });
    expect(finding?.message).toContain('100Gi');
    expect(finding?.message).toContain('80Gi');
    expect(finding?.remediation).toContain('ephemeralStorage.size of at least 125Gi');
  });

  it('counts the containers of a pod together, as the scheduler does', () => {
    const two = aWorkload({
      containers: ['a', 'b'].map((name) => ({ name, image: 'app:1', resources: { requests: { 'ephemeral-storage': '45Gi' } } })),
    });
    expect(runRule(rule, aFargateInventory([two]), { target: 'auto-mode' })).toHaveLength(1);
  });

  it('passes pods that fit a default node, and pods that do not come from Fargate', () => {
    expect(runRule(rule, aFargateInventory([asking('20Gi'), aWorkload({ name: 'plain' })]), { target: 'auto-mode' })).toEqual([]);
    expect(runRule(rule, aManagedNodesInventory([asking('100Gi')]), { target: 'auto-mode' })).toEqual([]);
  });
});
