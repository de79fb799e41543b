// `npm run bench [-- --sizes 2000,5000,20000 --runs 5 --formats json,yaml,compact,compact-line --directions to-auto-mode,to-fargate
//   --phases inputs,plan,render-text,render-json,render-md,wizard --out bench-results/results.json]`
// --phases picks what is measured per estate (default: all): `inputs` is parse-only, load and
// `plan --format json` per format (and, for the compact inputs, `--format text` and `--format md` too);
// `wizard` is the terminal wizard's first frame and keypresses (wizard.ts).
// e.g. `npm run bench -- --sizes 20000 --runs 3 --formats json --phases wizard --out bench-results/wizard/results.json`
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compactDocuments, DIRECTIONS, generateInventory, toJsonList, toYamlStream, type Direction } from '@modeshift/synthetic-estate';
import { recordImports, uiOrPulumi } from './imports.js';
import { assertBuilt, measure, measureInterleaved, REPO_ROOT, SCRIPTS, type InputFormat, type Job } from './measure.js';
import { checkTargets, formatResults, type BenchResults, type CaseResult, type StartupResult } from './summary.js';

const SEED = 0x5eed;
const FORMATS: readonly InputFormat[] = ['json', 'yaml', 'compact', 'compact-line'];
const EXTENSION: Record<InputFormat, string> = { json: 'json', yaml: 'yaml', compact: 'compact.json', 'compact-line': 'compact-line.json' };
const CASE_PHASES = ['plan', 'render-text', 'render-json', 'render-md', 'wizard'] as const;
export const BENCH_PHASES = ['inputs', ...CASE_PHASES] as const;
export type BenchPhase = (typeof BENCH_PHASES)[number];

export interface BenchOptions {
  sizes: number[];
  runs: number;
  formats: InputFormat[];
  directions: Direction[];
  /** What to measure per estate; all of it when absent. */
  phases?: BenchPhase[];
  /** Where the generated inventories go. */
  inputDir: string;
  log?: (line: string) => void;
}

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length || items.length === 0) throw new Error(`${flag}: expected some of ${allowed.join(', ')}, got "${value}"`);
  return items as T[];
}

