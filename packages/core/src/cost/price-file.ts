// The price file: the bundled snapshot has this shape, and so does a team's own file given with
// `--prices <file>` (negotiated or regional prices). Validation returns data: every problem names
// the field, so the CLI can say which one is wrong without guessing.

/** One EC2 instance type: its shape and its hourly prices in the file's Region. */
export interface InstanceTypePrice {
  vcpu: number;
  memoryGiB: number;
  arch: 'amd64' | 'arm64';
  onDemandHour: number;
  /** A Spot price for the Region; without one, Spot capacity is priced On-Demand and says so. */
  spotHour?: number;
  /** What pods can use once the kubelet and system reserve are taken; defaults to the whole instance less a standard reserve. */
  allocatableCpu?: number;
  allocatableMemoryGiB?: number;
  gpus?: number;
  /**
   * Who makes its GPUs ("nvidia", "amd"), as EC2 names them: pods asking for nvidia.com/gpu run only
   * on NVIDIA's. Without it, the bundled snapshot's answer for the type is taken, else NVIDIA.
   */
  gpuManufacturer?: string;
  /** The Auto Mode management fee for this type, per hour; overrides `autoModeFee.percentOfOnDemand`. */
  autoModeFeeHour?: number;
}

export interface PriceFile {
  region: string;
  currency: 'USD';
  /** When the prices were taken: a date (2026-07-20) or an RFC 3339 time. */
  asOf: string;
  sources: string[];
  fargate: { vcpuHour: number; gbHour: number; ephemeralGbHour: number };
  /** The Auto Mode fee where a type has no `autoModeFeeHour` of its own. */
  autoModeFee: { percentOfOnDemand: number; note: string };
  instances: Record<string, InstanceTypePrice>;
}

export interface PriceFileProblem {
  /** A JSON path such as `instances["m7i.large"].onDemandHour`. */
  field: string;
  message: string;
}

export type PriceFileResult = { ok: true; prices: PriceFile } | { ok: false; problems: PriceFileProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A price or a size: a finite number, never negative (zero is a valid price for a free tier or a credit). */
function checkNumber(value: unknown, field: string, problems: PriceFileProblem[], options: { positive?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (options.positive && value === 0)) {
    problems.push({ field, message: options.positive ? 'must be a number above 0' : 'must be a number of 0 or more' });
    return 0;
  }
  return value;
}

function checkString(value: unknown, field: string, problems: PriceFileProblem[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, message: 'must be a non-empty string' });
    return '';
  }
  return value;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function checkInstance(name: string, value: unknown, problems: PriceFileProblem[]): InstanceTypePrice | null {
  const at = `instances[${JSON.stringify(name)}]`;
  if (!isObject(value)) {
    problems.push({ field: at, message: 'must be an object with vcpu, memoryGiB, arch and onDemandHour' });
    return null;
  }
  const arch = value['arch'];
  if (arch !== 'amd64' && arch !== 'arm64') problems.push({ field: `${at}.arch`, message: 'must be "amd64" or "arm64"' });
  const out: InstanceTypePrice = {
    vcpu: checkNumber(value['vcpu'], `${at}.vcpu`, problems, { positive: true }),
    memoryGiB: checkNumber(value['memoryGiB'], `${at}.memoryGiB`, problems, { positive: true }),
    arch: arch === 'arm64' ? 'arm64' : 'amd64',
    onDemandHour: checkNumber(value['onDemandHour'], `${at}.onDemandHour`, problems),
  };
  for (const key of ['spotHour', 'allocatableCpu', 'allocatableMemoryGiB', 'gpus', 'autoModeFeeHour'] as const) {
    if (value[key] !== undefined)
      out[key] = checkNumber(value[key], `${at}.${key}`, problems, { positive: key === 'allocatableCpu' || key === 'allocatableMemoryGiB' });
  }
  if (value['gpuManufacturer'] !== undefined) {
    const maker = checkString(value['gpuManufacturer'], `${at}.gpuManufacturer`, problems);
    // EC2 spells makers NVIDIA and AMD, the snapshot nvidia and amd: compared in lower case.
    if (maker) out.gpuManufacturer = maker.toLowerCase();
  }
  return out;
}

/** Checks a parsed price file; unknown top-level fields are ignored so a file can carry notes of its own. */
export function readPriceFile(value: unknown): PriceFileResult {
  const problems: PriceFileProblem[] = [];
  if (!isObject(value)) return { ok: false, problems: [{ field: '(file)', message: 'must be a JSON object' }] };
  const region = checkString(value['region'], 'region', problems);
  if (region && !REGION.test(region)) problems.push({ field: 'region', message: 'must be an AWS Region code such as us-east-1' });
  if (value['currency'] !== 'USD') problems.push({ field: 'currency', message: 'must be "USD"' });
  const asOf = checkString(value['asOf'], 'asOf', problems);
  if (asOf && !DATE.test(asOf)) problems.push({ field: 'asOf', message: 'must be a date (2026-07-20) or an RFC 3339 time' });
  const sources = value['sources'];
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string' && s.trim() !== '')) {
    problems.push({ field: 'sources', message: 'must list where the prices come from (non-empty strings)' });
  }
  const fargate = isObject(value['fargate']) ? value['fargate'] : null;
  if (!fargate) problems.push({ field: 'fargate', message: 'must be an object with vcpuHour, gbHour and ephemeralGbHour' });
  const fee = isObject(value['autoModeFee']) ? value['autoModeFee'] : null;
  if (!fee) problems.push({ field: 'autoModeFee', message: 'must be an object with percentOfOnDemand and note' });
  const instances = isObject(value['instances']) ? value['instances'] : null;
  if (!instances || Object.keys(instances).length === 0) problems.push({ field: 'instances', message: 'must map at least one instance type to its prices' });
  const file: PriceFile = {
    region,
    currency: 'USD',
    asOf,
    sources: Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string') : [],
    fargate: {
      vcpuHour: checkNumber(fargate?.['vcpuHour'], 'fargate.vcpuHour', problems),
      gbHour: checkNumber(fargate?.['gbHour'], 'fargate.gbHour', problems),
      ephemeralGbHour: checkNumber(fargate?.['ephemeralGbHour'], 'fargate.ephemeralGbHour', problems),
    },
    autoModeFee: {
      percentOfOnDemand: checkNumber(fee?.['percentOfOnDemand'], 'autoModeFee.percentOfOnDemand', problems),
      note: typeof fee?.['note'] === 'string' ? fee['note'] : '',
    },
    instances: {},
  };
  for (const name of Object.keys(instances ?? {}).sort()) {
    if (!/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/.test(name)) {
      problems.push({ field: `instances[${JSON.stringify(name.slice(0, 40))}]`, message: 'is not an EC2 instance type name (family.size)' });
      continue;
    }
    const instance = checkInstance(name, instances?.[name], problems);
    if (instance) file.instances[name] = instance;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, prices: file };
}
