import {
  type RuleContext,
  buildContext,
  buildPlan,
  forTerminalLines,
  renderJsonTo,
  renderTextTo,
  UserError,
  type Plan,
  type TextOptions,
} from '@modeshift/core/base';
import { checkReplaceable, outOption, outputWriter, writeFileAtomic, textWidth, useColor, type Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { readJobHours, resolvePrices } from '../prices.js';
import { parseClusterVersion, parseInventoryDateOption, parseMode, parseSeverity, failsOn } from '../options.js';

export interface PlanOptions {
  to?: string;
  format?: string;
  out?: string;
  clusterVersion?: string;
  failOn?: string;
  inventoryDate?: string;
  /** A price file, or `live`; default: the bundled snapshot. */
  prices?: string;
  /** Text: every finding and every step in full. */
  verbose?: boolean;
  /** `--job-hours`, each value `<namespace>/<name>=<run time>,…`. */
  jobHours?: string[];
}

const FORMATS = ['text', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

export async function planFromPaths(paths: string[], options: PlanOptions, io: Io): Promise<Plan> {
  return (await planWithContext(paths, options, io)).plan;
}

/** The plan and the rule context it was built from (the export reads both). */
export async function planWithContext(paths: string[], options: PlanOptions, io: Io): Promise<{ plan: Plan; ctx: RuleContext }> {
  const target = parseMode(options.to);
  const clusterVersion = parseClusterVersion(options.clusterVersion);
  const inventoryDate = parseInventoryDateOption(options.inventoryDate);
  const { inventory, skipped } = await loadForCommand(paths, io);
  // Hand-made inventories (kubectl get … -o yaml) carry no date of their own; the operator knows it.
  if (inventoryDate !== null) inventory.collectedAt = inventoryDate;
  const runTimes = readJobHours(options.jobHours ?? [], inventory);
  const prices = await resolvePrices(options.prices, inventory, io.env);
  const ctx = buildContext(inventory, { target, clusterVersion });
  return { plan: buildPlan(ctx, undefined, { ...(prices === undefined ? {} : { prices }), runTimes, skippedInputs: skipped }), ctx };
}

/** Colour and the terminal's width only when the text goes to the terminal; a file gets the default width. */
function textOptions(io: Io, options: PlanOptions, toStdout: boolean): TextOptions {
  const width = toStdout ? textWidth(io) : undefined;
  return { color: toStdout && useColor(io), verbose: options.verbose === true, ...(width !== undefined ? { width } : {}) };
}

/** `modeshift plan <path>… --to <mode>`: returns the exit code. */
export async function planCommand(paths: string[], options: PlanOptions, io: Io): Promise<number> {
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UserError('usage', `--format must be one of ${FORMATS.join(', ')}, not "${options.format}"`);
  const failOn = parseSeverity(options.failOn);
  const outPath = outOption(options.out, 'file');
  if (outPath !== undefined) checkReplaceable(outPath);
  const plan = await planFromPaths(paths, options, io);
  if (format !== 'md') {
    // A plan of tens of thousands of workloads is tens of megabytes of text: written as it is
    // produced, to the file or to stdout, it is never one string plus one buffer in memory at once.
    const text = textOptions(io, options, outPath === undefined);
    const produce = (write: (chunk: string) => void) => (format === 'json' ? renderJsonTo(plan, write) : renderTextTo(plan, text, write));
    if (outPath !== undefined) {
      writeFileAtomic(outPath, produce);
      io.stderr.write(`modeshift: wrote ${outPath}\n`);
    } else {
      const out = outputWriter(io);
      produce((chunk) => out.write(chunk));
      out.end();
    }
    return failsOn(plan, failOn) ? 1 : 0;
  }
  // Loaded for Markdown alone: the renderer brings the YAML library with it.
  const { renderMarkdown } = await import('@modeshift/core');
  const text = renderMarkdown(plan);
  if (outPath !== undefined) {
    writeFileAtomic(outPath, text);
    io.stderr.write(`modeshift: wrote ${outPath}\n`);
  } else {
    // Markdown holds values from the inventory as they are; a terminal gets them with escapes shown.
    io.stdout.write(io.stdout.isTTY ? forTerminalLines(text) : text);
  }
  return failsOn(plan, failOn) ? 1 : 0;
}
