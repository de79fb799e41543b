import { describe, expect, it } from 'vitest';
import { aFinding, aPlan } from './__fixtures__/markdown-plans.js';
import { groupFindings, RESOURCE_PLACEHOLDER } from './finding-groups.js';
import { renderMarkdown } from './markdown/index.js';
import { makeStep } from '../plan/step.js';
import { namesByKind, splitKey } from './workload-names.js';

const onWorkload = (name: string, message: string, namespace = 'shop') =>
  aFinding(`r:Deployment/${namespace}/${name}`, { rule: 'r', resource: { kind: 'Deployment', namespace, name }, message });

const P = RESOURCE_PLACEHOLDER;

describe('findings grouped by rule', () => {
  it("reads a finding's own resource, in any of the forms messages use, as the same placeholder", () => {
    const findings = [
      onWorkload('cart-1', 'Deployment shop/cart-1 is pinned; cart-1 sets no limit.'),
      onWorkload('cart-10', 'Deployment/shop/cart-10 is pinned; cart-10 sets no limit.'),
      onWorkload('web', 'shop/web is pinned; web sets no limit.'),
    ];
    const [group] = groupFindings(aPlan(findings, {}));
    expect(group?.variants.map((v) => [v.why, v.findings.length])).toEqual([[`${P} is pinned; ${P} sets no limit.`, 3]]);
  });

  it('replaces a name only as a whole word: cart-1 is not part of cart-10 or of shop/cart-1x', () => {
    const [group] = groupFindings(aPlan([onWorkload('cart-1', 'cart-1 talks to cart-10 and shop/cart-1x, then to cart-1.')], {}));
    expect(group?.variants[0]?.why).toBe(`${P} talks to cart-10 and shop/cart-1x, then to ${P}.`);
  });

  it('says what many different messages share once, and per finding only what differs', () => {
    const findings = Array.from({ length: 8 }, (_, i) => onWorkload(`app-${i}`, `Fargate sizes app-${i} from its requests: ${i + 1} vCPU. Review it.`));
    const [group] = groupFindings(aPlan(findings, {}));
    expect(group?.variants.map((v) => [v.why, v.findings.map((f) => f.id)])).toEqual([
      [`Fargate sizes ${P} from its requests: … vCPU. Review it.`, findings.map((f) => f.id)],
    ]);
    expect(group?.findings.map((f) => group.detail(f))).toEqual(findings.map((_, i) => `${i + 1}`));
  });

  it("names the finding's resource again in its own words, which are printed beside it", () => {
    const findings = Array.from({ length: 6 }, (_, i) =>
      aFinding(`r:Namespace/ns-${i}`, {
        rule: 'r',
        resource: { kind: 'Namespace', namespace: null, name: `ns-${i}` },
        message: `${i + 2} workloads in namespace ns-${i} (app-${i}) move, but no profile selects it.`,
      }),
    );
    const [group] = groupFindings(aPlan(findings, {}));
    expect(group?.variants[0]?.why).toBe('… move, but no profile selects it.');
    expect(group?.findings.map((f) => group.detail(f))).toEqual(findings.map((_, i) => `${i + 2} workloads in namespace ns-${i} (app-${i})`));
  });

  it('leaves the comma that follows every differing part in the shared words, not in each detail', () => {
    const findings = Array.from({ length: 6 }, (_, i) => onWorkload(`job-${i}`, `After step waves/ns-${i}, job-${i}: the Job runs again.`));
    const [group] = groupFindings(aPlan(findings, {}));
    expect(group?.variants[0]?.why).toBe(`After step …, ${P}: the Job runs again.`);
    expect(group?.findings.map((f) => group.detail(f))).toEqual(findings.map((_, i) => `waves/ns-${i}`));
  });
});

describe('"All findings" in the Markdown', () => {
  it('names a detail once for the resources of a namespace that share it', () => {
    // Five different sizes: more than a few variants, so each resource gets the detail its message adds.
    const findings = Array.from({ length: 10 }, (_, i) => onWorkload(`app-${i}`, `app-${i} needs ${(i % 5) + 1} vCPU on Fargate.`));
    const text = renderMarkdown(aPlan(findings, {}));
    expect(text).toContain('| `shop` | `Deployment/app-0`, `Deployment/app-5` (1); `Deployment/app-1`, `Deployment/app-6` (2);');
    expect(text.match(/\(1\)/g)).toHaveLength(1);
  });

  it('names the step once when it answers the findings of every namespace', () => {
    const findings = Array.from({ length: 8 }, (_, i) => onWorkload('app', `app needs ${i} vCPU.`, `ns-${i}`));
    const pin = makeStep({ id: 'capacity/pin', title: 'Pin', kind: 'review', why: 'Pins.', findings: findings.map((f) => f.id), commands: [] });
    const text = renderMarkdown(aPlan(findings, { capacity: [pin] }));
    expect(text).toContain('- **Resources (8)**, answered in step [2.1](#2-target-capacity), by namespace: `ns-0`: `Deployment/app` (0) · `ns-1`:');
  });

  it("lists only the names of a rule's resources beyond a thousand, and says where each one's detail is", () => {
    const findings = Array.from({ length: 1001 }, (_, i) => onWorkload(`app-${i}`, `app-${i} needs ${i} vCPU.`, `ns-${i % 10}`));
    const text = renderMarkdown(aPlan(findings, {}));
    const resources = text.split('\n').find((l) => l.startsWith('- **Resources (1001)**')) ?? '';
    expect(resources).toContain('`ns-0`: `Deployment/app-0`, `Deployment/app-10`, ');
    expect(resources.slice(resources.indexOf('by namespace:'))).not.toMatch(/\(\d+\)/);
    expect(text).toContain("- What each resource's finding says of its own: `modeshift plan … --format text --verbose`, the wizard or the plan JSON.");
  });
});

describe('workload names', () => {
  it('lists names by kind, each kind once, in the order kinds first appear', () => {
    const keys = ['Deployment/shop/a', 'CronJob/shop/b', 'Deployment/shop/c'].map(splitKey);
    expect(
      namesByKind(
        keys,
        (k) => k,
        (n) => `\`${n}\``,
      ),
    ).toBe('Deployment `a`, `c`; CronJob `b`');
    expect(splitKey('Namespace/shop')).toEqual({ kind: 'Namespace', namespace: '', name: 'shop' });
  });
});
