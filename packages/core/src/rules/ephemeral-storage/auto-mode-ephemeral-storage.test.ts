import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload } from '../../testing/builders.js';
import { aManagedNodesInventory, autoModeFindings } from '../../testing/builders-auto-mode.js';
import { autoModeEphemeralStorageRule as rule } from './auto-mode-ephemeral-storage.js';

const asking = (size: string) =>
  aWorkload({ containers: [{ name: 'main', image: 'app:1', resources: { requests: { cpu: '1', memory: '2Gi', 'ephemeral-storage': size } } }] });

describe('auto-mode-ephemeral-storage', () => {
  it('asks for a NodeClass with a bigger volume when a pod wants more than the default node has', () => {
    const [finding, ...rest] = autoModeFindings(rule, aFargateInventory([asking('100Gi')]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ id: 'auto-mode-ephemeral-storage:Deployment/shop/web', severity: 'change', capability: 'ephemeral-storage', action: { type: 'review' } });
    expect(finding?.message).toContain('100Gi');
    expect(finding?.message).toContain('80Gi');
    expect(finding?.remediation).toContain('ephemeralStorage.size of at least 125Gi');
  });

  it('counts the containers of a pod together, as the scheduler does', () => {
    const two = aWorkload({
      containers: ['a', 'b'].map((name) => ({ name, image: 'app:1', resources: { requests: { 'ephemeral-storage': '45Gi' } } })),
    });
    expect(autoModeFindings(rule, aFargateInventory([two]))).toHaveLength(1);
  });

  it('passes pods that fit a default node, and pods that do not come from Fargate', () => {
    expect(autoModeFindings(rule, aFargateInventory([asking('20Gi'), aWorkload({ name: 'plain' })]))).toEqual([]);
    expect(autoModeFindings(rule, aManagedNodesInventory([asking('100Gi')]))).toEqual([]);
  });
});
