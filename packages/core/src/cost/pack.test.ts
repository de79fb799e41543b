import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PRICES } from './bundled-prices.js';
import { MAX_PODS_PER_NODE, pack, type PodDemand } from './pack.js';
import { poolNodeTypes } from './pools.js';
import { BUILTIN_POOLS } from '../placement/node-pools.js';

const GIB = 2 ** 30;
const none = { millicpu: 0, memoryBytes: 0, gpus: 0, pods: 0 };
const generalPurpose = poolNodeTypes(
  { name: 'general-purpose', requirements: BUILTIN_POOLS['general-purpose']!.requirements, builtin: true, autoMode: true },
  BUNDLED_PRICES,
  none,
).types;

// Sizes people run: 50m–4 CPU, 64Mi–16Gi, in the steps manifests use.
const podArb = fc.record({
  millicpu: fc.constantFrom(50, 100, 250, 500, 1000, 2000, 4000),
  memoryBytes: fc.constantFrom(64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384).map((mib) => mib * 2 ** 20),
});

describe('packing pods onto Auto Mode nodes', () => {
  it('places every pod once, overfills no node, puts at most 110 pods on one, and never costs less than the lower bound', () => {
    fc.assert(
      fc.property(fc.array(podArb, { minLength: 1, maxLength: 400 }), (sizes) => {
        const pods: PodDemand[] = sizes.map((s, owner) => ({ ...s, gpus: 0, owner }));
        const result = pack(pods, generalPurpose);
        expect(result.unplaceable).toEqual([]);
        const seen = result.placed.flatMap((n) => n.pods.flatMap((p) => Array<number>(p.count).fill(p.owner))).sort((a, b) => a - b);
        expect(seen).toEqual(pods.map((p) => p.owner));
        for (const node of result.placed) {
          expect(node.pods.reduce((s, p) => s + p.count, 0)).toBeLessThanOrEqual(Math.min(MAX_PODS_PER_NODE, node.type.pods));
          expect(node.pods.reduce((s, p) => s + p.size.millicpu * p.count, 0)).toBeLessThanOrEqual(node.type.millicpu);
          expect(node.pods.reduce((s, p) => s + p.size.memoryBytes * p.count, 0)).toBeLessThanOrEqual(node.type.memoryBytes);
        }
        expect(result.hourly).toBeGreaterThanOrEqual(result.lowerBoundHourly - 1e-9);
        const attributed = [...result.byOwner.values()].reduce((a, b) => a + b, 0);
        expect(attributed).toBeCloseTo(result.hourly, 6);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  // The sizes `npm run bench` generates its estates with (the generator's requests).
  const benchPod = fc.record({
    millicpu: fc.constantFrom(100, 250, 500, 1000, 2000),
    memoryBytes: fc.constantFrom(128, 256, 512, 1024, 2048, 4096).map((mib) => mib * 2 ** 20),
  });

  it('stays within 1.3× of the lower bound on estates shaped like the generated ones', () => {
    fc.assert(
      fc.property(fc.array(benchPod, { minLength: 2000, maxLength: 3000 }), (sizes) => {
        const result = pack(
          sizes.map((s, owner) => ({ ...s, gpus: 0, owner })),
          generalPurpose,
        );
        expect(result.hourly / result.lowerBoundHourly).toBeLessThanOrEqual(1.3);
      }),
      { numRuns: 5, seed: 11 },
    );
  });

  it('leaves out a pod larger than every instance the pool allows, and says so', () => {
    const result = pack(
      [
        { millicpu: 500, memoryBytes: GIB, gpus: 0, owner: 0 },
        { millicpu: 1_000_000, memoryBytes: GIB, gpus: 0, owner: 1 },
      ],
      generalPurpose,
    );
    expect(result.unplaceable.map((p) => p.owner)).toEqual([1]);
    expect(result.placed.flatMap((n) => n.pods.map((p) => p.owner))).toEqual([0]);
  });

  it('opens no more than one node for 110 tiny pods, and a second for the 111th', () => {
    const tiny = (owner: number): PodDemand => ({ millicpu: 10, memoryBytes: 16 * 2 ** 20, gpus: 0, owner });
    expect(
      pack(
        Array.from({ length: 110 }, (_, i) => tiny(i)),
        generalPurpose,
      ).placed,
    ).toHaveLength(1);
    expect(
      pack(
        Array.from({ length: 111 }, (_, i) => tiny(i)),
        generalPurpose,
      ).placed,
    ).toHaveLength(2);
  });

  const gCategory = () =>
    poolNodeTypes(
      { name: 'gpu', requirements: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g'] }], builtin: false, autoMode: true },
      BUNDLED_PRICES,
      none,
    ).types;

  it('puts GPU pods only on instances with enough GPUs', () => {
    const gpuPool = gCategory();
    const result = pack([{ millicpu: 1000, memoryBytes: 4 * GIB, gpus: 2, owner: 0 }], gpuPool);
    expect(result.placed[0]!.type.gpus).toBeGreaterThanOrEqual(2);
  });

  it('puts pods asking for nvidia.com/gpu on NVIDIA GPUs, never on g4ad (AMD)', () => {
    const gpuPool = gCategory();
    const one = pack([{ millicpu: 1000, memoryBytes: 4 * GIB, gpus: 1, owner: 0 }], gpuPool).placed[0]!.type.type;
    expect(one).not.toMatch(/^g4ad\./);
    expect(BUNDLED_PRICES.instances[one]?.gpuManufacturer).toBe('nvidia');
    // A pool held to AMD GPUs has nowhere to put such a pod.
    const amdPool = poolNodeTypes(
      { name: 'amd', requirements: [{ key: 'eks.amazonaws.com/instance-gpu-manufacturer', operator: 'In', values: ['amd'] }], builtin: false, autoMode: true },
      BUNDLED_PRICES,
      none,
    ).types;
    expect(amdPool.length).toBeGreaterThan(0);
    expect(amdPool.every((t) => t.gpus === 0)).toBe(true);
    // Only GPU types carry the label: a pool held to a maker launches no CPU-only type.
    expect(amdPool.every((t) => t.type.startsWith('g4ad.'))).toBe(true);
  });

  it('takes the GPU maker from the bundled snapshot when a price file does not name it', () => {
    const withoutMakers = {
      ...BUNDLED_PRICES,
      instances: Object.fromEntries(Object.entries(BUNDLED_PRICES.instances).map(([t, { gpuManufacturer: _maker, ...rest }]) => [t, rest])),
    };
    const types = poolNodeTypes(
      { name: 'gpu', requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['g4ad', 'g4dn'] }], builtin: false, autoMode: true },
      withoutMakers,
      none,
    ).types;
    expect(types.filter((t) => t.type.startsWith('g4ad.')).every((t) => t.gpus === 0)).toBe(true);
    expect(types.filter((t) => t.type.startsWith('g4dn.')).every((t) => t.gpus > 0)).toBe(true);
  });
});
