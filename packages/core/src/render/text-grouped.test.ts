import { describe, expect, it } from 'vitest';
import { aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildPlan } from '../plan/build-plan.js';
import { renderText } from './text.js';

const plan = buildPlan(
  contextFor(aFargateInventory(Array.from({ length: 40 }, (_, i) => aWorkload({ name: `app-${i}`, namespace: `team-${i % 4}` }))), 'auto-mode'),
);

describe('the text plan', () => {
  it('states a rule that hits many workloads once, with its resources packed by namespace', () => {
    const text = renderText(plan, { color: false });
    expect(text.match(/Workloads moving to Auto Mode \[scheduling\] auto-mode-compute-type-annotation · 40 resources/g)).toHaveLength(1);
    expect(text.match(/moves to Auto Mode when its pod template carries/g)).toHaveLength(1);
    expect(text).toContain('team-0: Deployment/app-0, Deployment/app-12,');
  });

  it('gives every finding on its own with --verbose', () => {
    const text = renderText(plan, { color: false, verbose: true });
    expect(text.match(/moves to Auto Mode when its pod template carries/g)).toHaveLength(40);
  });

  it('starts with the summary: readiness, counts, waves, cost, then the findings and the stages', () => {
    const text = renderText(plan, { color: false });
    const at = (s: string) => text.indexOf(s);
    expect(at('readiness:')).toBeLessThan(at('waves: 4, in order: team-'));
    expect(at('waves: 4')).toBeLessThan(at('compute cost:'));
    expect(at('compute cost:')).toBeLessThan(at('\nFindings ('));
    expect(at('\nFindings (')).toBeLessThan(at('\nPlan'));
  });

  it('fits prose into the width it is given; only commands, which are pasted whole, may be longer', () => {
    for (const width of [60, 100]) {
      const long = renderText(plan, { color: false, width })
        .split('\n')
        .filter((l) => l.length > width);
      for (const line of long) expect(line, line).toMatch(/^\s+(\$ |verify: |rollback: )|^\S+$|https?:\/\/\S{30,}/);
    }
  });

  it('counts the workloads of a step outside the waves by namespace, in the singular for one', () => {
    const shop = Array.from({ length: 12 }, (_, i) => aWorkload({ name: `app-${i}`, namespace: 'shop' }));
    const text = renderText(buildPlan(contextFor(anAutoModeInventory(shop), 'fargate')), { color: false });
    expect(text).toContain('workloads (12): in 1 namespace: ');
    expect(text).not.toContain('1 namespaces');
  });
});
