import { UserError, type Inventory } from '@modeshift/core/base';
import { loadInventory } from '@modeshift/inventory';
import type { Io } from './io.js';

/**
 * Loads an inventory for a command. Broken files are errors (exit 2) because a plan that silently
 * misses part of a cluster is worse than no plan; files that are not inventory are reported and skipped.
 */
export async function loadForCommand(paths: string[], io: Io): Promise<Inventory> {
  if (paths.length === 0) throw new UserError('usage', 'no inventory given: pass one or more files or directories');
  const result = await loadInventory(paths);
  const errors = result.problems.filter((p) => p.severity === 'error');
  for (const p of result.problems.filter((x) => x.severity === 'skipped')) {
    io.stderr.write(`modeshift: skipped ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  }
  if (errors.length > 0) {
    const lines = errors.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    throw new UserError('input', lines.join('\n'));
  }
  return result.inventory;
}
