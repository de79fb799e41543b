import { describe, it } from 'vitest';
import { DATA_IN_PODS_WORKLOADS, expectDataInPods } from '../../testing/__fixtures__/data-in-pods-workloads.js';
import { aFargateInventory, runRule } from '../../testing/builders.js';
import { autoModeDataInPodsRule } from './auto-mode-data-in-pods.js';

describe('auto-mode-data-in-pods', () => {
  it('names the datastores whose data goes with their pods when they move from Fargate', () => {
    expectDataInPods(runRule(autoModeDataInPodsRule, aFargateInventory(DATA_IN_PODS_WORKLOADS), { target: 'auto-mode' }));
  });
});
