import { planCoverage, uncoveredCommands, makeStep } from '@modeshift/core/base';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, planCases } from './cases.js';

describe('every command of every step is covered by one of its effects', () => {
  it('finds the corpus beside the repository', () => {
    expect(corpusAvailable()).toBe(true);
  });

  it('holds for both examples and every corpus case, in both directions', async () => {
    const cases = await planCases();
    expect(cases.length).toBeGreaterThanOrEqual(4);
    const uncovered = cases.flatMap((c) => planCoverage(c.plan).map((u) => `${c.name}: ${u.step}: ${u.action}: ${u.command}`));
    expect(uncovered).toEqual([]);
  });

  it('reports a command that changes something no effect says', () => {
    const step = makeStep({
      id: 'waves/x',
      title: 'x',
      kind: 'wave',
      why: 'x',
      commands: [
        'kubectl delete service api -n shop',
        'kubectl get pods -A',
        '# a comment',
        'aws eks delete-fargate-profile --cluster-name c --fargate-profile-name shop',
      ],
      effects: [{ type: 'delete-fargate-profile', name: 'shop' }],
    });
    expect(uncoveredCommands(step).map((u) => u.action)).toEqual(['delete service api']);
  });

  it('does not accept an effect on another object as cover', () => {
    const step = makeStep({
      id: 'decommission/x',
      title: 'x',
      kind: 'delete-fargate-profiles',
      why: 'x',
      commands: ['aws eks delete-fargate-profile --cluster-name c --fargate-profile-name shop', 'kubectl scale deployment coredns -n kube-system --replicas=0'],
      effects: [
        { type: 'delete-fargate-profile', name: 'batch' },
        { type: 'scale-workload', workload: 'Deployment/kube-system/coredns', replicas: 2 },
      ],
    });
    expect(uncoveredCommands(step).map((u) => u.action)).toEqual(['aws eks delete-fargate-profile', 'scale deployment coredns to 0']);
  });

  it('reads every part of a line: a change after ||, &&, ; or inside $(…) is checked too', () => {
    const step = makeStep({
      id: 'prerequisites/x',
      title: 'x',
      kind: 'pod-execution-role',
      why: 'x',
      commands: [
        'aws iam get-role --role-name ours >/dev/null 2>&1 || aws iam create-role --role-name theirs --assume-role-policy-document file://t.json',
        'kubectl get ns shop && kubectl delete namespace shop',
        `id=$(aws eks update-cluster-config --name c --compute-config enabled=false --query update.id --output text)`,
        'for j in a b; do until s=$(kubectl get job "$j" -n x -o name); do sleep 5; done; done',
        'if [ -n "$h" ]; then echo "$h"; else kubectl delete service api -n shop; fi',
      ],
      effects: [{ type: 'create-role', role: 'ours', trustPolicy: 't.json' }],
    });
    expect(uncoveredCommands(step).map((u) => u.action)).toEqual([
      'aws iam create-role',
      'delete namespace shop',
      'aws eks update-cluster-config (disable Auto Mode)',
      'delete service api',
    ]);
  });

  it.each([
    ['in backticks', 'echo `kubectl delete namespace prod`'],
    ['in backticks inside a test', '[ -z "`kubectl delete namespace prod`" ]'],
    ['after a function definition', 'f() { :; }; kubectl delete namespace prod'],
    ['in a function called on its line', 'cleanup() { kubectl delete namespace prod; }; cleanup'],
    ['after a case pattern inside a quoted substitution', 'echo "$(case $x in a) kubectl delete namespace prod;; esac)"'],
    ['after assignments and substitutions', 'X=$(true) kubectl delete namespace prod $(true)'],
    ['after a newline', 'echo hi\nkubectl delete namespace prod'],
    ['after an escaped >&', 'echo \\>& kubectl delete namespace prod'],
  ])('sees a change %s', (_, command) => {
    const step = makeStep({ id: 'waves/x', title: 'x', kind: 'wave', why: 'x', commands: [command] });
    expect(uncoveredCommands(step).length).toBeGreaterThan(0);
  });
});
