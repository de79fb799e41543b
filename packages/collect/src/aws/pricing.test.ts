import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '@modeshift/core/base';
import { fetchLivePrices } from './pricing.js';

interface Seen {
  target: string;
  body: { ServiceCode: string; Filters: { Field: string; Value: string }[]; NextToken?: string };
  auth: string;
}

const product = (attributes: Record<string, string>, usd: string) =>
  JSON.stringify({
    product: { attributes },
    terms: { OnDemand: { 'X.JRTCKXETXF': { priceDimensions: { 'X.JRTCKXETXF.6YS6EN2CT7': { unit: 'Hrs', pricePerUnit: { USD: usd } } } } } },
  });

const EC2_PAGES = [
  [
    product(
      { instanceType: 'm7i.large', vcpu: '2', memory: '8 GiB', physicalProcessor: 'Intel Xeon Sapphire Rapids', licenseModel: 'No License required' },
      '0.1008',
    ),
  ],
  [
    product({ instanceType: 'm7g.large', vcpu: '2', memory: '8 GiB', physicalProcessor: 'AWS Graviton3', licenseModel: 'No License required' }, '0.0816'),
    product(
      { instanceType: 'g5.xlarge', vcpu: '4', memory: '16 GiB', gpu: '1', physicalProcessor: 'AMD EPYC 7R32', licenseModel: 'No License required' },
      '1.006',
    ),
  ],
];
const EKS = [
  product({ usagetype: 'USE1-Fargate-vCPU-Hours:perCPU' }, '0.04048'),
  product({ usagetype: 'USE1-Fargate-GB-Hours' }, '0.004445'),
  product({ usagetype: 'USE1-Fargate-EphemeralStorage-GB-Hours' }, '0.000111'),
  product({ usagetype: 'USE1-ARM-Fargate-vCPU-Hours:perCPU' }, '0.03238'),
  product({ usagetype: 'USE1-AutoMode-m7i.large', operation: 'EKSAutoUsage', instancetype: 'm7i.large' }, '0.0121'),
];

let server: http.Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** The Price List API (awsJson1_1) on 127.0.0.1: EC2 in two pages, EKS in one; or an error for every call. */
async function fakePricing(fail?: { status: number; type: string }): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Seen['body'];
      seen.push({ target: String(req.headers['x-amz-target']), body, auth: String(req.headers['authorization']) });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (fail) {
        res.statusCode = fail.status;
        res.end(JSON.stringify({ __type: fail.type, message: 'no' }));
        return;
      }
      const page = body.NextToken === 'p2' ? 1 : 0;
      const answer = body.ServiceCode === 'AmazonEC2' ? { PriceList: EC2_PAGES[page], ...(page === 0 ? { NextToken: 'p2' } : {}) } : { PriceList: EKS };
      res.end(JSON.stringify({ FormatVersion: 'aws_v1', ...answer }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const env = (url: string) => ({ AWS_ENDPOINT_URL_PRICING: url, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret' });

describe('live prices from the AWS Price List API', () => {
  it('reads EC2 and EKS products for the cluster’s Region through AWS_ENDPOINT_URL_PRICING, page by page', async () => {
    const { url, seen } = await fakePricing();
    const prices = await fetchLivePrices({ region: 'us-east-1', env: env(url), today: '2026-12-07' });
    expect(seen.map((s) => [s.target, s.body.ServiceCode, s.body.NextToken ?? null])).toEqual([
      ['AWSPriceListService.GetProducts', 'AmazonEC2', null],
      ['AWSPriceListService.GetProducts', 'AmazonEC2', 'p2'],
      ['AWSPriceListService.GetProducts', 'AmazonEKS', null],
    ]);
    expect(seen[0]!.body.Filters).toContainEqual({ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' });
    expect(seen[0]!.auth).toContain('Credential=AKIDTEST/');
    expect(prices.instances['m7g.large']).toEqual({ vcpu: 2, memoryGiB: 8, arch: 'arm64', onDemandHour: 0.0816 });
    expect(prices.instances['g5.xlarge']?.gpus).toBe(1);
    expect(prices.instances['m7i.large']?.autoModeFeeHour).toBe(0.0121);
    expect(prices.fargate).toEqual({ vcpuHour: 0.04048, gbHour: 0.004445, ephemeralGbHour: 0.000111 });
    expect(prices).toMatchObject({ region: 'us-east-1', asOf: '2026-12-07' });
  });

  it('says the API refused the request when the credentials are denied, as an API error (exit 3)', async () => {
    const { url } = await fakePricing({ status: 400, type: 'AccessDeniedException' });
    const error = await fetchLivePrices({ region: 'us-east-1', env: env(url), today: '2026-12-07' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).kind).toBe('api');
    expect((error as UserError).message).toMatch(/refused the request .*pricing:GetProducts/);
  });

  it('says the API cannot be reached when nothing listens there, with the socket error', async () => {
    const { url } = await fakePricing();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    const error = await fetchLivePrices({ region: 'us-east-1', env: env(url), today: '2026-12-07', timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect((error as UserError).kind).toBe('api');
    expect((error as UserError).message).toBe(`Cannot reach the AWS Price List API (${url}): ECONNREFUSED.`);
  });
});
