import { readFileSync } from 'node:fs';
import {
  buildContext,
  buildUnsimulatedPlan,
  readPlanValue,
  renderSimulationJson,
  renderSimulationMarkdown,
  renderSimulationText,
  simulate,
  UserError,
  type Plan,
  type RuleContext,
  type Simulation,
} from '@modeshift/core/base';
import { writeFileAtomic, type Io } from '../io.js';
import { parseJsonFile } from '../json-file.js';
import { loadForCommand } from '../load.js';
import { parseClusterVersion, parseInventoryDateOption, parseMode } from '../options.js';

export interface SimulateOptions {
  to?: string;
  plan?: string;
  format?: string;
  out?: string;
  clusterVersion?: string;
  inventoryDate?: string;
}

const FORMATS = ['text', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

function readPlan(file: string, ctx: RuleContext): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError('input', `${file}: cannot read the plan: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return readPlanValue(parseJsonFile(text, file, 'the plan'), file, ctx);
}

/** An edited plan may hold effects the simulator cannot apply (a field missing): bad input, not a crash. */
function replay(ctx: RuleContext, plan: Plan, file: string | undefined): Simulation {
  try {
    return simulate(ctx, plan);
  } catch (e) {
    if (e instanceof UserError || file === undefined) throw e;
    throw new UserError('input', `${file}: the plan could not be replayed (a step's effect is malformed): ${e instanceof Error ? e.message : String(e)}`);
  }
}

function render(format: Format, plan: Plan, sim: Simulation): string {
  switch (format) {
    case 'text':
      return renderSimulationText(plan, sim);
    case 'json':
      return renderSimulationJson(plan, sim);
    case 'md':
      return renderSimulationMarkdown(plan, sim);
  }
}

/** `modeshift simulate <path>… --to <mode> [--plan plan.json]`: 0 every invariant holds, 1 one breaks, 2 bad input. */
export async function simulateCommand(paths: string[], options: SimulateOptions, io: Io): Promise<number> {
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UserError('usage', `--format must be one of ${FORMATS.join(', ')}, not "${options.format}"`);
  const target = parseMode(options.to);
  const clusterVersion = parseClusterVersion(options.clusterVersion);
  const inventoryDate = parseInventoryDateOption(options.inventoryDate);
  const { inventory, skipped } = await loadForCommand(paths, io);
  if (inventoryDate !== null) inventory.collectedAt = inventoryDate;
  const ctx = buildContext(inventory, { target, clusterVersion });
  const plan = options.plan ? readPlan(options.plan, ctx) : buildUnsimulatedPlan(ctx, undefined, { skippedInputs: skipped });
  const sim = replay(ctx, plan, options.plan);
  const text = render(format, plan, sim);
  if (options.out) {
    writeFileAtomic(options.out, text);
    io.stderr.write(`modeshift: wrote ${options.out}\n`);
  } else {
    io.stdout.write(text);
  }
  return sim.verdict === 'holds' ? 0 : 1;
}
