import { forTerminal, UserError, type Inventory, type LoadProblem } from '@modeshift/core/base';
import { loadInventory, requireWorkloads } from '@modeshift/inventory';
import type { Io } from './io.js';

const where = (p: LoadProblem) => `${p.file}${p.line ? `:${p.line}` : ''}`;

/**
 * Loads an inventory for a command. Broken files are errors (exit 2) because a plan that silently
 * misses part of a cluster is worse than no plan; files that are not inventory are reported and skipped.
 * A failing run prints one message: the first error (in reading order) and how many more there are,
 * and no warnings about skipped files, which would only bury it.
 */
export async function loadForCommand(paths: string[], io: Io): Promise<{ inventory: Inventory; skipped: number }> {
  if (paths.length === 0) throw new UserError('usage', 'no inventory given: pass one or more files or directories');
  const result = requireWorkloads(await loadInventory(paths), paths);
  const errors = result.problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (first) {
    const more = errors.length - 1;
    throw new UserError('input', `${where(first)}: ${first.message}${more > 0 ? ` (and ${more} more error${more === 1 ? '' : 's'} in the input)` : ''}`);
  }
  // Skipped input is left out of the plan; a warning's input is in it, read as kubectl reads it.
  for (const p of result.problems)
    io.stderr.write(`modeshift: ${p.severity === 'warning' ? 'warning:' : 'skipped'} ${forTerminal(`${where(p)}: ${p.message}`)}\n`);
  return { inventory: result.inventory, skipped: result.problems.filter((p) => p.severity === 'skipped').length };
}
