// The synthetic estates are inputs to the bench and to large-estate tests: they must be the same bytes
// every time, load without errors from JSON and YAML, and hold every kind of workload.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory, loadInventoryFromStrings } from '@modeshift/inventory';
import { compactDocuments, generateInventory, toJsonList, toYamlStream } from './index.js';

const WORKLOADS = 200;

describe('generateInventory', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const a = toJsonList(generateInventory({ workloads: WORKLOADS, direction: 'to-auto-mode', seed: 7 }).documents);
    const b = toJsonList(generateInventory({ workloads: WORKLOADS, direction: 'to-auto-mode', seed: 7 }).documents);
    const c = toJsonList(generateInventory({ workloads: WORKLOADS, direction: 'to-auto-mode', seed: 8 }).documents);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it.each(['to-auto-mode', 'to-fargate'] as const)('%s: exactly the workloads asked for, the same from JSON and YAML', (direction) => {
    const generated = generateInventory({ workloads: WORKLOADS, direction });
    expect(generated.workloads).toBe(WORKLOADS);
    const json = loadInventoryFromStrings([{ file: 'estate.json', text: toJsonList(generated.documents) }]);
    const yaml = loadInventoryFromStrings([{ file: 'estate.yaml', text: toYamlStream(generated.documents) }]);
    expect(json.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(json.inventory.workloads).toHaveLength(WORKLOADS);
    expect(yaml.inventory.workloads.map((w) => w.key)).toEqual(json.inventory.workloads.map((w) => w.key));
    const kinds = new Set(json.inventory.workloads.map((w) => w.kind));
    expect([...kinds].sort()).toEqual(['CronJob', 'DaemonSet', 'Deployment', 'Job', 'StatefulSet']);
    expect(json.inventory.cluster).not.toBeNull();
    expect(json.inventory.services.length).toBeGreaterThan(0);
    expect(json.inventory.serviceAccounts.some((sa) => sa.metadata.annotations['eks.amazonaws.com/role-arn'])).toBe(true);
    if (direction === 'to-auto-mode') expect(json.inventory.fargateProfiles.some((p) => p.selectors.some((s) => s.namespace.includes('*')))).toBe(true);
    else expect(json.inventory.nodePools.length).toBeGreaterThan(0);
  });

  it.each(['to-auto-mode', 'to-fargate'] as const)('%s: the compact List, on one line or indented, reads as the same inventory', (direction) => {
    const generated = generateInventory({ workloads: WORKLOADS, direction });
    const compact = compactDocuments(generated.documents);
    expect(compact.filter((d) => typeof d.kind === 'string' && 'status' in d)).toEqual([]);
    expect(generated.documents.some((d) => 'status' in d)).toBe(true);
    const read = (text: string) => loadInventoryFromStrings([{ file: 'estate.json', text }]);
    const line = toJsonList(compact, { singleLine: true });
    expect(line.trimEnd()).not.toContain('\n');
    const keys = (text: string) => read(text).inventory.workloads.map((w) => w.key);
    expect(keys(line)).toEqual(keys(toJsonList(generated.documents)));
    expect(read(line).inventory).toEqual(read(toJsonList(compact)).inventory);
    expect(line.length).toBeLessThan(toJsonList(compact).length);
  });

  it.each(['to-auto-mode', 'to-fargate'] as const)('%s: a List file read in groups gives what parsing its whole text gives', async (direction) => {
    const text = toJsonList(generateInventory({ workloads: WORKLOADS, direction }).documents);
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-list-'));
    const file = join(dir, 'estate.json');
    writeFileSync(file, text);
    try {
      // Above the size read whole, and dozens of groups: cuts between items on realistic objects.
      expect(text.length).toBeGreaterThan(1_000_000);
      expect(await loadInventory([file])).toEqual(loadInventoryFromStrings([{ file, text }]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
