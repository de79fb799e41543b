import { afterEach, describe, expect, it } from 'vitest';
import { KEY, startOnPlan, type Harness } from '../__fixtures__/harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

async function toFindings(size?: { columns: number; rows: number }): Promise<Harness> {
  const harness = await startOnPlan(size ? { size } : {});
  await harness.press('4');
  await harness.see('Findings: 49');
  return harness;
}

describe('Findings screen', () => {
  it('groups by severity and capability and shows the detail of the finding under the cursor', async () => {
    h = await toFindings();
    // Blockers come first; the example has none, so the list opens on the changes.
    expect(h.frame()).toContain('CHANGE · autoscaling (6)');
    expect(h.frame()).toContain('Remediation');
    await h.press(KEY.down);
    await h.see('CHANGE · autoscaling · FargateProfile/batch');
    await h.press(KEY.enter);
    await h.see('Finding (Esc: back to the list)');
    await h.see('https://docs.aws.amazon.com/eks/latest/userguide/');
    await h.see('decommission/delete-fargate-profiles');
    await h.press(KEY.esc);
    await h.see('Findings: 49');
  });

  it('filters by name or namespace with /, and Esc clears the filter', async () => {
    h = await toFindings();
    await h.press('/', 'p', 'a', 'y', 'm', 'e', 'n', 't', 's');
    await h.see('/payments▏');
    await h.press(KEY.enter);
    await h.see('filter /payments');
    const matches = h.model.findings.query === 'payments' ? h.frame().match(/Findings: (\d+) of 49/) : null;
    expect(Number(matches?.[1])).toBeGreaterThan(0);
    expect(h.frame()).not.toContain('FargateProfile/batch');
    await h.press(KEY.esc);
    await h.see('Findings: 49 ·');
  });

  it('says so when nothing matches', async () => {
    h = await toFindings();
    await h.press('/', 'z', 'z', 'q', KEY.enter);
    await h.see('No finding matches the filter.');
  });

  it('puts the detail beside the list on a wide terminal', async () => {
    h = await toFindings({ columns: 140, rows: 40 });
    const row = h
      .frame()
      .split('\n')
      .find((line) => line.startsWith('CHANGE · autoscaling (6)'));
    expect(row).toMatch(/^CHANGE · autoscaling \(6\) +CHANGE · autoscaling · cluster$/);
  });
});
