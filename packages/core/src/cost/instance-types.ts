// Which instance types an Auto Mode NodePool may launch, from its requirements, the way Karpenter
// reads them: labels Auto Mode derives from the instance (eks.amazonaws.com/instance-*, with the
// karpenter.k8s.aws/* spellings of self-managed Karpenter read the same way), arch and capacity type.
import { gpuManufacturer } from './gpu-makers.js';
import type { NodeSelectorRequirement } from '../kube.js';
import type { InstanceTypePrice, PriceFile } from './price-file.js';

export interface InstanceOption {
  type: string;
  price: InstanceTypePrice;
  category: string;
  family: string;
  generation: number;
  size: string;
}

const NAME = /^([a-z]+?)(\d+)([a-z0-9-]*)\.(.+)$/;

/** m7i.large → category m, generation 7, family m7i, size large; gr6.4xlarge → gr, 6. */
export function describeInstanceType(type: string): Omit<InstanceOption, 'price'> | null {
  const match = NAME.exec(type);
  if (!match) return null;
  const [, category = '', generation = '0', , size = ''] = match;
  return { type, category, family: type.slice(0, type.indexOf('.')), generation: Number(generation), size };
}

// Auto Mode launches nothing smaller than "medium" and nothing with a single vCPU (aws-facts §4.6).
const TOO_SMALL = new Set(['nano', 'micro', 'small']);

function attribute(option: InstanceOption, key: string): string | number | null {
  const name = key.replace(/^(eks\.amazonaws\.com|karpenter\.k8s\.aws)\/instance-/, '');
  if (key === 'node.kubernetes.io/instance-type') return option.type;
  if (key === 'kubernetes.io/arch') return option.price.arch;
  if (name === key) return null;
  switch (name) {
    case 'category':
      return option.category;
    case 'family':
      return option.family;
    case 'generation':
      return option.generation;
    case 'size':
      return option.size;
    case 'cpu':
      return option.price.vcpu;
    case 'memory':
      return option.price.memoryGiB * 1024;
    case 'gpu-count':
      return option.price.gpus ?? 0;
    case 'gpu-manufacturer':
      // A type without GPUs has no such label, so a requirement `In [nvidia]` excludes it ('' matches no value).
      return option.price.gpus ? gpuManufacturer(option.type, option.price) : '';
    default:
      return null;
  }
}

function satisfies(option: InstanceOption, r: NodeSelectorRequirement): boolean {
  const value = attribute(option, r.key);
  if (value === null) return true; // a label the price file knows nothing of narrows nothing we can price
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return values.includes(String(value));
    case 'NotIn':
      return !values.includes(String(value));
    case 'Exists':
      return true;
    case 'DoesNotExist':
      return false;
    case 'Gt':
      return Number(value) > Number(values[0]);
    case 'Lt':
      return Number(value) < Number(values[0]);
    default:
      return true;
  }
}

export type CapacityType = 'on-demand' | 'spot';

/** Karpenter launches Spot when a pool allows it; a pool that names no capacity type is On-Demand. */
export function capacityTypeOf(requirements: readonly NodeSelectorRequirement[]): CapacityType {
  const r = requirements.find((x) => x.key === 'karpenter.sh/capacity-type' && x.operator === 'In');
  return r?.values?.includes('spot') ? 'spot' : 'on-demand';
}

/**
 * The instance types a pool may launch, cheapest first (ties by name). A pool that says nothing of
 * arch gets amd64, as Karpenter defaults it; the built-in pools also need generation 5 or newer.
 */
export function allowedInstanceTypes(prices: PriceFile, requirements: readonly NodeSelectorRequirement[], builtin: boolean): InstanceOption[] {
  const archConstrained = requirements.some((r) => r.key === 'kubernetes.io/arch');
  const out: InstanceOption[] = [];
  for (const [type, price] of Object.entries(prices.instances)) {
    const described = describeInstanceType(type);
    if (!described || TOO_SMALL.has(described.size) || price.vcpu < 2) continue;
    const option: InstanceOption = { ...described, price };
    if (!archConstrained && price.arch !== 'amd64') continue;
    if (builtin && option.generation < 5) continue;
    if (requirements.every((r) => satisfies(option, r))) out.push(option);
  }
  return out.sort((a, b) => a.price.onDemandHour - b.price.onDemandHour || (a.type < b.type ? -1 : 1));
}
