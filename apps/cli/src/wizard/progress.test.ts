import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/core';
import { countStatuses, effectiveStatuses, markdownProgress } from './progress.js';

function step(id: string, dependsOn: string[] = []): Step {
  return {
    id,
    title: id,
    kind: 'review',
    findings: [],
    dependsOn,
    why: '',
    commands: [],
    manifests: [],
    infrastructure: [],
    effects: [],
    verify: { command: '', expect: '' },
    rollback: { description: '', commands: [] },
    workloads: [],
    namespaces: [],
  };
}

// a ← b ← c, and d on its own: the shape of prerequisites → capacity → waves.
const plan = {
  stages: [
    { id: 'prerequisites', title: 'P', dependsOn: [], steps: [step('a'), step('d')] },
    { id: 'capacity', title: 'C', dependsOn: [], steps: [step('b', ['a']), step('c', ['b', 'missing'])] },
  ],
} as unknown as Plan;

describe('effective status', () => {
  it('shows a step marked done as waiting while a step it depends on is open, all the way down the chain', () => {
    const views = effectiveStatuses(plan, { b: { status: 'done' }, c: { status: 'done', note: 'applied' } });
    expect(views.get('b')).toEqual({ status: 'waiting', openDependencies: ['a'] });
    expect(views.get('c')).toEqual({ status: 'waiting', openDependencies: ['b'], note: 'applied' });
    expect(countStatuses(views.values())).toMatchObject({ total: 4, open: 2, waiting: 2, done: 0 });
  });

  it('counts skipped and not-applicable dependencies as closed', () => {
    const views = effectiveStatuses(plan, { a: { status: 'skipped' }, b: { status: 'not-applicable' }, c: { status: 'done' } });
    expect(views.get('c')?.status).toBe('done');
    expect(markdownProgress(plan, { a: { status: 'skipped' }, b: { status: 'not-applicable' }, c: { status: 'done' } })).toEqual({
      a: { status: 'skipped' },
      b: { status: 'not-applicable' },
      c: { status: 'done' },
    });
  });

  it('exports a waiting step as open, and ignores ids that are not in the plan', () => {
    expect(markdownProgress(plan, { b: { status: 'done' }, zzz: { status: 'done' }, d: { status: 'open', note: 'later' } })).toEqual({});
  });

  it('reads a dependency cycle as open instead of recursing forever', () => {
    const loop = { stages: [{ id: 'x', title: 'X', dependsOn: [], steps: [step('p', ['q']), step('q', ['p'])] }] } as unknown as Plan;
    const views = effectiveStatuses(loop, { p: { status: 'done' }, q: { status: 'done' } });
    expect([...views.values()].every((v) => v.status === 'waiting' || v.status === 'done')).toBe(true);
  });
});
