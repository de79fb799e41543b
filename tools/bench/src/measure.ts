// Runs each measurement in a fresh `node` process and reads back what the process reports about
// itself (see report.ts). Wall time is taken here, from spawn to exit, so it includes start-up.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { devNull } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPORT_MARKER, type ChildReport, type Phase } from './report.js';

/**
 * The inputs the bench writes: `json` and `yaml` are the verbose estate (objects with status), `compact`
 * the same List without status and managedFields as many exports hold it (indented, as kubectl prints
 * it), `compact-line` that List on one line.
 */
export type InputFormat = 'json' | 'yaml' | 'compact' | 'compact-line';

/** How a file of this format is parsed by the plain-parse baseline. */
export const parsedAs = (format: InputFormat): 'json' | 'yaml' => (format === 'yaml' ? 'yaml' : 'json');
export type Target = 'auto-mode' | 'fargate';

/** tools/bench: src and dist are both one level below it, so tests and the built bench agree. */
const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));
export const BENCH_DIST = join(BENCH_DIR, 'dist');
export const REPO_ROOT = join(BENCH_DIR, '..', '..');
/** The modeshift package, found the way Node finds it (its main entry is dist/cli.js), so its bin is the one users run. */
export const CLI_DIR = modeshiftDir();

function modeshiftDir(): string {
  try {
    return dirname(dirname(createRequire(import.meta.url).resolve('modeshift')));
  } catch {
    throw new Error('modeshift is not built: run `npm run build` first');
  }
}
export const SCRIPTS = {
  bin: join(CLI_DIR, 'bin', 'modeshift.js'),
  child: join(BENCH_DIST, 'child.js'),
  baseline: join(BENCH_DIST, 'baseline.js'),
  reportOnExit: join(BENCH_DIST, 'report-on-exit.js'),
};

/** Measurements run the built code: what users run, not what vitest transpiles. */
export function assertBuilt(): void {
  const missing = Object.values(SCRIPTS).filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')}; run \`npm run build\` first`);
}

export type Job =
  | { kind: 'baseline'; format: InputFormat; file: string }
  | { kind: 'phase'; phase: Phase; file: string; target: Target }
  | { kind: 'e2e'; file: string; target: Target; output: 'json' | 'text' | 'md' }
  | { kind: 'help' };

export interface Sample {
  wallMs: number;
  /** The section timed inside the process (null for e2e and help: the whole process is the measurement). */
  ms: number | null;
  maxRssMb: number;
  /** CPU time of the whole process, all threads: steadier than wall time on a busy machine. */
  cpuMs: number;
  extra: Record<string, number>;
}

export interface Measurement extends Sample {
  samples: Sample[];
}

function argsOf(job: Job): string[] {
  const hook = ['--import', pathToFileURL(SCRIPTS.reportOnExit).href];
  switch (job.kind) {
    case 'baseline':
      return [SCRIPTS.baseline, parsedAs(job.format), job.file];
    case 'phase':
      return ['--expose-gc', SCRIPTS.child, job.phase, job.file, job.target];
    case 'e2e':
      return [...hook, SCRIPTS.bin, 'plan', job.file, '--to', job.target, '--format', job.output];
    case 'help':
      return [...hook, SCRIPTS.bin, '--help'];
  }
}

function parseReport(stderr: string): ChildReport | null {
  const at = stderr.lastIndexOf(REPORT_MARKER);
  if (at < 0) return null;
  const line = stderr.slice(at + REPORT_MARKER.length).split('\n', 1)[0] ?? '';
  return JSON.parse(line) as ChildReport;
}

/** One fresh process. stdout goes to the null device, as `> /dev/null` would: the bench measures producing output, not a pipe. */
export function runOnce(job: Job): Promise<Sample> {
  const out = openSync(devNull, 'w');
  const started = performance.now();
  return new Promise<Sample>((resolve, reject) => {
    // CI=false: Ink draws no interactive frames under CI (toolchain G6), and the wizard phase times those frames.
    const child = spawn(process.execPath, argsOf(job), { stdio: ['ignore', out, 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: 'false' } });
    let stderr = '';
    let wallMs = 0;
    // Present: stdio[2] is 'pipe'.
    const errStream = child.stderr!;
    errStream.setEncoding('utf8');
    errStream.on('data', (chunk: string) => {
      // Keep the tail: the report is the last thing written, and a noisy program must not grow this without bound.
      stderr = (stderr + chunk).slice(-1_000_000);
    });
    child.on('exit', () => (wallMs = performance.now() - started));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(out);
      const report = parseReport(stderr);
      if (code !== 0 || !report) {
        reject(new Error(`${argsOf(job).join(' ')} exited ${code}${report ? '' : ' without a report'}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ wallMs, ms: report.ms ?? null, maxRssMb: report.maxRssMb, cpuMs: report.cpuMs, extra: report.extra ?? {} });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `runs` fresh processes, one after another; every field is the median over them. */
export async function measure(job: Job, runs: number): Promise<Measurement> {
  return (await measureInterleaved([job], runs))[0]!;
}

/**
 * Each job `runs` times, taking turns (a b c, a b c, …), so that jobs compared with each other meet
 * the same spells of a busy machine rather than one job getting a quiet minute and the next a noisy one.
 */
export async function measureInterleaved(jobs: Job[], runs: number): Promise<Measurement[]> {
  const samples: Sample[][] = jobs.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, job] of jobs.entries()) samples[j]!.push(await runOnce(job));
  }
  return samples.map(summarise);
}

function summarise(samples: Sample[]): Measurement {
  const extra: Record<string, number> = {};
  for (const key of Object.keys(samples[0]?.extra ?? {})) extra[key] = median(samples.map((s) => s.extra[key] ?? 0));
  const ms = samples.every((s) => s.ms !== null) ? median(samples.map((s) => s.ms!)) : null;
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    ms,
    maxRssMb: median(samples.map((s) => s.maxRssMb)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    extra,
    samples,
  };
}
