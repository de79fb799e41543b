import { describe, expect, it } from 'vitest';
import type { Inventory, Workload } from '../inventory/types.js';
import { aCluster, anAutoModeCluster, anInventory, aWorkload } from '../testing/index.js';
import { aNodePool } from '../testing/kube-objects.js';
import { gpuContainers as gpu, gpuInference as inference, spotGame as spot } from '../testing/unseen-capacity.js';
import { COMPUTE_TYPE_ANNOTATION } from './fargate-profiles.js';
import { computePlacement } from './place.js';

const plain = aWorkload({ namespace: 'shop', name: 'web', spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } });

function placement(inventory: Inventory, w: Workload, target: 'fargate' | 'auto-mode') {
  const p = computePlacement(inventory, target);
  return { current: p.workloads.get(w.key)?.current, need: p.unseen.needs.get(w.key) };
}

describe('capacity the inventory does not show', () => {
  it('puts plain manifests moving to Fargate on Auto Mode, the source of that move, and says nothing named it', () => {
    const { current, need } = placement(anInventory({ workloads: [plain] }), plain, 'fargate');
    expect(current).toEqual({ type: 'auto-mode', nodePool: 'general-purpose' });
    expect(need).toEqual({ workload: plain.key, on: 'auto-mode', name: null, asks: '' });
  });

  it('puts plain manifests moving to Auto Mode on Fargate, with a profile it cannot name', () => {
    const { current, need } = placement(anInventory({ workloads: [plain] }), plain, 'auto-mode');
    expect(current).toEqual({ type: 'fargate', profile: 'unknown' });
    expect(need?.on).toBe('fargate');
  });

  it('assumes the NodePool a workload names exists, with the GPUs and taints it asks for', () => {
    const { current, need } = placement(anInventory({ workloads: [inference, spot] }), inference, 'fargate');
    expect(current).toEqual({ type: 'auto-mode', nodePool: 'gpu' });
    expect(need).toEqual({
      workload: inference.key,
      on: 'auto-mode',
      name: 'gpu',
      asks: 'karpenter.sh/nodepool=gpu, nvidia.com/gpu, a toleration of nvidia.com/gpu',
    });
    expect(placement(anInventory({ workloads: [inference, spot] }), spot, 'fargate').current).toEqual({ type: 'auto-mode', nodePool: 'unknown' });
  });

  it('reads a NodePool of an Auto Mode cluster as Auto Mode, and of a cluster with Auto Mode off as self-managed Karpenter', () => {
    expect(placement(anInventory({ cluster: anAutoModeCluster(), workloads: [spot] }), spot, 'auto-mode').current).toEqual({
      type: 'auto-mode',
      nodePool: 'unknown',
    });
    expect(placement(anInventory({ cluster: aCluster(), workloads: [spot] }), spot, 'fargate').current).toEqual({
      type: 'managed-nodes',
      nodegroup: null,
      nodePool: 'unknown-karpenter',
    });
  });

  it('moving to Auto Mode with nothing to go on, takes a NodePool a workload names for self-managed Karpenter (Auto Mode is assumed off)', () => {
    expect(placement(anInventory({ workloads: [spot] }), spot, 'auto-mode')).toMatchObject({
      current: { type: 'managed-nodes', nodegroup: null, nodePool: 'unknown-karpenter' },
      need: { on: 'karpenter' },
    });
  });

  it('follows what a workload pins: a node group by name, Fargate, Auto Mode', () => {
    const pinned = (name: string, key: string, value: string) => aWorkload({ namespace: 'a', name, spec: { nodeSelector: { [key]: value } } });
    const ng = pinned('ng', 'eks.amazonaws.com/nodegroup', 'workers');
    const fg = pinned('fg', COMPUTE_TYPE_ANNOTATION, 'fargate');
    const am = pinned('am', COMPUTE_TYPE_ANNOTATION, 'auto');
    const inventory = anInventory({ workloads: [ng, fg, am] });
    expect(placement(inventory, ng, 'auto-mode').current).toEqual({ type: 'managed-nodes', nodegroup: 'workers' });
    expect(placement(inventory, fg, 'fargate').current).toEqual({ type: 'fargate', profile: 'unknown' });
    expect(placement(inventory, am, 'fargate').current).toEqual({ type: 'auto-mode', nodePool: 'general-purpose' });
  });

  it('assumes nothing for a workload the inventory places, or for a DaemonSet', () => {
    const pools = [aNodePool('spot', { requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }] })];
    const agent = aWorkload({ kind: 'DaemonSet', namespace: 'ops', name: 'agent' });
    const p = computePlacement(anInventory({ cluster: anAutoModeCluster(), nodePools: pools, workloads: [spot, agent] }), 'fargate');
    expect(p.workloads.get(spot.key)?.current).toEqual({ type: 'auto-mode', nodePool: 'spot' });
    expect(p.unseen.needs.size).toBe(0);
  });
});

describe('capacity the inventory shows but that does not take the pod', () => {
  it('is not assumed away: a pod that does not tolerate the taint of the NodePool it names waits, as it would in the cluster', () => {
    const tainted = aNodePool('gpu', { taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }] });
    const untolerating = aWorkload({ namespace: 'ml', name: 'x', containers: gpu, spec: { nodeSelector: { 'karpenter.sh/nodepool': 'gpu' } } });
    const { current, need } = placement(
      anInventory({ cluster: anAutoModeCluster(), nodePools: [tainted], workloads: [untolerating] }),
      untolerating,
      'fargate',
    );
    expect(current?.type).toBe('pending');
    expect(need).toBeUndefined();
  });
});
