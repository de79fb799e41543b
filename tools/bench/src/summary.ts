// The results file's shape, the targets of issue 7 (and the wizard's, issue "Scale") checked against it,
// and the printed tables.
import type { Direction } from '@modeshift/synthetic-estate';
import type { InputFormat, Measurement } from './measure.js';
import type { Phase } from './report.js';

export interface CaseResult {
  direction: Direction;
  target: 'auto-mode' | 'fargate';
  workloads: number;
  namespaces: number;
  documents: number;
  files: Partial<Record<InputFormat, { path: string; bytes: number }>>;
  /**
   * Per input format: the parse-only baseline, load (parse + normalise), and `modeshift plan --format json`;
   * for the compact inputs also `--format text` and `--format md`.
   */
  inputs: Partial<Record<InputFormat, { baseline: Measurement; load: Measurement; e2e: Measurement; text?: Measurement; md?: Measurement }>>;
  /** Format-independent phases (the inventory is the same after loading), measured from the JSON file. */
  phases: Partial<Record<Exclude<Phase, 'load'>, Measurement>>;
}

export interface TargetCheck {
  name: string;
  direction: Direction | 'any';
  value: number;
  limit: number;
  met: boolean;
  detail: string;
}

export interface StartupResult {
  help: Measurement;
  /** How many modules `modeshift --help` and `modeshift plan` (on the bundled example) load. */
  modules: { help: number; plan: number };
  /** Terminal-UI or Pulumi modules either of them loaded: should be none. */
  uiOrPulumi: string[];
}

export interface BenchResults {
  schemaVersion: 1;
  machine: { cores: number; node: string; platform: string; arch: string; cpu: string; memoryGb: number };
  date: string;
  config: { sizes: number[]; runs: number; formats: InputFormat[]; directions: Direction[]; phases?: string[]; seed: number };
  startup: StartupResult;
  cases: CaseResult[];
  targets: TargetCheck[];
}

const MB = 1024 * 1024;
const fixed = (n: number, digits = 2) => n.toFixed(digits);

/** Cost of a phase per workload, start-up excluded: the time measured inside the process. */
function perWorkload(c: CaseResult, pick: (c: CaseResult) => Measurement | undefined): number | null {
  const m = pick(c);
  return m?.ms == null ? null : m.ms / c.workloads;
}

const SCALED: { name: string; pick: (c: CaseResult) => Measurement | undefined }[] = [
  { name: 'load (JSON)', pick: (c) => c.inputs.json?.load },
  { name: 'load (YAML)', pick: (c) => c.inputs.yaml?.load },
  { name: 'plan', pick: (c) => c.phases.plan },
  { name: 'render text', pick: (c) => c.phases['render-text'] },
  { name: 'render JSON', pick: (c) => c.phases['render-json'] },
  { name: 'render Markdown', pick: (c) => c.phases['render-md'] },
];

export function checkTargets(cases: CaseResult[], startup?: StartupResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (startup) {
    const n = startup.uiOrPulumi.length;
    checks.push({
      name: '--help and plan load no UI or Pulumi modules',
      direction: 'any',
      value: n,
      limit: 0,
      met: n === 0,
      detail: `${startup.modules.help} / ${startup.modules.plan} modules loaded`,
    });
  }
  const directions = [...new Set(cases.map((c) => c.direction))];
  for (const direction of directions) {
    const mine = cases.filter((c) => c.direction === direction).sort((a, b) => a.workloads - b.workloads);
    const small = mine[0];
    const large = mine[mine.length - 1];
    if (!small || !large) continue;
    const n = large.workloads.toLocaleString('en-US');
    for (const [format, limit] of [
      ['json', 2],
      ['yaml', 1.3],
    ] as const) {
      const input = large.inputs[format];
      if (!input) continue;
      const ratio = input.e2e.wallMs / input.baseline.wallMs;
      checks.push({
        name: `${n} workloads, ${format.toUpperCase()}: plan --format json vs parse-only process`,
        direction,
        value: ratio,
        limit,
        met: ratio <= limit,
        detail: `${fixed(input.e2e.wallMs / 1000)} s vs ${fixed(input.baseline.wallMs / 1000)} s`,
      });
    }
    if (large.workloads > small.workloads) {
      for (const { name, pick } of SCALED) {
        const a = perWorkload(small, pick);
        const b = perWorkload(large, pick);
        if (a === null || b === null) continue;
        checks.push({
          name: `cost per workload of ${name}, ${n} vs ${small.workloads.toLocaleString('en-US')}`,
          direction,
          value: b / a,
          limit: 1.2,
          met: b / a <= 1.2,
          detail: `${fixed(b * 1000, 1)} µs vs ${fixed(a * 1000, 1)} µs`,
        });
      }
    }
    checks.push(...compactChecks(large));
    checks.push(...wizardChecks(large));
    const json = large.inputs.json;
    const file = large.files.json;
    if (json && file) {
      const limitMb = (4 * file.bytes) / MB + 150;
      checks.push({
        name: `${n} workloads: peak RSS of plan (JSON input) vs 4 × file + 150 MB`,
        direction,
        value: json.e2e.maxRssMb / limitMb,
        limit: 1,
        met: json.e2e.maxRssMb <= limitMb,
        detail: `${fixed(json.e2e.maxRssMb, 0)} MB, limit ${fixed(limitMb, 0)} MB`,
      });
    }
  }
  return checks;
}

