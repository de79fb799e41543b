import { describe, expect, it } from 'vitest';
import { buildContext, buildPlan, SEVERITIES } from '@modeshift/core';
import { loadInventoryFromStrings } from '@modeshift/inventory';
import { generateInventory, toJsonList } from '@modeshift/synthetic-estate';
import { findingRows, type FindingRow } from './findings-rows.js';

const generated = generateInventory({ workloads: 120, direction: 'to-auto-mode', seed: 11 });
const { inventory } = loadInventoryFromStrings([{ file: 'estate.json', text: toJsonList(generated.documents) }]);
const plan = buildPlan(buildContext(inventory, { target: 'auto-mode' }));

describe('finding rows', () => {
  it('lists every finding once under its rule, worst severity first, rules in order', () => {
    const rows = findingRows(plan, '');
    const all: FindingRow[] = Array.from({ length: rows.count }, (_, i) => rows.row(i));
    const groups = all.filter((r) => r.kind === 'group');
    expect(all.length - groups.length).toBe(plan.findings.length);
    const order = groups.map((g) => `${SEVERITIES.indexOf(g.severity)} ${g.kind === 'group' ? g.rule : ''}`);
    expect(order).toEqual([...order].sort());
    let group: FindingRow | undefined;
    for (const row of all) {
      if (row.kind === 'group') group = row;
      else if (group?.kind === 'group')
        expect([row.finding.severity, row.finding.rule, row.finding.capability]).toEqual([group.severity, group.rule, group.capability]);
    }
    expect(groups.reduce((n, g) => n + (g.kind === 'group' ? g.count : 0), 0)).toBe(plan.findings.length);
  });

  it('puts the cursor’s finding on the row that shows it, with a filter too', () => {
    const name = plan.findings.find((f) => f.resource)!.resource!.namespace!;
    for (const query of ['', name]) {
      const rows = findingRows(plan, query);
      expect(rows.items.length).toBeGreaterThan(0);
      rows.items.forEach((finding, i) => expect(rows.row(rows.rowOf(i))).toEqual({ kind: 'finding', finding, index: i }));
    }
    expect(findingRows(plan, 'no-such-namespace-anywhere')).toMatchObject({ count: 0, items: [] });
  });
});
