import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { EXAMPLES, captureIo } from '../testing.js';

const EXAMPLE = join(EXAMPLES, 'fargate-to-auto-mode', 'inventory');

/** The text plan with its wrapped lines joined again: a sentence reads whole wherever the width broke it. */
const unwrapped = (text: string) => text.replace(/\n +/g, ' ');

interface CostJson {
  cost: { byNamespace: { namespace: string }[]; runTimes: { workload: string }[]; withoutRunTime: string[] };
}

describe('modeshift plan --job-hours', () => {
  it('names the CronJob it cannot price and says how to give its run time', async () => {
    const io = captureIo();
    expect(await run(['plan', EXAMPLE, '--to', 'auto-mode'], io)).toBe(0);
    expect(unwrapped(io.out())).toContain('not priced for want of a run time: CronJob/batch/nightly-report; give each a run time with --job-hours');
  });

  it('prices the CronJob for the run time given, in the JSON and the text', async () => {
    const json = captureIo();
    expect(await run(['plan', EXAMPLE, '--to', 'auto-mode', '--format', 'json', '--job-hours', 'batch/nightly-report=30x8m'], json)).toBe(0);
    const cost = (JSON.parse(json.out()) as CostJson).cost;
    expect(cost.runTimes.map((r) => r.workload)).toEqual(['CronJob/batch/nightly-report']);
    expect(cost.withoutRunTime).toEqual([]);
    expect(cost.byNamespace.map((n) => n.namespace)).toContain('batch');
    const text = captureIo();
    expect(await run(['plan', EXAMPLE, '--to', 'auto-mode', '--job-hours', 'batch/nightly-report=30x8m'], text)).toBe(0);
    expect(unwrapped(text.out())).toContain('CronJob/batch/nightly-report priced for 4 pod-hours a month (30 runs), from --job-hours');
    const md = captureIo();
    expect(await run(['plan', EXAMPLE, '--to', 'auto-mode', '--format', 'md', '--job-hours', 'batch/nightly-report=30x8m'], md)).toBe(0);
    expect(md.out()).toContain('| `CronJob/batch/nightly-report` | 4 pod-hours a month (30 runs), from --job-hours |');
    expect(md.out()).not.toContain('Not priced for want of a run time');
  });

  it.each([
    ['a name that is no Job or CronJob', 'batch/nightly=4', '--job-hours: batch/nightly is no Job or CronJob of the inventory'],
    ['a run time it cannot read', 'batch/nightly-report=daily', '--job-hours: batch/nightly-report: "daily" is not a run time'],
    ['an entry without a name', '=4', '--job-hours: "=4" is not <namespace>/<name>=<run time>'],
  ])('rejects %s: exit 2, one message, nothing on stdout', async (_what, value, message) => {
    const io = captureIo();
    expect(await run(['plan', EXAMPLE, '--to', 'auto-mode', '--job-hours', value], io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.out()).toBe('');
  });

  it('is documented in the help', async () => {
    const io = captureIo();
    expect(await run(['plan', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/--job-hours <ns\/name=time,...>\s+how long Jobs and CronJobs run a month/);
  });
});