/** How the compact inputs are named in the targets. */
const COMPACT_NAMES = { compact: 'compact List', 'compact-line': 'one-line compact List' } as const;

/**
 * Issue 18's targets on the compact inputs (no status, as many exports are): `plan --format json` within
 * 3× the parse-only process, text and Markdown no slower than JSON, peak RSS within 4× the file + 150 MB,
 * and the plan JSON at most 1.5× the List's size.
 */
function compactChecks(c: CaseResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const n = c.workloads.toLocaleString('en-US');
  const planBytes = c.phases['render-json']?.extra.bytes;
  for (const format of ['compact', 'compact-line'] as const) {
    const input = c.inputs[format];
    const file = c.files[format];
    if (!input || !file) continue;
    const name = `${n} workloads, ${COMPACT_NAMES[format]}`;
    const ratio = input.e2e.wallMs / input.baseline.wallMs;
    checks.push({
      name: `${name}: plan --format json vs parse-only process (goal 2)`,
      direction: c.direction,
      value: ratio,
      limit: 3,
      met: ratio <= 3,
      detail: `${fixed(input.e2e.wallMs / 1000)} s vs ${fixed(input.baseline.wallMs / 1000)} s`,
    });
    for (const [output, m] of [
      ['text', input.text],
      ['Markdown', input.md],
    ] as const) {
      if (!m) continue;
      checks.push({
        name: `${name}: plan --format ${output === 'text' ? 'text' : 'md'} vs --format json`,
        direction: c.direction,
        value: m.wallMs / input.e2e.wallMs,
        limit: 1,
        met: m.wallMs <= input.e2e.wallMs,
        detail: `${fixed(m.wallMs / 1000)} s vs ${fixed(input.e2e.wallMs / 1000)} s`,
      });
    }
    const limitMb = (4 * file.bytes) / MB + 150;
    checks.push({
      name: `${name}: peak RSS of plan vs 4 × file + 150 MB`,
      direction: c.direction,
      value: input.e2e.maxRssMb / limitMb,
      limit: 1,
      met: input.e2e.maxRssMb <= limitMb,
      detail: `${fixed(input.e2e.maxRssMb, 0)} MB, limit ${fixed(limitMb, 0)} MB`,
    });
    if (planBytes !== undefined) {
      checks.push({
        name: `${name}: plan JSON size vs the List's`,
        direction: c.direction,
        value: planBytes / file.bytes,
        limit: 1.5,
        met: planBytes <= 1.5 * file.bytes,
        detail: `${fixed(planBytes / MB, 1)} MB vs ${fixed(file.bytes / MB, 1)} MB`,
      });
    }
  }
  return checks;
}

/** Medians over runs of: a key soon after the first frame, then keys moving through each list. */
const WIZARD_KEYS = ['earlyKeyMs', 'overviewKeyMs', 'findingsKeyMs', 'stepsKeyMs'] as const;

