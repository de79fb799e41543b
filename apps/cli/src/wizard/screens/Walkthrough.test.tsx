import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY, startOnPlan, type Harness } from '../__fixtures__/harness.js';

let h: (Harness & { inventory: string }) | undefined;
afterEach(() => h?.unmount());

const saved = (inventory: string) =>
  JSON.parse(readFileSync(join(inventory, '.modeshift-state.json'), 'utf8')) as {
    steps: Record<string, { status: string; note?: string }>;
    position: { screen: string; stepId: string };
  };

async function toWalkthrough(options: Parameters<typeof startOnPlan>[0] = {}) {
  const harness = await startOnPlan(options);
  await harness.press('5');
  await harness.see('❯ ○ 1.1 Allow access entries');
  return harness;
}

describe('Walk-through screen', () => {
  it('marks a step done, skipped, not applicable and open again, saving after each key', async () => {
    h = await toWalkthrough();
    // Each mark moves on to the next open step.
    await h.press('d');
    await h.see('✔ 1.1');
    await h.see('❯ ○ 1.2');
    expect(saved(h.inventory).steps['prerequisites/authentication-mode']).toEqual({ status: 'done' });
    await h.press('s');
    await h.see('↷ 1.2');
    await h.see('❯ ○ 1.3');
    await h.press('n');
    await h.see('– 1.3');
    await h.see('❯ ○ 1.4');
    expect(saved(h.inventory).steps['prerequisites/efs-csi-driver']).toEqual({ status: 'not-applicable' });
    await h.press('k', 'u');
    await h.see('❯ ○ 1.3');
    expect(saved(h.inventory).steps['prerequisites/efs-csi-driver']).toBeUndefined();
    expect(saved(h.inventory).position).toEqual({ screen: 'walkthrough', stepId: 'prerequisites/efs-csi-driver' });
  });

  it('does not show a step as done while a step it depends on is open', async () => {
    h = await toWalkthrough();
    await h.press('j', 'j', 'j', 'j', 'd');
    await h.see('◐ 2.1 Enable EKS Auto Mode with the built-in node pools (waiting)');
    await h.see('Marked done; shown as waiting');
    await h.press('g', 'd', 'd', 'n', 'n');
    await h.see('✔ 2.1 Enable EKS Auto Mode');
  });

  it('acts on every key of a burst that arrives as one chunk (toolchain G5)', async () => {
    h = await toWalkthrough();
    await h.press('jjd');
    await h.see('✔ 1.3');
    await h.see('❯ ○ 1.4');
    expect(h.model.walk.cursor).toBe(3);
  });

  it('opens a step with why, commands, manifests, verification and rollback, and scrolls it', async () => {
    h = await toWalkthrough();
    await h.press(...'jjjjjj', KEY.enter);
    await h.see('2.3 Create the spot NodePool (spot)');
    expect(h.frame()).toContain('Why');
    expect(h.frame()).toContain('Commands (c copies them)');
    await h.press(KEY.pgdn);
    await h.see('nodeClassRef');
    await h.press('G');
    await h.see('Rollback');
    await h.press(']');
    await h.see('3.1 Run a Fluent Bit DaemonSet');
    await h.press(KEY.esc);
    await h.see('❯ ○ 3.1');
  });

  it('takes a note, shows it and saves it', async () => {
    h = await toWalkthrough();
    await h.press('e');
    await h.see('Note: ▏');
    await h.press('CAB-1234 approved', KEY.enter);
    await h.see('Note saved.');
    expect(saved(h.inventory).steps['prerequisites/authentication-mode']).toEqual({ status: 'open', note: 'CAB-1234 approved' });
    await h.press(KEY.enter);
    await h.see('CAB-1234 approved');
  });

  it('copies the commands to modeshift-commands.sh next to the state file when there is no terminal clipboard', async () => {
    h = await toWalkthrough();
    await h.press('c');
    await h.see('No terminal clipboard: 2 commands saved to');
    const script = readFileSync(join(h.inventory, 'modeshift-commands.sh'), 'utf8');
    expect(script).toContain('# 1.1 prerequisites/authentication-mode');
    expect(script).toContain('aws eks update-cluster-config --name shop-prod --access-config authenticationMode=API_AND_CONFIG_MAP');
    expect(h.model.copied).toEqual(['prerequisites/authentication-mode']);
  });

  it('runs the verification only after y, and shows its output and exit code', async () => {
    const runVerify = vi.fn((command: string) => Promise.resolve({ command, exitCode: 0, output: 'API_AND_CONFIG_MAP\n', timedOut: false, truncated: false }));
    h = await toWalkthrough({ deps: { runVerify } });
    await h.press('v');
    await h.see('Run it? y runs');
    await h.press('n');
    await h.see('Not run.');
    expect(runVerify).not.toHaveBeenCalled();
    await h.press('v', 'y');
    await h.see('Exit code 0');
    await h.see('API_AND_CONFIG_MAP');
    expect(runVerify).toHaveBeenCalledWith(
      'aws eks describe-cluster --name shop-prod --query cluster.accessConfig.authenticationMode --output text',
      expect.any(AbortSignal),
    );
    await h.press(KEY.esc);
    await h.gone('Output');
  });

  it('stops a running verification with Esc', async () => {
    const runVerify = vi.fn(
      (command: string, signal?: AbortSignal) =>
        new Promise((resolve) => signal?.addEventListener('abort', () => resolve({ command, exitCode: null, output: '', timedOut: false, truncated: false }))),
    );
    h = await toWalkthrough({ deps: { runVerify: runVerify as never } });
    await h.press('v', 'y');
    await h.see('Running the verification');
    await h.press('d');
    expect(h.model.progress?.steps['prerequisites/authentication-mode']).toBeUndefined();
    await h.press(KEY.esc);
    await h.see('Stopped.');
  });

  it('refuses to run a verification that is not read-only, without asking', async () => {
    const runVerify = vi.fn();
    h = await toWalkthrough({ deps: { runVerify } });
    await h.press('G', 'v');
    await h.see('Not run: kubectl run is not one of');
    expect(runVerify).not.toHaveBeenCalled();
    expect(existsSync(join(h.inventory, '.modeshift-state.json'))).toBe(true);
  });
});
