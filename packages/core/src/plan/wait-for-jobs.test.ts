// The wait for Jobs the plan leaves where they run, run by bash against a stubbed kubectl.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBash } from '../testing/bash.js';
import { aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from './build-plan.js';

const jobs = ['backfill', 'reindex'].map((name) => aWorkload({ kind: 'Job', namespace: 'shop', name }));
const plan = buildPlan(contextFor(aFargateInventory([...jobs, aWorkload({ name: 'web' })]), 'auto-mode'));
const wait = plan.stages.flatMap((s) => s.steps).find((s) => s.id === 'verification/jobs-finished')!;

/** `conditions`: what each poll of a Job answers, in turn (its True conditions). */
function run(conditions: Record<string, string[]>): { status: number; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'modeshift-jobs-'));
  for (const [job, answers] of Object.entries(conditions)) writeFileSync(join(dir, job), `${answers.join('\n')}\n`);
  const stub = 'sleep() { :; }\nkubectl() { echo x >> "$3.n"; sed -n "$(wc -l < "$3.n")p" "$3"; }';
  return runBash(`${stub}\n${wait.commands.join('\n')}`, { cwd: dir });
}

describe('waiting for the Jobs left where they run', () => {
  it('ends when each Job has completed, failed, been suspended or deleted, and says which', () => {
    const result = run({ reindex: ['reindex  ', 'reindex  ', 'reindex  SuccessCriteriaMet Complete'], backfill: ['backfill  FailureTarget Failed'] });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'shop/backfill: FAILED, decide whether it must run again before its capacity goes',
      'shop/reindex: still running',
      'shop/reindex: still running',
      'shop/reindex: complete',
    ]);
    expect(
      run({ reindex: [''], backfill: ['backfill true '] })
        .stdout.trim()
        .split('\n'),
    ).toEqual(['shop/backfill: suspended, runs nothing until resumed', 'shop/reindex: gone (deleted, finished)']);
  });
});
