import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PRICES } from '@modeshift/core/base';
import { run } from '../cli.js';
import { EXAMPLES, captureIo, tempTree } from '../testing.js';

const EXAMPLE = join(EXAMPLES, 'auto-mode-to-fargate', 'inventory');

describe('modeshift plan --prices', () => {
  it('costs the plan with a team’s own price file, and says whose prices they are', async () => {
    // Half the bundled Fargate rates: the Fargate side must come out cheaper than with the bundled file.
    const own = {
      ...BUNDLED_PRICES,
      asOf: '2026-12-01',
      sources: ['our negotiated rates'],
      fargate: { ...BUNDLED_PRICES.fargate, vcpuHour: BUNDLED_PRICES.fargate.vcpuHour / 2, gbHour: BUNDLED_PRICES.fargate.gbHour / 2 },
    };
    const dir = tempTree({ 'prices.json': JSON.stringify(own) });
    const bundled = captureIo();
    const mine = captureIo();
    expect(await run(['plan', EXAMPLE, '--to', 'fargate', '--format', 'json'], bundled)).toBe(0);
    expect(await run(['plan', EXAMPLE, '--to', 'fargate', '--format', 'json', '--prices', join(dir, 'prices.json')], mine)).toBe(0);
    const a = JSON.parse(bundled.out()) as { cost: { target: { monthly: number }; prices: { sources: string[] } } };
    const b = JSON.parse(mine.out()) as { cost: { target: { monthly: number }; prices: { sources: string[]; asOf: string } } };
    expect(b.cost.prices).toMatchObject({ asOf: '2026-12-01', sources: ['our negotiated rates'] });
    expect(b.cost.target.monthly).toBeLessThan(a.cost.target.monthly);
  });

  it.each([
    [
      'a field of the wrong kind',
      JSON.stringify({ ...BUNDLED_PRICES, fargate: { ...BUNDLED_PRICES.fargate, gbHour: 'cheap' } }),
      /prices\.json: price file field fargate\.gbHour must be a number/,
    ],
    ['text that is not JSON', '{\n  "region": "us-east-1",\n  oops\n}', /prices\.json:3: the price file is not valid JSON/],
  ])('rejects a price file with %s: exit 2 and one message naming the file', async (_what, text, message) => {
    const dir = tempTree({ 'prices.json': text });
    const io = captureIo();
    expect(await run(['plan', EXAMPLE, '--to', 'fargate', '--prices', join(dir, 'prices.json')], io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.out()).toBe('');
  });

  it('never prices a Region with another Region’s numbers', async () => {
    const other = { ...BUNDLED_PRICES, region: 'eu-west-1' };
    const io = captureIo();
    await run(['plan', EXAMPLE, '--to', 'fargate', '--format', 'json', '--prices', join(tempTree({ 'p.json': JSON.stringify(other) }), 'p.json')], io);
    const plan = JSON.parse(io.out()) as { cost: unknown; costUnavailable: string };
    expect(plan.cost).toBeNull();
    expect(plan.costUnavailable).toMatch(/cluster is in us-east-1.*prices at hand are for eu-west-1 only/);
  });

  it('fails with exit 3 and one message when the Price List API cannot be reached', async () => {
    const io = captureIo({ AWS_ENDPOINT_URL_PRICING: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(await run(['plan', EXAMPLE, '--to', 'fargate', '--prices', 'live'], io)).toBe(3);
    expect(io.err()).toMatch(/Cannot reach the AWS Price List API .*: ECONNREFUSED/);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
