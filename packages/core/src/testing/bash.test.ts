// Tests that run plan commands under bash must not depend on the machine's shell set-up: a CI
// machine whose ~/.bashrc waited on a lock stalled such a test for over an hour.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBash } from './bash.js';

function aHomeThatLeavesMarks(): { env: Record<string, string>; marks: string[] } {
  const home = mkdtempSync(join(tmpdir(), 'modeshift-bash-home-'));
  const marks = ['bashrc', 'profile', 'bash-env', 'env'].map((m) => join(home, `read-${m}`));
  writeFileSync(join(home, '.bashrc'), `touch ${marks[0]}\n`);
  writeFileSync(join(home, '.bash_profile'), `touch ${marks[1]}\n`);
  writeFileSync(join(home, 'bash-env.sh'), `touch ${marks[2]}\n`);
  writeFileSync(join(home, 'env.sh'), `touch ${marks[3]}\n`);
  return { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, BASH_ENV: join(home, 'bash-env.sh'), ENV: join(home, 'env.sh') }, marks };
}

describe('runBash', () => {
  it('reads no start-up file, even with input on stdin (a socket, which bash takes for an ssh session)', () => {
    const { env, marks } = aHomeThatLeavesMarks();
    expect(runBash('read -r line; echo "got $line"', { env, input: 'hello\n' }).stdout).toBe('got hello\n');
    expect(runBash('echo ok', { env }).stdout).toBe('ok\n');
    expect(marks.filter(existsSync)).toEqual([]);
  });

  it('stops a script that outlives its timeout and says so', () => {
    expect(() => runBash('sleep 30', { timeoutMs: 300 })).toThrow(/did not finish within 300 ms/);
  });

  it('gives the exit status and both streams', () => {
    expect(runBash('echo out; echo err >&2; exit 3')).toEqual({ status: 3, stdout: 'out\n', stderr: 'err\n' });
  });
});
