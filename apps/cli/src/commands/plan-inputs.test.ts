// What `plan` says about input it did not read (issue 16 item 2): skipped files are counted in the plan
// (a repeated key is read, with a warning, and is not counted),
// and an inventory with no workloads is an input error naming what was read and skipped, not "ready".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'modeshift-plan-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n  - port: 80\n';
const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';

function folder(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  mkdirSync(path);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

describe('plan, on input it did not read', () => {
  it('exits 2 for an inventory with no workloads, naming what it read and what it skipped', async () => {
    const inventory = folder('no-workloads', { 'svc.yaml': service, 'values.yaml': 'replicaCount: 2\n' });
    const io = captureIo();
    const code = await run(['plan', inventory, '--to', 'auto-mode'], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain(
      `no workloads (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Pods) in ${inventory}: read 2 files (2 documents), skipped 1: values.yaml:1 (`,
    );
  });

  it('counts the skipped inputs in the plan JSON and names them on stderr', async () => {
    const inventory = folder('some-skipped', { 'web.yaml': deployment, 'values.yaml': 'replicaCount: 2\n' });
    const io = captureIo();
    const code = await run(['plan', inventory, '--to', 'auto-mode', '--format', 'json'], io);
    expect(code).toBe(0);
    expect((JSON.parse(io.out()) as { skippedInputs: number }).skippedInputs).toBe(1);
    expect(io.err()).toContain('modeshift: skipped ');
    expect(io.err()).toContain('values.yaml:1');
  });

  it('reads a key given twice as kubectl does, warns with file and line, and counts nothing as skipped', async () => {
    const repeated = deployment.replace('  name: web\n  namespace: shop\n', '  name: web\n  namespace: shop\n  name: web\n');
    const inventory = folder('repeated-key', { 'web.yaml': repeated });
    const io = captureIo();
    const code = await run(['plan', inventory, '--to', 'auto-mode', '--format', 'json'], io);
    expect(code).toBe(0);
    const plan = JSON.parse(io.out()) as { skippedInputs: number; workloads: { workload: string }[] };
    expect(plan.skippedInputs).toBe(0);
    expect(plan.workloads.map((w) => w.workload)).toContain('Deployment/shop/web');
    expect(io.err()).toBe(`modeshift: warning: ${join(inventory, 'web.yaml')}:6: the same key appears twice in one mapping; the later value is used\n`);
  });
});
