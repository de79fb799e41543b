import { spawn } from 'node:child_process';
import { checkReadOnly } from './read-only.js';

export interface VerifyResult {
  command: string;
  /** null when the command was killed (timeout) or could not start. */
  exitCode: number | null;
  /** stdout and stderr interleaved as they arrived, capped at `maxBytes`. */
  output: string;
  timedOut: boolean;
  truncated: boolean;
  /** Set when the command was refused or could not start; nothing ran. */
  refused?: string;
}

export interface RunOptions {
  timeoutMs?: number;
  maxBytes?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Aborting stops the command (the operator pressed Esc, or quit). */
  signal?: AbortSignal;
}

/**
 * Runs a step's verification command with `bash -c`, only if the allow-list says it is read-only. The caller
 * asks the operator first; this is the second lock. stdin is closed, so an interactive command ends instead
 * of waiting for a keyboard that Ink owns.
 */
export function runVerify(command: string, options: RunOptions = {}): Promise<VerifyResult> {
  const verdict = checkReadOnly(command);
  if (!verdict.ok) return Promise.resolve({ command, exitCode: null, output: '', timedOut: false, truncated: false, refused: verdict.reason });
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let timedOut = false;
    // Its own process group, so a timeout also ends what the pipeline started.
    const child = spawn('bash', ['-c', command], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const take = (chunk: Buffer) => {
      if (size >= maxBytes) {
        truncated = true;
        return;
      }
      const part = chunk.subarray(0, maxBytes - size);
      if (part.length < chunk.length) truncated = true;
      chunks.push(part);
      size += part.length;
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    const onAbort = () => killGroup(child.pid);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ command, exitCode: null, output: '', timedOut: false, truncated: false, refused: `it could not start: ${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ command, exitCode: timedOut ? null : code, output: Buffer.concat(chunks).toString('utf8'), timedOut, truncated });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
