// Which GPUs of an instance type the pods we price can use. Pods ask for GPUs as nvidia.com/gpu
// (GPU_RESOURCES): an AMD GPU (g4ad, amd.com/gpu) runs none of them, and Auto Mode offers NVIDIA
// GPUs only. Pricing such pods on g4ad, the cheapest GPU type, understated a GPU pool's cost.
import { BUNDLED_PRICES } from './bundled-prices.js';
import type { InstanceTypePrice } from './price-file.js';

/** The price file's answer, else the bundled snapshot's for the same type; null when neither says. */
export function gpuManufacturer(type: string, price: InstanceTypePrice): string | null {
  const bundled = Object.hasOwn(BUNDLED_PRICES.instances, type) ? BUNDLED_PRICES.instances[type] : undefined;
  return (price.gpuManufacturer ?? bundled?.gpuManufacturer)?.toLowerCase() ?? null;
}

/** GPUs a pod asking for nvidia.com/gpu can use: an unnamed maker is taken as NVIDIA, as nearly every GPU type is. */
export function nvidiaGpus(type: string, price: InstanceTypePrice): number {
  const count = price.gpus ?? 0;
  if (count === 0) return 0;
  const maker = gpuManufacturer(type, price);
  return maker === null || maker === 'nvidia' ? count : 0;
}
