import { spawnSync } from 'node:child_process';

// Runs a script under bash the way tests need it: with nothing of the machine's own shell set-up.
//
// Node hands a child 'pipe' stdin as a socket, and Debian's bash, given a socket on stdin, takes
// itself for a command run over ssh and reads ~/.bashrc. A machine whose rc file is slow, or waits
// on a lock (pyenv's rehash waits 60 s for a lock another shell left behind), then stalls every
// call, and a file that runs a hundred commands stalls for over an hour. So: --norc --noprofile,
// stdin from /dev/null unless the test gives input, no BASH_ENV or ENV, and a timeout, after which
// the test fails saying so instead of the whole run hanging.

/** What the shell did: its exit status and what it printed. */
export interface BashRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface BashOptions {
  cwd?: string;
  /** The environment, as given; BASH_ENV and ENV are always left out. Default: PATH only, in the C locale. */
  env?: Record<string, string | undefined>;
  /** Text for the script's stdin; without it, stdin is /dev/null. */
  input?: string;
  /** Milliseconds before the shell is stopped and the call throws (default 20 s). */
  timeoutMs?: number;
}

/** The arguments that keep bash from reading any start-up file. */
const BASH_ISOLATED = ['--norc', '--noprofile'] as const;

/** bash -c script, isolated as above. */
export function runBash(script: string, options: BashOptions = {}): BashRun {
  return runBashArgs([...BASH_ISOLATED, '-c', script], options);
}

/** bash with these arguments (after the start-up options), for a script file that reads its own path. */
export function runBashFile(file: string, args: string[], options: BashOptions = {}): BashRun {
  return runBashArgs([...BASH_ISOLATED, file, ...args], options);
}

function runBashArgs(args: string[], options: BashOptions): BashRun {
  const { BASH_ENV: _bashEnv, ENV: _env, ...env } = options.env ?? { PATH: process.env.PATH, LC_ALL: 'C' };
  const timeout = options.timeoutMs ?? 20_000;
  const run = spawnSync('bash', args, {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    input: options.input,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    timeout,
    // SIGTERM, not SIGKILL: a script's EXIT trap (the tmux e2e script's clean-up) still runs.
    killSignal: 'SIGTERM',
    maxBuffer: 64 * 2 ** 20,
  });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT') throw new Error(`bash did not finish within ${timeout} ms: ${run.stderr ?? ''}`);
    throw new Error(`bash could not be run (${run.error.message})`);
  }
  if (run.status === null) throw new Error(`bash was killed by ${run.signal ?? 'a signal'}: ${run.stderr}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
