import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressState } from '../state-file.js';
import { exampleCopy, KEY, startWizard, type Harness } from '../__fixtures__/harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

async function toDirection(inventory: string): Promise<Harness> {
  const harness = await startWizard({ init: { paths: [inventory] } });
  await harness.see('Enter continues');
  await harness.press(KEY.enter);
  await harness.see('Move them to');
  return harness;
}

describe('Direction screen', () => {
  it('detects Fargate today and suggests Auto Mode; Enter builds that plan', async () => {
    h = await toDirection(exampleCopy('fargate-to-auto-mode'));
    expect(h.frame()).toContain('EKS on Fargate (11 on Fargate');
    expect(h.frame()).toContain('❯ EKS Auto Mode  (suggested');
    expect(h.frame()).toContain('Kubernetes 1.31 (from the cluster description)');
    await h.press(KEY.enter);
    await h.see('EKS on Fargate → EKS Auto Mode');
    expect(h.model.plan?.to).toBe('auto-mode');
  });

  it('detects Auto Mode today and suggests Fargate; the operator can pick the other way', async () => {
    h = await toDirection(exampleCopy('auto-mode-to-fargate'));
    await h.see('❯ EKS on Fargate  (suggested');
    await h.press(KEY.up);
    await h.see('❯ EKS Auto Mode');
    await h.press(KEY.enter);
    await h.see('EKS Auto Mode → EKS Auto Mode');
  });

  it('asks for the Kubernetes version when the inventory has no cluster description, and checks it', async () => {
    const inventory = exampleCopy();
    // Without describe-cluster the version is unknown.
    writeFileSync(join(inventory, 'aws', 'describe-cluster.json'), '{"note": "not collected"}');
    h = await toDirection(inventory);
    await h.see('Kubernetes version of the cluster: (unknown)');
    await h.press('v', '1', '.', 'x', KEY.enter);
    await h.see('Kubernetes version of the cluster: 1.x');
    await h.press(KEY.enter);
    await h.see('must look like 1.31');
    await h.press('v', KEY.backspace, '3', '1', KEY.enter, KEY.enter);
    await h.see('Kubernetes 1.31');
    expect(h.model.clusterVersion).toBe('1.31');
    expect((JSON.parse(readFileSync(join(inventory, '.modeshift-state.json'), 'utf8')) as ProgressState).clusterVersion).toBe('1.31');
  });

  it('goes back to the source with Esc', async () => {
    h = await toDirection(exampleCopy());
    await h.press(KEY.esc);
    await h.see('Enter continues');
  });
});
