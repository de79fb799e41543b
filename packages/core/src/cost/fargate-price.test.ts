import { describe, expect, it } from 'vitest';
import { FARGATE_COMBINATIONS } from '../capabilities/limits.js';
import type { PodSpec } from '../kube.js';
import { BUNDLED_PRICES } from './bundled-prices.js';
import { fargatePodPrice } from './fargate-price.js';

const MIB = 2 ** 20;
const pod = (cpu: string, memoryBytes: number, ephemeral?: string): PodSpec => ({
  containers: [
    { name: 'app', image: 'app', resources: { requests: { cpu, memory: `${memoryBytes}`, ...(ephemeral ? { 'ephemeral-storage': ephemeral } : {}) } } },
  ],
});
const rates = BUNDLED_PRICES.fargate;

describe('Fargate pod prices', () => {
  // Every boundary of the table: the largest request a combination holds (memory less the 256 MB
  // Fargate adds) lands on it, and one byte more lands on the next memory size or the next vCPU.
  const cases = FARGATE_COMBINATIONS.flatMap((combo, c) =>
    combo.memoryGb.map((gb, m) => {
      const next =
        combo.memoryGb[m + 1] !== undefined
          ? { vcpu: combo.vcpu, memoryGb: combo.memoryGb[m + 1]! }
          : FARGATE_COMBINATIONS[c + 1]
            ? { vcpu: FARGATE_COMBINATIONS[c + 1]!.vcpu, memoryGb: FARGATE_COMBINATIONS[c + 1]!.memoryGb.find((x) => x * 1024 >= gb * 1024 + 1)! }
            : null;
      return { vcpu: combo.vcpu, gb, next };
    }),
  );

  it.each(cases)('a pod of $vcpu vCPU asking for $gb GB less 256 MB is billed $vcpu vCPU / $gb GB, and one byte more is not', ({ vcpu, gb, next }) => {
    const fits = fargatePodPrice(pod(`${vcpu * 1000}m`, gb * 1024 * MIB - 256 * MIB), rates);
    expect(fits?.size).toEqual({ vcpu, memoryGb: gb });
    expect(fits?.hourly).toBeCloseTo(vcpu * rates.vcpuHour + gb * rates.gbHour, 10);
    const over = fargatePodPrice(pod(`${vcpu * 1000}m`, gb * 1024 * MIB - 256 * MIB + 1), rates);
    if (next) expect(over?.size.memoryGb).toBeGreaterThan(gb);
    else expect(over).toBeNull();
  });

  it('bills 0.25 vCPU / 0.5 GB for a pod that requests nothing', () => {
    const price = fargatePodPrice({ containers: [{ name: 'app', image: 'app' }] }, rates);
    expect(price?.size).toEqual({ vcpu: 0.25, memoryGb: 0.5 });
  });

  it('takes the next vCPU step when the CPU request is a millicore over a combination', () => {
    expect(fargatePodPrice(pod('251m', 100 * MIB), rates)?.size).toEqual({ vcpu: 0.5, memoryGb: 1 });
  });

  it('bills ephemeral storage only above the 20 GB every pod includes', () => {
    expect(fargatePodPrice(pod('250m', 100 * MIB, '20Gi'), rates)?.extraEphemeralGb).toBe(0);
    const big = fargatePodPrice(pod('250m', 100 * MIB, '50Gi'), rates)!;
    expect(big.extraEphemeralGb).toBe(30);
    expect(big.hourly).toBeCloseTo(0.25 * rates.vcpuHour + 0.5 * rates.gbHour + 30 * rates.ephemeralGbHour, 10);
  });
});