/** The wizard on the largest estate: first frame within 1 s of the plan, and every list's keys within 100 ms. */
function wizardChecks(c: CaseResult): TargetCheck[] {
  const w = c.phases.wizard;
  if (!w) return [];
  const n = c.workloads.toLocaleString('en-US');
  const first = Math.max(w.extra.firstFrameMs ?? Infinity, w.extra.resumeFirstFrameMs ?? Infinity);
  const keys = WIZARD_KEYS.map((k) => w.extra[k] ?? Infinity);
  const key = Math.max(...keys);
  return [
    {
      name: `${n} workloads: wizard's first frame after the plan is ready (new / resumed session), ms`,
      direction: c.direction,
      value: first,
      limit: 1000,
      met: first <= 1000,
      detail: `${fixed(w.extra.firstFrameMs ?? NaN, 0)} / ${fixed(w.extra.resumeFirstFrameMs ?? NaN, 0)} ms`,
    },
    {
      name: `${n} workloads: wizard keypress to redraw (slowest of the medians), ms`,
      direction: c.direction,
      value: key,
      limit: 100,
      met: key <= 100,
      detail: `early / overview / findings / steps ${keys.map((k) => fixed(k, 0)).join(' / ')} ms`,
    },
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const sec = (m: Measurement | undefined, field: 'wallMs' | 'ms' = 'wallMs') => (m && m[field] != null ? fixed(m[field] / 1000) : '-');

export function formatResults(results: BenchResults): string {
  const m = results.machine;
  const s = results.startup;
  const out = [
    `modeshift bench: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${results.config.runs} runs each (medians)`,
    `modeshift --help: ${fixed(s.help.wallMs, 0)} ms, ${fixed(s.help.maxRssMb, 0)} MB, ${s.modules.help} modules (plan: ${s.modules.plan})`,
    '',
  ];
  const inputRows: string[][] = [];
  const phaseRows: string[][] = [];
  for (const c of results.cases) {
    for (const [format, input] of Object.entries(c.inputs)) {
      const file = c.files[format as InputFormat];
      inputRows.push([
        c.direction,
        format,
        c.workloads.toLocaleString('en-US'),
        file ? fixed(file.bytes / MB, 1) : '-',
        sec(input.baseline),
        sec(input.load, 'ms'),
        sec(input.e2e),
        fixed(input.e2e.wallMs / input.baseline.wallMs),
        sec(input.text),
        sec(input.md),
        fixed(input.e2e.maxRssMb, 0),
      ]);
    }
    const p = c.phases;
    if (!p.plan && !p['render-text'] && !p['render-json'] && !p['render-md']) continue;
    phaseRows.push([
      c.direction,
      c.workloads.toLocaleString('en-US'),
      sec(p.plan, 'ms'),
      sec(p['render-text'], 'ms'),
      sec(p['render-json'], 'ms'),
      sec(p['render-md'], 'ms'),
      String(p.plan?.extra.findings ?? '-'),
      String(p.plan?.extra.steps ?? '-'),
    ]);
  }
  // --phases can leave a table empty: it is left out rather than printed as a bare header.
  if (inputRows.length)
    out.push(
      table(['direction', 'input', 'workloads', 'file MB', 'parse s', 'load s', 'plan e2e s', 'e2e/parse', 'text e2e s', 'md e2e s', 'RSS MB'], inputRows),
      '',
    );
  if (phaseRows.length) out.push(table(['direction', 'workloads', 'plan s', 'text s', 'json s', 'md s', 'findings', 'steps'], phaseRows), '');
  const wizardRows = results.cases.flatMap((c) => {
    const w = c.phases.wizard?.extra;
    if (!w) return [];
    const ms = (k: string) => (w[k] === undefined ? '-' : fixed(w[k], 0));
    return [
      [
        c.direction,
        c.workloads.toLocaleString('en-US'),
        ms('firstFrameMs'),
        ms('resumeFirstFrameMs'),
        ms('savedMs'),
        ...WIZARD_KEYS.map(ms),
        ms('keyMaxMs'),
        ms('findingsOpenMs'),
        ms('stepsOpenMs'),
      ],
    ];
  });
  if (wizardRows.length) {
    out.push('wizard, ms after the plan is ready (first frame: new / resumed session; saved: progress file written) and per key:');
    out.push(
      table(
        ['direction', 'workloads', 'first', 'resumed', 'saved', 'early key', 'overview', 'findings', 'steps', 'max key', 'open findings', 'open steps'],
        wizardRows,
      ),
      '',
    );
  }
  out.push(
    table(
      ['target', 'direction', 'value', 'limit', 'met', 'detail'],
      results.targets.map((t) => [t.name, t.direction, fixed(t.value), fixed(t.limit, 1), t.met ? 'yes' : 'NO', t.detail]),
    ),
  );
  return `${out.join('\n')}\n`;
}
