import { readFileSync } from 'node:fs';
import { parseJsonFile } from './json-file.js';
import { UserError, parseRunTimesOption, readPriceFile, unknownRunTimeTargets, type Inventory, type PriceFile, type RunTimes } from '@modeshift/core/base';

/** `--prices <file>`: a price file, checked; every problem names the field. */
export function readPricesOption(file: string): PriceFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError('input', `${file}: cannot read the price file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const result = readPriceFile(parseJsonFile(text, file, 'the price file'));
  if (!result.ok) {
    const [first] = result.problems;
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
    throw new UserError('input', `${file}: price file field ${first!.field} ${first!.message}${more}`);
  }
  return result.prices;
}

/**
 * The prices a plan is costed with: undefined for the bundled snapshot, a file's, or the AWS Price
 * List API's for the cluster's Region (`live`, loaded only then: it brings the AWS SDK).
 */
export async function resolvePrices(option: string | undefined, inventory: Inventory, env: NodeJS.ProcessEnv): Promise<PriceFile | undefined> {
  if (option === undefined) return undefined;
  if (option === '') throw new UserError('usage', '--prices needs a file, or live');
  if (option !== 'live') return readPricesOption(option);
  const region = inventory.cluster?.region;
  if (!region) throw new UserError('usage', '--prices live needs the cluster’s Region, and the inventory has no `aws eks describe-cluster` output');
  const { fetchLivePrices } = await import('@modeshift/collect/pricing');
  return fetchLivePrices({ region, env, today: new Date().toISOString().slice(0, 10), ...(env['AWS_PROFILE'] ? { profile: env['AWS_PROFILE'] } : {}) });
}

/**
 * `--job-hours`: how long Jobs and CronJobs run a month, by namespace/name. A name that is no Job or
 * CronJob of the inventory is bad usage: a typo would otherwise leave a Job unpriced without a word.
 */
export function readJobHours(values: readonly string[], inventory: Inventory): RunTimes {
  const parsed = parseRunTimesOption(values);
  if (!parsed.ok) throw new UserError('usage', `--job-hours: ${parsed.error}`);
  const unknown = unknownRunTimeTargets(inventory, parsed.runTimes);
  if (unknown.length > 0)
    throw new UserError('usage', `--job-hours: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} no Job or CronJob of the inventory`);
  return parsed.runTimes;
}
