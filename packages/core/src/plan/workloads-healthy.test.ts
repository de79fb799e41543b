import { describe, expect, it } from 'vitest';
import { runBash } from '../testing/bash.js';
import { aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from './build-plan.js';

// What `kubectl get pods -A --no-headers` prints: NAMESPACE NAME READY STATUS RESTARTS AGE.
const PODS = [
  'shop   api-1      1/1   Running            0             5m',
  'shop   web-1      0/1   Running            4 (1m ago)    5m',
  'batch  report-1   0/1   Completed          0             1h',
  'shop   cart-1     1/2   CrashLoopBackOff   7 (10s ago)   9m',
  'shop   queue-1    0/1   Pending            0             1m',
];

describe('the check that workloads are healthy after the waves', () => {
  const step = buildPlan(contextFor(aFargateInventory([aWorkload({ namespace: 'shop', name: 'api' })]), 'auto-mode'))
    .stages.flatMap((s) => s.steps)
    .find((s) => s.id === 'verification/workloads-healthy')!;
  const run = (command: string) =>
    runBash(`kubectl() { printf '%s\\n' ${PODS.map((p) => `'${p}'`).join(' ')}; }\n${command}`)
      .stdout.trim()
      .split('\n');

  it('shows pods that run but do not serve (crash looping, not ready) and pods that never started', () => {
    // A phase field selector shows only the Pending one: CrashLoopBackOff and unready pods are in phase Running.
    expect(run(step.verify.command).map((l) => l.split(/\s+/)[1])).toEqual(['web-1', 'cart-1', 'queue-1']);
    expect(step.verify.expect).toMatch(/^nothing/);
  });

  it('lists the pods that restarted', () => {
    const restarts = step.commands.find((c) => c.includes('$5 + 0 > 0'))!;
    expect(run(restarts).map((l) => l.split(/\s+/)[1])).toEqual(['web-1', 'cart-1']);
  });
});
