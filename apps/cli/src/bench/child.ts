// One measured phase in a fresh process: `node --expose-gc child.js <phase> <file> <target>`.
// Earlier phases run untimed to get the input of the measured one; a full GC before the timed
// section keeps their garbage from being billed to it.
import { buildContext, buildPlan, renderJson, renderMarkdown, renderText, runRules, type Mode, type Plan } from '@modeshift/core';
import { loadInventory } from '@modeshift/inventory';
import { PHASES, writeReport } from './report.js';

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function load(file: string) {
  const result = await loadInventory([file]);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`${file}: ${errors.length} load errors, first: ${errors[0]!.message}`);
  return result.inventory;
}

async function main(phase: string, file: string, target: Mode): Promise<void> {
  if (!(PHASES as readonly string[]).includes(phase)) throw new Error(`unknown phase ${phase}`);
  collect();
  let start = performance.now();
  const inventory = await load(file);
  if (phase === 'load') {
    return writeReport({ ms: performance.now() - start, extra: { workloads: inventory.workloads.length } });
  }

  collect();
  start = performance.now();
  const ctx = buildContext(inventory, { target });
  const afterContext = performance.now();
  const findings = runRules(ctx);
  const afterRules = performance.now();
  const plan: Plan = buildPlan(ctx, findings);
  const end = performance.now();
  if (phase === 'plan') {
    const extra = { context: afterContext - start, rules: afterRules - afterContext, planner: end - afterRules, findings: findings.length, steps: plan.stages.reduce((n, s) => n + s.steps.length, 0) };
    return writeReport({ ms: end - start, extra });
  }

  collect();
  start = performance.now();
  const text = phase === 'render-text' ? renderText(plan, { color: false }) : phase === 'render-json' ? renderJson(plan) : renderMarkdown(plan);
  writeReport({ ms: performance.now() - start, extra: { bytes: Buffer.byteLength(text) } });
}

const [phase, file, target] = process.argv.slice(2);
if (!phase || !file || (target !== 'auto-mode' && target !== 'fargate')) {
  throw new Error('usage: child.js <phase> <file> auto-mode|fargate');
}
await main(phase, file, target);
