// One measured phase in a fresh process: `node --expose-gc child.js <phase> <file> <target>`.
// Earlier phases run untimed to get the input of the measured one; a full GC before the timed
// section keeps their garbage from being billed to it. The wizard phase builds its plan itself, as the
// wizard does, and times from when the plan is ready (wizard.ts).
import {
  buildContext,
  buildUnsimulatedPlan,
  renderJsonTo,
  renderMarkdown,
  renderTextTo,
  runRules,
  withSimulation,
  type Mode,
  type Plan,
} from '@modeshift/core';
import { loadInventory } from '@modeshift/inventory';
import { PHASES, writeReport } from './report.js';

const gc = (globalThis as { gc?: (options?: { type: 'major' | 'minor' }) => void }).gc;

/**
 * A full collection, then a minor one. The first scavenge after a full collection of a large heap
 * takes 50–150 ms here (the young generation is set up afresh); without the second call that cost
 * landed in the timed section, but only on estates large enough to need a scavenge at all, which made
 * fast phases look as if they grew faster than linearly.
 */
function collect(): void {
  gc?.();
  gc?.({ type: 'minor' });
}

async function load(file: string) {
  const result = await loadInventory([file]);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`${file}: ${errors.length} load errors, first: ${errors[0]!.message}`);
  return result;
}

async function main(phase: string, file: string, target: Mode): Promise<void> {
  if (!(PHASES as readonly string[]).includes(phase)) throw new Error(`unknown phase ${phase}`);
  collect();
  let start = performance.now();
  const loaded = await load(file);
  const inventory = loaded.inventory;
  if (phase === 'load') {
    return writeReport({ ms: performance.now() - start, extra: { workloads: inventory.workloads.length } });
  }
  if (phase === 'wizard') {
    // Imported here: the other phases must not pay for React and Ink. The build of React the wizard
    // command loads (modeshift/react-build) is chosen first.
    const { preferProductionReact } = await import('modeshift/react-build');
    preferProductionReact();
    const { measureWizard } = await import('./wizard.js');
    return writeReport(await measureWizard(loaded, file, target, collect));
  }

  collect();
  start = performance.now();
  const ctx = buildContext(inventory, { target });
  const afterContext = performance.now();
  const findings = runRules(ctx);
  const afterRules = performance.now();
  // What buildPlan does, in its two parts: the staged plan, then its replay on the cluster model.
  const staged = buildUnsimulatedPlan(ctx, findings);
  const afterPlanner = performance.now();
  const plan: Plan = withSimulation(ctx, staged);
  const end = performance.now();
  if (phase === 'plan') {
    const extra = {
      context: afterContext - start,
      rules: afterRules - afterContext,
      planner: afterPlanner - afterRules,
      simulation: end - afterPlanner,
      findings: plan.findings.length,
      steps: plan.stages.reduce((n, s) => n + s.steps.length, 0),
    };
    return writeReport({ ms: end - start, extra });
  }

  // Renderers are timed as `modeshift plan` runs them to stdout: JSON and text handed out in pieces
  // (here to a sink that only counts them), Markdown as one string.
  let bytes = 0;
  const sink = (chunk: string) => void (bytes += Buffer.byteLength(chunk));
  collect();
  start = performance.now();
  if (phase === 'render-text') renderTextTo(plan, { color: false }, sink);
  else if (phase === 'render-json') renderJsonTo(plan, sink);
  else sink(renderMarkdown(plan));
  writeReport({ ms: performance.now() - start, extra: { bytes } });
}

const [phase, file, target] = process.argv.slice(2);
if (!phase || !file || (target !== 'auto-mode' && target !== 'fargate')) {
  throw new Error('usage: child.js <phase> <file> auto-mode|fargate');
}
await main(phase, file, target);
