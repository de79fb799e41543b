// Fargate bills each pod for the vCPU/memory combination it provisions (requests plus 256 MB,
// rounded up; 0.25 vCPU / 0.5 GB when nothing is requested), plus ephemeral storage above the
// 20 GB every pod includes (../shared/reference/aws-facts.md §5, fargate-sizing-and-pricing.json).
import { FARGATE_LIMITS } from '../capabilities/limits.js';
import type { PodSpec } from '../kube.js';
import { fargateSize, podRequirement, type FargateSize } from '../analysis/fargate-size.js';
import { GIB_BYTES } from '../analysis/quantities.js';
import type { PriceFile } from './price-file.js';

export interface FargatePodPrice {
  size: FargateSize;
  /** Billed ephemeral storage above the included amount, in GB. */
  extraEphemeralGb: number;
  hourly: number;
}

/** One pod's hourly Fargate price, or null when no Fargate combination holds it. */
export function fargatePodPrice(spec: PodSpec, prices: PriceFile['fargate']): FargatePodPrice | null {
  const need = podRequirement(spec);
  const size = fargateSize(need);
  if (!size) return null;
  const ephemeralGb = need.ephemeralBytes / GIB_BYTES;
  const extraEphemeralGb = Math.max(0, Math.ceil(ephemeralGb - FARGATE_LIMITS.defaultEphemeralGib));
  const hourly = size.vcpu * prices.vcpuHour + size.memoryGb * prices.gbHour + extraEphemeralGb * prices.ephemeralGbHour;
  return { size, extraEphemeralGb, hourly };
}