function sizes(value: string): number[] {
  const out = value.split(',').map((s) => Number(s.trim()));
  if (out.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--sizes: expected whole numbers of at least 10, got "${value}"`);
  return [...new Set(out)].sort((a, b) => a - b);
}

const targetOf = (d: Direction) => (d === 'to-auto-mode' ? 'auto-mode' : 'fargate');

function inputText(format: InputFormat, documents: Record<string, unknown>[], compact: Record<string, unknown>[]): string {
  switch (format) {
    case 'json':
      return toJsonList(documents);
    case 'yaml':
      return toYamlStream(documents);
    case 'compact':
      return toJsonList(compact);
    case 'compact-line':
      return toJsonList(compact, { singleLine: true });
  }
}

/** Generates and writes one estate; only paths and counts are kept, so the parent stays small while children run. */
function writeInputs(direction: Direction, workloads: number, options: BenchOptions): CaseResult {
  const generated = generateInventory({ workloads, direction, seed: SEED });
  mkdirSync(options.inputDir, { recursive: true });
  const files: CaseResult['files'] = {};
  const compact = options.formats.some((f) => f.startsWith('compact')) ? compactDocuments(generated.documents) : [];
  for (const format of options.formats) {
    const text = inputText(format, generated.documents, compact);
    const path = join(options.inputDir, `${direction}-${workloads}.${EXTENSION[format]}`);
    writeFileSync(path, text);
    files[format] = { path, bytes: Buffer.byteLength(text) };
  }
  return {
    direction,
    target: targetOf(direction),
    workloads: generated.workloads,
    namespaces: generated.namespaces,
    documents: generated.documents.length,
    files,
    inputs: {},
    phases: {},
  };
}

/** Generates, writes and measures one estate. */
export async function benchCase(direction: Direction, workloads: number, options: BenchOptions): Promise<CaseResult> {
  const log = options.log ?? (() => undefined);
  log(`  ${direction} ${workloads}: generating`);
  const result = writeInputs(direction, workloads, options);
  const files = result.files;
  const target = result.target;
  const step = async (label: string, job: Job) => {
    log(`  ${direction} ${workloads} ${label}`);
    return measure(job, options.runs);
  };
  const wanted = (phase: BenchPhase) => !options.phases || options.phases.includes(phase);
  for (const format of wanted('inputs') ? options.formats : []) {
    const file = files[format]!.path;
    // The compact inputs are also planned to text and Markdown: those must be no slower than JSON.
    const outputs = format.startsWith('compact') ? (['json', 'text', 'md'] as const) : (['json'] as const);
    log(`  ${direction} ${workloads} ${format}: parse only, load, plan --format ${outputs.join('/')}`);
    // Taking turns: the targets are ratios of these, which drift on a shared machine would skew.
    const [baseline, load, e2e, text, md] = await measureInterleaved(
      [
        { kind: 'baseline', format, file },
        { kind: 'phase', phase: 'load', file, target },
        ...outputs.map((output): Job => ({ kind: 'e2e', file, target, output })),
      ],
      options.runs,
    );
    result.inputs[format] = { baseline: baseline!, load: load!, e2e: e2e!, ...(text && md ? { text, md } : {}) };
  }
  // Plan and renderers see the same inventory whatever it was read from; JSON is the cheaper way there.
  const file = (files.json ?? files.compact ?? files['compact-line'] ?? files.yaml)!.path;
  for (const phase of CASE_PHASES.filter(wanted)) {
    result.phases[phase] = await step(phase, { kind: 'phase', phase, file, target });
  }
  return result;
}

async function measureStartup(runs: number): Promise<StartupResult> {
  const help = await measure({ kind: 'help' }, runs);
  const example = join(REPO_ROOT, 'examples', 'fargate-to-auto-mode', 'inventory');
  const helpImports = recordImports([SCRIPTS.bin, '--help']).urls;
  const planImports = recordImports([SCRIPTS.bin, 'plan', example, '--to', 'auto-mode', '--format', 'json']).urls;
  return { help, modules: { help: helpImports.length, plan: planImports.length }, uiOrPulumi: uiOrPulumi([...helpImports, ...planImports]) };
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  assertBuilt();
  const log = options.log ?? (() => undefined);
  log('modeshift --help');
  const startup = await measureStartup(options.runs);
  const cases: CaseResult[] = [];
  for (const size of options.sizes) {
    for (const direction of options.directions) cases.push(await benchCase(direction, size, options));
  }
  const cpu = cpus()[0]?.model ?? 'unknown';
  return {
    schemaVersion: 1,
    machine: {
      cores: availableParallelism(),
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpu,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
    },
    date: new Date().toISOString(),
    config: {
      sizes: options.sizes,
      runs: options.runs,
      formats: options.formats,
      directions: options.directions,
      phases: options.phases ?? [...BENCH_PHASES],
      seed: SEED,
    },
    startup,
    cases,
    targets: checkTargets(cases, startup),
  };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '2000,5000,20000' },
      runs: { type: 'string', default: '5' },
      formats: { type: 'string', default: FORMATS.join(',') },
      directions: { type: 'string', default: DIRECTIONS.join(',') },
      phases: { type: 'string', default: BENCH_PHASES.join(',') },
      out: { type: 'string', default: 'bench-results/results.json' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number of at least 1, got "${values.runs}"`);
  const out = resolve(values.out);
  const results = await runBench({
    sizes: sizes(values.sizes),
    runs,
    formats: list(values.formats, FORMATS, '--formats'),
    directions: list(values.directions, DIRECTIONS, '--directions'),
    phases: list(values.phases, BENCH_PHASES, '--phases'),
    inputDir: join(dirname(out), 'inputs'),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(formatResults(results));
  process.stdout.write(`\nresults: ${out}\n`);
}

// Run as a script (`node dist/run.js`), not when a test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
