// `--prices live`: today's list prices for one Region from the AWS Price List API (GetProducts),
// turned into the same price file the bundled snapshot is: EC2 On-Demand (Linux, shared tenancy)
// with each type's shape, Fargate's rates, and the Auto Mode fee per instance type.
import { GetProductsCommand, PricingClient, type Filter } from '@aws-sdk/client-pricing';
import { UserError, readPriceFile, type InstanceTypePrice, type PriceFile } from '@modeshift/core/base';
import { awsUserError, isForbidden } from './errors.js';

export interface LivePricesOptions {
  /** The cluster's Region: the prices asked for. */
  region: string;
  env: NodeJS.ProcessEnv;
  /** Per request; the whole fetch is a few hundred pages at most. */
  timeoutMs?: number;
  /** When the prices were read, for the price file's asOf (a date). */
  today: string;
  profile?: string;
}

const set = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** The Price List API answers in us-east-1 (and a few other Regions), whatever Region is priced. */
function pricingClient(o: LivePricesOptions): PricingClient {
  const endpoint =
    o.env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true' ? undefined : (set(o.env['AWS_ENDPOINT_URL_PRICING']) ?? set(o.env['AWS_ENDPOINT_URL']));
  const timeoutMs = o.timeoutMs ?? 30_000;
  const accessKeyId = set(o.env['AWS_ACCESS_KEY_ID']);
  const secretAccessKey = set(o.env['AWS_SECRET_ACCESS_KEY']);
  const sessionToken = set(o.env['AWS_SESSION_TOKEN']);
  // As the AWS CLI does: keys in the environment unless a profile is named.
  const credentials =
    !o.profile && accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {};
  return new PricingClient({
    ...credentials,
    region: 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    ...(o.profile ? { profile: o.profile } : {}),
    maxAttempts: 4,
    requestHandler: { connectionTimeout: Math.min(timeoutMs, 5_000), requestTimeout: timeoutMs, throwOnRequestTimeout: true },
  });
}

interface Product {
  product?: { attributes?: Record<string, string> };
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, { unit?: string; pricePerUnit?: { USD?: string } }> }> };
}

/** The hourly On-Demand USD price of a product, or null when it has none or more than one. */
function hourlyPrice(p: Product): number | null {
  const prices: number[] = [];
  for (const term of Object.values(p.terms?.OnDemand ?? {})) {
    for (const dim of Object.values(term.priceDimensions ?? {})) {
      const usd = Number(dim.pricePerUnit?.USD);
      if (Number.isFinite(usd) && usd > 0) prices.push(usd);
    }
  }
  return prices.length === 1 ? prices[0]! : null;
}

const MAX_PAGES = 2_000;

async function products(client: PricingClient, serviceCode: string, filters: Record<string, string>): Promise<Product[]> {
  const out: Product[] = [];
  const Filters: Filter[] = Object.entries(filters).map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value }));
  let NextToken: string | undefined;
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.send(
      new GetProductsCommand({ ServiceCode: serviceCode, Filters, FormatVersion: 'aws_v1', MaxResults: 100, ...(NextToken ? { NextToken } : {}) }),
    );
    // Each entry is a JSON document; the SDK hands it over as a string or as a lazily parsed string object.
    for (const doc of answer.PriceList ?? [])
      out.push((typeof doc === 'object' && doc !== null && 'product' in doc ? doc : JSON.parse(String(doc))) as Product);
    NextToken = answer.NextToken;
    if (!NextToken) return out;
    if (seen.has(NextToken)) throw new UserError('api', `the AWS Price List API repeated a page token for ${serviceCode}; try again later`);
    seen.add(NextToken);
  }
  throw new UserError('api', `the AWS Price List API sent more than ${MAX_PAGES} pages for ${serviceCode}; not read further`);
}

/** "8 GiB" → 8; "1,952 GiB" → 1952. */
const gib = (text: string | undefined) => Number((text ?? '').replace(/,/g, '').replace(/\s*GiB$/i, ''));

