import { describe, expect, it } from 'vitest';
import type { Container, PodSpec } from '../kube.js';
import { effectiveRequest, fargateSize, formatRequirement, formatSize, podRequirement } from './fargate-size.js';
import { formatBytes, parseBytes, parseCpu, parseQuantity } from './quantities.js';

const Gi = 1024 ** 3;
const Mi = 1024 ** 2;
const c = (name: string, requests: Record<string, string> = {}, limits: Record<string, string> = {}, extra: Partial<Container> = {}): Container => ({
  name,
  resources: { requests, limits },
  ...extra,
});
const pod = (containers: Container[], initContainers: Container[] = []): PodSpec => ({ containers, initContainers });

describe('quantities', () => {
  it('reads CPU in millicores', () => {
    expect(parseCpu('250m')).toBe(250);
    expect(parseCpu('1.5')).toBe(1500);
    expect(parseCpu('2')).toBe(2000);
    expect(parseCpu(4)).toBe(4000);
    expect(parseCpu('0.1')).toBe(100);
    expect(parseCpu('500000000n')).toBe(500);
  });

  it('reads memory in bytes, binary and decimal suffixes', () => {
    expect(parseBytes('512Mi')).toBe(512 * Mi);
    expect(parseBytes('2Gi')).toBe(2 * Gi);
    expect(parseBytes('1G')).toBe(1e9);
    expect(parseBytes('128974848')).toBe(128974848);
    expect(parseBytes('129e6')).toBe(129e6);
    expect(parseBytes('1.5Gi')).toBe(1.5 * Gi);
    expect(parseBytes('100k')).toBe(100_000);
  });

  it('returns null for what it cannot read instead of guessing', () => {
    expect(parseQuantity('lots')).toBeNull();
    expect(parseQuantity('1 GB')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
    expect(parseQuantity(undefined)).toBeNull();
  });

  it('formats sizes the way operators write them', () => {
    expect(formatBytes(2 * Gi)).toBe('2Gi');
    expect(formatBytes(1536 * Mi)).toBe('1536Mi');
    expect(formatRequirement({ millicpu: 250, memoryBytes: 512 * Mi })).toBe('250m CPU / 512Mi memory');
    expect(formatSize({ vcpu: 2, memoryGb: 9 })).toBe('2 vCPU / 9 GB');
  });
});

describe('pod requirement', () => {
  it('uses the limit when only a limit is set, as the API server does', () => {
    expect(effectiveRequest(c('a', {}, { cpu: '1' }), 'cpu')).toBe(1000);
    expect(effectiveRequest(c('a'), 'memory')).toBeNull();
  });

  it('takes the larger of the largest init container and the sum of regular containers', () => {
    const spec = pod([c('a', { cpu: '500m', memory: '1Gi' }), c('b', { cpu: '500m', memory: '1Gi' })], [c('init', { cpu: '2', memory: '512Mi' })]);
    expect(podRequirement(spec)).toMatchObject({ millicpu: 2000, memoryBytes: 2 * Gi });
  });

  it('counts native sidecars with the long-running containers and names them', () => {
    const spec = pod([c('a', { cpu: '1', memory: '1Gi' })], [c('proxy', { cpu: '1', memory: '1Gi' }, {}, { restartPolicy: 'Always' })]);
    expect(podRequirement(spec)).toMatchObject({ millicpu: 2000, memoryBytes: 2 * Gi, nativeSidecars: ['proxy'] });
  });

  it('sums ephemeral storage requests', () => {
    const spec = pod([c('a', { 'ephemeral-storage': '100Gi' }), c('b', { 'ephemeral-storage': '80Gi' })]);
    expect(podRequirement(spec).ephemeralBytes).toBe(180 * Gi);
  });
});

describe('Fargate rounding', () => {
  it("matches AWS's worked example: 1 vCPU / 8 GB requested runs as 2 vCPU / 9 GB", () => {
    expect(fargateSize({ millicpu: 1000, memoryBytes: 8 * Gi })).toEqual({ vcpu: 2, memoryGb: 9 });
  });

  it('gives a pod that requests nothing the smallest size, 0.25 vCPU / 0.5 GB', () => {
    expect(fargateSize({ millicpu: 0, memoryBytes: 0 })).toEqual({ vcpu: 0.25, memoryGb: 0.5 });
  });

  it('adds 256 MB before rounding', () => {
    expect(fargateSize({ millicpu: 250, memoryBytes: 256 * Mi })).toEqual({ vcpu: 0.25, memoryGb: 0.5 });
    expect(fargateSize({ millicpu: 250, memoryBytes: 257 * Mi })).toEqual({ vcpu: 0.25, memoryGb: 1 });
    expect(fargateSize({ millicpu: 250, memoryBytes: 512 * Mi })).toEqual({ vcpu: 0.25, memoryGb: 1 });
  });

  it('moves up a CPU step when memory exceeds what the CPU step allows', () => {
    expect(fargateSize({ millicpu: 250, memoryBytes: 3 * Gi })).toEqual({ vcpu: 0.5, memoryGb: 4 });
    expect(fargateSize({ millicpu: 4000, memoryBytes: 40 * Gi })).toEqual({ vcpu: 8, memoryGb: 44 });
  });

  it('reaches the largest size, 16 vCPU / 120 GB, and nothing beyond', () => {
    expect(fargateSize({ millicpu: 16000, memoryBytes: 119 * Gi })).toEqual({ vcpu: 16, memoryGb: 120 });
    expect(fargateSize({ millicpu: 16000, memoryBytes: 120 * Gi })).toBeNull();
    expect(fargateSize({ millicpu: 16001, memoryBytes: Gi })).toBeNull();
  });
});
