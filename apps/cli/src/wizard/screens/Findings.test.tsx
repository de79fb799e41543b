import { afterEach, describe, expect, it } from 'vitest';
import { KEY, startOnPlan, type Harness } from '../__fixtures__/harness.js';
import { findingRows } from '../findings-rows.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

async function toFindings(size?: { columns: number; rows: number }): Promise<Harness> {
  const harness = await startOnPlan(size ? { size } : {});
  await harness.press('4');
  await harness.see(`Findings: ${total(harness)}`);
  return harness;
}

const total = (harness: Harness) => harness.model.plan!.findings.length;

/** The header the list starts with: the worst severity's first rule, as the screen writes it. */
function firstHeader(harness: Harness): string {
  const row = findingRows(harness.model.plan!, '').row(0);
  if (row.kind !== 'group') throw new Error('the list starts with a header');
  return `${row.severity.toUpperCase()} · ${row.title} · ${row.capability} (${row.count})`;
}

describe('Findings screen', () => {
  it('puts each rule under one header and shows the detail of the finding under the cursor', async () => {
    h = await toFindings();
    expect(h.frame()).toContain(firstHeader(h));
    expect(h.frame()).toContain('Remediation');
    // / matches the rule id too: the Fargate profiles the move deletes are one rule, five resources.
    await h.press('/', ...'auto-mode-fargate-profiles', KEY.enter);
    await h.see('CHANGE · Fargate profiles · autoscaling (5)');
    await h.see('CHANGE · autoscaling · FargateProfile/batch');
    await h.press(KEY.enter);
    await h.see('Finding (Esc: back to the list)');
    await h.see('https://docs.aws.amazon.com/eks/latest/userguide/');
    await h.see('decommission/delete-fargate-profiles');
    await h.press(KEY.esc);
    await h.press(KEY.esc);
    await h.see(`Findings: ${total(h)} ·`);
  });

  it('filters by name or namespace with /, and Esc clears the filter', async () => {
    h = await toFindings();
    await h.press('/', 'p', 'a', 'y', 'm', 'e', 'n', 't', 's');
    await h.see('/payments▏');
    await h.press(KEY.enter);
    await h.see('filter /payments');
    const matches = h.model.findings.query === 'payments' ? h.frame().match(new RegExp(`Findings: (\\d+) of ${total(h)}`)) : null;
    expect(Number(matches?.[1])).toBeGreaterThan(0);
    expect(h.frame()).not.toContain('FargateProfile/batch');
    await h.press(KEY.esc);
    await h.see(`Findings: ${total(h)} ·`);
  });

  it('says so when nothing matches', async () => {
    h = await toFindings();
    await h.press('/', 'z', 'z', 'q', KEY.enter);
    await h.see('No finding matches the filter.');
  });

  it('puts the detail beside the list on a wide terminal', async () => {
    h = await toFindings({ columns: 140, rows: 40 });
    const header = firstHeader(h);
    const first = h.model.plan!.findings.find((f) => findingRows(h!.model.plan!, '').items[0]?.id === f.id)!;
    const row = h
      .frame()
      .split('\n')
      .find((line) => line.startsWith(header));
    expect(row).toMatch(new RegExp(`^${escape(header)} +${escape(`${first.severity.toUpperCase()} · ${first.capability} · `)}`));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