function ec2Instance(attrs: Record<string, string>, price: number): InstanceTypePrice | null {
  const vcpu = Number(attrs['vcpu']);
  const memoryGiB = gib(attrs['memory']);
  if (!(vcpu > 0) || !(memoryGiB > 0)) return null;
  const arm = /graviton|arm/i.test(`${attrs['physicalProcessor'] ?? ''} ${attrs['processorArchitecture'] ?? ''}`);
  const gpus = Number(attrs['gpu']);
  return { vcpu, memoryGiB, arch: arm ? 'arm64' : 'amd64', onDemandHour: price, ...(gpus > 0 ? { gpus } : {}) };
}

function describeFailure(error: unknown, where: string): unknown {
  if (error instanceof UserError) return error;
  if (isForbidden(error))
    return new UserError('api', `the AWS Price List API at ${where} refused the request (access denied): pricing:GetProducts must be allowed`);
  // Unreachable, timed out or credentials rejected: the same sentences as the EKS and EC2 calls (with the socket's code, not "Error").
  return awsUserError(error, 'AWS Price List', where);
}

export async function fetchLivePrices(o: LivePricesOptions): Promise<PriceFile> {
  const client = pricingClient(o);
  const where = set(o.env['AWS_ENDPOINT_URL_PRICING']) ?? 'us-east-1';
  try {
    const instances: Record<string, InstanceTypePrice> = {};
    const ec2 = await products(client, 'AmazonEC2', {
      regionCode: o.region,
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
    });
    for (const p of ec2) {
      const attrs = p.product?.attributes ?? {};
      const type = attrs['instanceType'];
      const price = hourlyPrice(p);
      if (!type || price === null || attrs['licenseModel'] === 'Bring your own license') continue;
      const instance = ec2Instance(attrs, price);
      if (instance) instances[type] = instance;
    }
    const eks = await products(client, 'AmazonEKS', { regionCode: o.region });
    const fargate = { vcpuHour: 0, gbHour: 0, ephemeralGbHour: 0 };
    for (const p of eks) {
      const attrs = p.product?.attributes ?? {};
      const usage = attrs['usagetype'] ?? '';
      const price = hourlyPrice(p);
      if (price === null || /ARM/i.test(usage)) continue;
      if (/Fargate-vCPU-Hours:perCPU$/.test(usage)) fargate.vcpuHour = price;
      else if (/Fargate-EphemeralStorage-GB-Hours$/.test(usage)) fargate.ephemeralGbHour = price;
      else if (/Fargate-GB-Hours$/.test(usage)) fargate.gbHour = price;
      else if (attrs['operation'] === 'EKSAutoUsage') {
        const type = attrs['instancetype'] ?? attrs['instanceType'];
        if (type && instances[type]) instances[type] = { ...instances[type], autoModeFeeHour: price };
      }
    }
    const file = {
      region: o.region,
      currency: 'USD',
      asOf: o.today,
      sources: [`AWS Price List API (GetProducts: AmazonEC2 and AmazonEKS in ${o.region}), read ${o.today}`],
      fargate,
      autoModeFee: {
        percentOfOnDemand: 12,
        note: 'per instance type from the AWS Price List API (operation EKSAutoUsage); 12 % of the On-Demand price where it lists none',
      },
      instances,
    };
    const checked = readPriceFile(file);
    if (!checked.ok)
      throw new UserError(
        'api',
        `the AWS Price List API answered without usable ${o.region} prices (${checked.problems[0]!.field} ${checked.problems[0]!.message})`,
      );
    if (fargate.vcpuHour === 0 || fargate.gbHour === 0) throw new UserError('api', `the AWS Price List API listed no Fargate rates for ${o.region}`);
    return checked.prices;
  } catch (error) {
    throw describeFailure(error, where);
  } finally {
    client.destroy();
  }
}
