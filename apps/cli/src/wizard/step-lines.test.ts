// The walk-through's detail pane for the steps of a large estate: one IRSA role per service account is
// 23,000 commands, one pinning step names 15,000 workloads, and a verification step waits for every wave.
import { describe, expect, it } from 'vitest';
import type { Step } from '@modeshift/core';
import { LISTED_ENTRIES, LISTED_MANIFESTS, stepLines } from './step-lines.js';
import type { StepEntry } from './walk-actions.js';

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

function entry(parts: Partial<Step>): StepEntry {
  const step: Step = {
    commands: [],
    dependsOn: [],
    effects: [],
    findings: [],
    id: 'prerequisites/pod-identity-to-irsa',
    infrastructure: [],
    kind: 'irsa',
    manifests: [],
    namespaces: [],
    rollback: { commands: [], description: 'Delete the roles.' },
    title: 'Give service accounts IRSA roles',
    verify: { command: '', expect: '' },
    why: 'Fargate has no Pod Identity.',
    workloads: [],
    ...parts,
  };
  return { step, stage: { id: 'prerequisites', title: 'Prerequisites', dependsOn: [], steps: [step] }, number: '1.1' };
}

const lines = (e: StepEntry, open: string[] = []) =>
  stepLines(
    e,
    { status: 'open', openDependencies: open } as never,
    (id) => `title of ${id}`,
    () => '',
    100,
  ).map((l) => l.text);

/** The pane's text as one paragraph: a wrapped "… N more" line reads whole. */
const flowed = (text: string[]) => text.map((t) => t.trim()).join(' ');

describe('the detail pane of a step with long lists', () => {
  it('shows the first entries of each list and counts the rest, saying where they all are', () => {
    const big = entry({
      commands: range(23_494, (i) => `aws iam create-role --role-name sa-${i}`),
      rollback: { commands: range(300, (i) => `aws iam delete-role --role-name sa-${i}`), description: 'Delete the roles.' },
      workloads: range(11_747, (i) => `Deployment/ns-${i}/app`),
      findings: range(1_000, (i) => `fargate-pod-identity:Deployment/ns-${i}/app`),
    });
    const text = lines(big);
    // Fewer than a few thousand lines: built on every key, 100,000 took a third of a second.
    expect(text.length).toBeLessThan(5 * LISTED_ENTRIES);
    expect(text).toContain('  $ aws iam create-role --role-name sa-0');
    expect(text).toContain(`  $ aws iam create-role --role-name sa-${LISTED_ENTRIES - 1}`);
    expect(text).not.toContain(`  $ aws iam create-role --role-name sa-${LISTED_ENTRIES}`);
    expect(flowed(text)).toContain('… 23294 more commands: c copies all 23494, and `modeshift plan … --format text --verbose` prints them');
    expect(flowed(text)).toContain('… 100 more commands: `modeshift plan … --format text --verbose` prints them');
    expect(text).toContain('Workloads (11747)');
    expect(flowed(text)).toContain('… 11547 more workloads: the plan JSON lists them all');
    // Every line fits the pane: the line that says where the rest are is wrapped like any other.
    expect(text.every((t) => t.length <= 100)).toBe(true);
    expect(flowed(text)).toContain('… 800 more findings: the Findings screen lists them all');
  });

  it('shows the first manifests in full and counts the rest (one IAM trust policy per service account)', () => {
    const manifests = Array.from({ length: 5_873 }, (_, i) => ({ file: `trust-sa-${i}.json`, object: { Version: '2012-10-17' } }));
    const text = stepLines(
      entry({ manifests }),
      undefined,
      (id) => id,
      (m) => `{"file": "${m.file}"}`,
      100,
    ).map((l) => l.text);
    expect(text.filter((t) => t.startsWith('Manifest '))).toHaveLength(LISTED_MANIFESTS);
    expect(text).toContain(`Manifest trust-sa-${LISTED_MANIFESTS - 1}.json`);
    expect(flowed(text)).toContain("… 5853 more files: the plan JSON (`modeshift plan … --format json`) holds every one, under the step's manifests");
  });

  it('lists the open dependencies first, so what holds the step back is never among those counted', () => {
    const waves = range(1_500, (i) => `waves/ns-${i}`);
    const open = ['waves/ns-1499', 'waves/ns-700'];
    const text = lines(entry({ id: 'verification/workloads-healthy', dependsOn: waves }), open);
    const first = text.indexOf('Depends on') + 1;
    expect(text.slice(first, first + 3)).toEqual(['  ○ open: title of waves/ns-700', '  ○ open: title of waves/ns-1499', '  ✔ title of waves/ns-0']);
    expect(flowed(text)).toContain('… 1300 more steps, none open');
  });

  it('shows every entry of lists no longer than the limit', () => {
    const text = lines(entry({ commands: range(LISTED_ENTRIES, (i) => `kubectl annotate sa s-${i}`), workloads: ['Deployment/a/b'] }));
    expect(text.filter((t) => t.startsWith('  $ kubectl annotate'))).toHaveLength(LISTED_ENTRIES);
    expect(text.some((t) => t.includes(' more '))).toBe(false);
  });
});

describe('the detail pane of a step with a rollback copy', () => {
  it('says that a manifest only the rollback applies is saved before the step, and not applied by it', () => {
    const text = lines(
      entry({
        commands: ['kubectl apply -f ingress-shop-web-auto.yaml', 'kubectl delete ingress web -n shop'],
        manifests: [
          { file: 'ingress-shop-web-auto.yaml', object: {} },
          { file: 'ingress-shop-web-before.yaml', object: {} },
        ],
        rollback: {
          commands: ['kubectl get ingress web -n shop -o name >/dev/null 2>&1 || kubectl apply -f ingress-shop-web-before.yaml'],
          description: 'Re-create it.',
        },
      }),
    );
    expect(text).toContain('Manifest ingress-shop-web-auto.yaml');
    expect(text).toContain('Manifest ingress-shop-web-before.yaml (save it before the step; only the rollback applies it)');
  });
});
