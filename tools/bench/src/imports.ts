// Which modules a command loads, recorded by record-imports.js: commands that need neither the
// terminal UI (Ink, React) nor the Pulumi generator must not load them, or start-up grows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIST, CLI_DIR } from './measure.js';

export const RECORDER = join(BENCH_DIST, 'record-imports.js');

/** Modules that only the wizard and `stack` need. */
const UI_OR_PULUMI = [
  /\/node_modules\/(ink|react|react-reconciler|@inkjs|@pulumi)\//,
  /\/packages\/pulumi\//,
  /\/dist\/wizard\//,
  /\/dist\/commands\/(wizard|stack)\.js$/,
];

export const uiOrPulumi = (urls: readonly string[]) => urls.filter((url) => UI_OR_PULUMI.some((re) => re.test(url)));

/** Runs `node --import record-imports.js <args>` once and returns every module URL it resolved. */
export function recordImports(args: string[]): { urls: string[]; status: number | null; stderr: string } {
  if (!existsSync(RECORDER)) throw new Error(`not built: ${RECORDER}; run the build first`);
  const dir = mkdtempSync(join(tmpdir(), 'modeshift-imports-'));
  const log = join(dir, 'imports.txt');
  try {
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(RECORDER).href, ...args], {
      cwd: CLI_DIR,
      env: { ...process.env, MODESHIFT_IMPORT_LOG: log, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    return { urls: [...new Set(urls)], status: run.status, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
