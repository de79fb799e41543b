import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext, buildPlan, type Plan } from '@modeshift/core';
import { loadInventory, loadInventoryFromStrings } from '@modeshift/inventory';
import { generateInventory, toJsonList } from '@modeshift/synthetic-estate';
import { EXAMPLES } from '../testing.js';
import { FingerprintJob, jsonPieces } from './fingerprint.js';
import { planFingerprint } from './state-file.js';

async function examplePlan(target: 'auto-mode' | 'fargate' = 'auto-mode'): Promise<Plan> {
  const { inventory } = await loadInventory([join(EXAMPLES, 'fargate-to-auto-mode', 'inventory')]);
  return buildPlan(buildContext(inventory, { target, clusterVersion: null }));
}

/** A plan with a few thousand findings: hashing it takes many slices. */
function generatedPlan(): Plan {
  const generated = generateInventory({ workloads: 300, direction: 'to-auto-mode', seed: 3 });
  const { inventory } = loadInventoryFromStrings([{ file: 'estate.json', text: toJsonList(generated.documents) }]);
  return buildPlan(buildContext(inventory, { target: 'auto-mode' }));
}

describe('plan fingerprint', () => {
  it('hashes exactly the plan’s JSON, however the pieces fall', async () => {
    const odd = {
      list: Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? undefined : { i, tags: Array.from({ length: i }, (_, j) => `t${j}`) })),
      skipped: undefined,
      'quote"key': ['é', null, 1.5, true],
      nested: { deep: { rows: Array.from({ length: 20 }, (_, i) => [i, String(i)]) }, empty: [] },
    };
    expect([...jsonPieces(odd)].join('')).toBe(JSON.stringify(odd));
    const plan = await examplePlan();
    expect([...jsonPieces(plan)].join('')).toBe(JSON.stringify(plan));
  });

  it('cuts a plan into small pieces, so that a slice of hashing stops on time', () => {
    const pieces = [...jsonPieces(generatedPlan())];
    const total = pieces.reduce((n, p) => n + p.length, 0);
    const largest = Math.max(...pieces.map((p) => p.length));
    // One step or finding at most, never a whole list of them (`stages` once went in one piece: half the plan).
    expect(largest).toBeLessThan(total / 50);
  });

  it('gives the same fingerprint in slices as in one go, and another for another plan', async () => {
    const plan = generatedPlan();
    expect(plan.findings.length).toBeGreaterThan(500);
    const job = new FingerprintJob(plan);
    let slices = 1;
    while (job.work(0) === null) slices += 1;
    expect(slices).toBeGreaterThan(10);
    expect(job.value).toBe(planFingerprint(plan));
    expect(planFingerprint(plan)).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(planFingerprint(await examplePlan('fargate'))).not.toBe(planFingerprint(await examplePlan('auto-mode')));
  });
});
