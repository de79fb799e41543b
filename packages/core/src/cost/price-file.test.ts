import { describe, expect, it } from 'vitest';
import { BUNDLED_PRICES } from './bundled-prices.js';
import { readPriceFile } from './price-file.js';

const valid = () =>
  JSON.parse(JSON.stringify({ ...BUNDLED_PRICES, instances: { 'm7i.large': BUNDLED_PRICES.instances['m7i.large'] } })) as Record<string, unknown>;

describe('reading a price file', () => {
  it('accepts the bundled snapshot as it is', () => {
    expect(readPriceFile(BUNDLED_PRICES).ok).toBe(true);
  });

  it.each([
    ['region', (f: Record<string, unknown>) => (f['region'] = 'europe'), 'region'],
    ['currency', (f: Record<string, unknown>) => (f['currency'] = 'EUR'), 'currency'],
    ['asOf', (f: Record<string, unknown>) => (f['asOf'] = 'last week'), 'asOf'],
    ['sources', (f: Record<string, unknown>) => (f['sources'] = []), 'sources'],
    ['a negative Fargate rate', (f: Record<string, unknown>) => ((f['fargate'] as Record<string, unknown>)['gbHour'] = -1), 'fargate.gbHour'],
    ['a missing fee', (f: Record<string, unknown>) => delete f['autoModeFee'], 'autoModeFee'],
    [
      'a price that is text',
      (f: Record<string, unknown>) => ((f['instances'] as Record<string, Record<string, unknown>>)['m7i.large']!['onDemandHour'] = '0.1'),
      'instances["m7i.large"].onDemandHour',
    ],
    [
      'an unknown arch',
      (f: Record<string, unknown>) => ((f['instances'] as Record<string, Record<string, unknown>>)['m7i.large']!['arch'] = 'x86'),
      'instances["m7i.large"].arch',
    ],
    [
      'a GPU maker that is not text',
      (f: Record<string, unknown>) => ((f['instances'] as Record<string, Record<string, unknown>>)['m7i.large']!['gpuManufacturer'] = 1),
      'instances["m7i.large"].gpuManufacturer',
    ],
    ['an instance type that is not one', (f: Record<string, unknown>) => ((f['instances'] as Record<string, unknown>)['big box'] = {}), 'instances["big box"]'],
  ])('names the field when %s is wrong', (_what, spoil, field) => {
    const file = valid();
    spoil(file);
    const result = readPriceFile(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toContain(field);
  });

  it('reads a GPU maker as EC2 spells it (NVIDIA) the way the snapshot does (nvidia)', () => {
    const file = valid();
    (file['instances'] as Record<string, Record<string, unknown>>)['m7i.large']!['gpuManufacturer'] = 'NVIDIA';
    const result = readPriceFile(file);
    expect(result.ok && result.prices.instances['m7i.large']?.gpuManufacturer).toBe('nvidia');
  });

  it('rejects something that is not an object', () => {
    expect(readPriceFile([1, 2])).toEqual({ ok: false, problems: [{ field: '(file)', message: 'must be a JSON object' }] });
  });
});
