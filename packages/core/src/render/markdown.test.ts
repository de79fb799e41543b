import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStep } from '../plan/step.js';
import type { Plan } from '@modeshift/plan';
import { aFinding, aLargePlan, aPlan, toAutoModePlan, toFargatePlan } from './__fixtures__/markdown-plans.js';
import { outline, type Outline } from './__fixtures__/markdown-outline.js';
import { manifestText, renderMarkdown } from './markdown/index.js';

function steps(plan: Plan) {
  return plan.stages.flatMap((s) => s.steps);
}

/** The document's text from the heading `title` to the next heading of its level. */
function renderedSection(doc: Outline, title: string): string {
  const at = doc.source.indexOf(`## ${title}\n`);
  const end = doc.source.indexOf('\n## ', at + 1);
  return doc.source.slice(at, end === -1 ? undefined : end);
}

/** The structural promises of the document, checked through the parser. */
function expectStructure(plan: Plan, doc: Outline): void {
  const h2 = doc.headings.filter((h) => h.level === 2).map((h) => h.text);
  plan.stages.forEach((stage, i) => expect(h2).toContain(`${i + 1}. ${stage.title}`));
  expect(h2.indexOf('Stage order')).toBeLessThan(h2.indexOf('Blockers'));
  expect(h2.indexOf('Blockers')).toBeLessThan(h2.indexOf('1. Prerequisites'));
  expect(h2.indexOf('All findings')).toBeGreaterThan(h2.indexOf(`${plan.stages.length}. ${plan.stages.at(-1)?.title}`));

  // One task item per step, each naming its step id exactly once.
  expect(doc.tasks).toHaveLength(steps(plan).length);
  for (const step of steps(plan)) expect(doc.tasks.filter((t) => t.text.includes(step.id)).map((t) => t.text)).toHaveLength(1);

  // The stage chart (the cost section may draw one more, after it).
  const mermaid = doc.fences.filter((f) => f.info === 'mermaid' && f.content.startsWith('flowchart'));
  expect(mermaid).toHaveLength(1);
  expect(mermaid[0]?.content).toMatch(/^flowchart /);
  for (let i = 1; i <= plan.stages.length; i++) expect(mermaid[0]?.content).toContain(`s${i}["${i}. `);
  const edges = plan.stages.reduce((n, s) => n + s.dependsOn.length, 0);
  expect(mermaid[0]?.content.match(/ --> /g) ?? []).toHaveLength(edges);

  // "All findings": one entry per rule (and severity), each finding's resource named in its rule's entry.
  const entries = doc.headings.filter((h) => h.level === 3 && /^R\d+\. /.test(h.text));
  expect(entries).toHaveLength(new Set(plan.findings.map((f) => `${f.severity} ${f.rule}`)).size);
  for (const table of doc.tables.filter((t) => /^R\d+\. /.test(t.heading))) for (const row of table.rows) expect(row).toHaveLength(3);
  const all = renderedSection(doc, 'All findings');
  for (const f of plan.findings) if (f.resource) expect(all, f.id).toContain(`${f.resource.kind}/${f.resource.name}`);

  const slugs = new Set(doc.headings.map((h) => h.slug));
  expect(doc.anchorLinks.length).toBeGreaterThan(0);
  for (const link of doc.anchorLinks) expect(slugs, `link #${link}`).toContain(link);
}

describe('renderMarkdown: structure', () => {
  it('gives a Fargate → Auto Mode plan a heading per stage, a task per step, a mermaid chart and a row per finding', () => {
    const plan = toAutoModePlan();
    expect(steps(plan).length).toBeGreaterThan(5);
    const doc = outline(renderMarkdown(plan));
    expectStructure(plan, doc);
    expect(doc.headings[0]).toMatchObject({ level: 1 });
    expect(doc.headings[0]?.text).toContain('demo (eu-west-1, Kubernetes 1.31), EKS on Fargate → EKS Auto Mode');
    expect(doc.tasks.every((t) => !t.checked)).toBe(true);
  });

  it('puts each wave under a heading for its namespace', () => {
    const plan = toAutoModePlan();
    const doc = outline(renderMarkdown(plan));
    const waves = plan.stages.find((s) => s.id === 'waves')!;
    const namespaces = [...new Set(waves.steps.flatMap((s) => (s.namespaces.length === 1 ? s.namespaces : [])))];
    expect(namespaces).toEqual(expect.arrayContaining(['shop', 'pay', 'ml']));
    const h3 = doc.headings.filter((h) => h.level === 3).map((h) => h.text);
    for (const ns of namespaces) expect(h3).toContain(`Namespace ${ns}`);
  });

  it('lists blockers first with resource, capability link and options, and the workloads that stay', () => {
    const plan = toFargatePlan();
    const blockers = plan.findings.filter((f) => f.severity === 'blocker');
    expect(blockers.length).toBeGreaterThan(0);
    const text = renderMarkdown(plan);
    const doc = outline(text);
    expectStructure(plan, doc);
    const h3 = doc.headings.filter((h) => h.level === 3).map((h) => h.text);
    // One entry per blocking rule; a rule with one resource names it in the heading.
    for (const f of blockers)
      expect(
        h3.some((h) => /^B\d+\. /.test(h) && h.endsWith(`(${f.capability})`)),
        f.id,
      ).toBe(true);
    for (const f of blockers) expect(renderedSection(doc, 'Blockers') + renderedSection(doc, 'All findings')).toContain(f.resource!.name);
    expect(text).toContain(`**Capability:** [\`${blockers[0]?.capability}\`](https://docs.aws.amazon.com/`);
    expect(text).toContain('- **Options:**');
    // What stays: a row per rule that keeps workloads, naming each of them and linking the rule's entry.
    const stays = doc.tables.find((t) => t.heading === 'Workloads that stay');
    const staying = plan.workloads.filter((w) => w.outcome === 'stays').map((w) => w.workload);
    const named = stays?.rows.map((r) => r[2] ?? '').join(' ') ?? '';
    for (const w of staying) expect(named).toContain(w);
    expect(stays?.rows[0]?.[0]).toMatch(/^R\d+ /);
  });

  it('renders commands in bash fences and short manifests in yaml or json fences', () => {
    const plan = toAutoModePlan();
    const doc = outline(renderMarkdown(plan));
    const bash = doc.fences
      .filter((f) => f.info === 'bash')
      .map((f) => f.content)
      .join('\n');
    // A small plan's steps are short enough to list every command.
    for (const cmd of steps(plan).flatMap((s) => s.commands)) expect(bash).toContain(cmd);
    const manifests = steps(plan).flatMap((s) => s.manifests);
    expect(manifests.length).toBeGreaterThan(0);
    // Short manifests are shown; one longer than a screen is named, with where to get it.
    const lines = (m: (typeof manifests)[number]) => manifestText(m).text.trimEnd().split('\n').length;
    const typed = doc.fences.filter((f) => f.info === 'yaml' || f.info === 'json');
    expect(typed).toHaveLength(manifests.filter((m) => lines(m) <= 25).length);
    for (const m of manifests.filter((m) => lines(m) > 25)) expect(doc.source).toContain(`Save as \`${m.file}\``);
  });

  it('lists every command of a small plan, however many one step has: the approver reads what runs', () => {
    const commands = Array.from({ length: 12 }, (_, i) => `kubectl patch deployment/app-${i} -n shop -p '{}'`);
    const rollback = { description: 'Undo.', commands: commands.map((c) => c.replace('patch', 'rollout undo')) };
    const step = makeStep({ id: 'waves/shop', title: 'Wave 1', kind: 'wave', why: 'Move.', commands, rollback });
    const text = renderMarkdown(aPlan([], { waves: [step] }));
    for (const c of [...commands, ...rollback.commands]) expect(text).toContain(c);
    expect(text).not.toContain('not listed here');
  });

  it('leaves a long step’s commands to --verbose and the wizard once the plan has hundreds of command lines', () => {
    const wave = (n: number) =>
      makeStep({
        id: `waves/ns-${n}`,
        title: `Wave ${n}`,
        kind: 'wave',
        why: 'Move.',
        commands: Array.from({ length: 12 }, (_, i) => `kubectl patch deployment/app-${i} -n ns-${n} -p '{}'`),
      });
    const text = renderMarkdown(aPlan([], { waves: Array.from({ length: 40 }, (_, n) => wave(n)) }));
    expect(text).toContain('**Run:** 12 commands, not listed here');
    expect(text).toContain('Steps with more than 6 commands do not list them here');
    expect(text).not.toContain('kubectl patch deployment/app-0 -n ns-0');
  });

  it('names twenty files of a step that has thousands and counts the rest', () => {
    const manifests = Array.from({ length: 25 }, (_, i) => ({ file: `irsa-${String(i).padStart(2, '0')}.json`, object: {} }));
    const step = makeStep({ id: 'prerequisites/irsa', title: 'IRSA roles', kind: 'irsa', why: 'Roles.', manifests });
    const text = renderMarkdown(aPlan([], { prerequisites: [step] }));
    expect(text).toContain('`modeshift export` writes the Kubernetes ones): `irsa-00.json`, ');
    expect(text).toContain('`irsa-19.json` and 5 more');
    expect(text).not.toContain('irsa-20.json');
  });

  it('says when the inventory was taken only if the plan knows', () => {
    const plan = toAutoModePlan();
    expect(outline(renderMarkdown(plan)).headings[0]?.text).toMatch(/inventory date not recorded$/);
    expect(outline(renderMarkdown({ ...plan, inventoryDate: '2026-01-15T09:30:00Z' })).headings[0]?.text).toMatch(/inventory of 2026-01-15T09:30:00Z$/);
  });
});

describe('renderMarkdown: escaping', () => {
  const awkward = aFinding('r:Deployment/shop/web', {
    message: 'pipes | inside\nand a new line, a <cluster-name> placeholder and `code | with pipe`',
    resource: { kind: 'Deployment', namespace: 'shop', name: 'we|b' },
  });

  it('keeps each finding in the table of its rule whatever the message holds', () => {
    const text = renderMarkdown(aPlan([awkward, aFinding('r:x')], {}));
    const doc = outline(text);
    const tables = doc.tables.filter((t) => /^R\d+\. /.test(t.heading));
    expect(tables).toHaveLength(1);
    const awkwardRow = tables.flatMap((t) => t.rows).find((r) => r[1]?.includes('we|b'));
    expect(awkwardRow).toHaveLength(3);
    expect(awkwardRow?.[1]).toContain('Deployment/we|b');
    expect(text).toContain('pipes | inside');
    expect(text).toContain('a &lt;cluster-name> placeholder');
    expect(doc.htmlInline.filter((h) => h.includes('cluster-name'))).toEqual([]);
  });

  it('keeps a manifest with backtick fences inside it as one code block', () => {
    const readme = 'Run:\n```bash\nkubectl get pods\n```\nthen ````four```` ticks';
    const step = makeStep({
      id: 'capacity/readme',
      title: 'Apply a ConfigMap with Markdown inside',
      kind: 'node-pool',
      why: 'A `why` with `code`.',
      manifests: [{ file: 'readme.yaml', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'readme' }, data: { 'README.md': readme } } }],
      commands: ['echo "```"'],
    });
    const doc = outline(renderMarkdown(aPlan([], { capacity: [step] })));
    const yaml = doc.fences.filter((f) => f.info === 'yaml');
    expect(yaml).toHaveLength(1);
    expect(yaml[0]?.content).toContain('kind: ConfigMap');
    expect(yaml[0]?.content).toContain('    ```bash\n    kubectl get pods\n    ```\n');
    expect(yaml[0]?.content).toContain('````four````');
    expect(doc.fences.find((f) => f.info === 'bash')?.content).toBe('echo "```"\n');
    expect(doc.tasks).toHaveLength(1);
  });

  it('names a manifest longer than a screen instead of showing it, and shows short ones inline', () => {
    const long = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'long' },
      data: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, `v${i}`])),
    };
    const short = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } };
    const manifests = [
      { file: 'long.yaml', object: long },
      { file: 'short.yaml', object: short },
    ];
    const step = makeStep({ id: 'capacity/x', title: 'X', kind: 'node-pool', why: 'W', manifests, commands: ['kubectl apply -f long.yaml -f short.yaml'] });
    const text = renderMarkdown(aPlan([], { capacity: [step] }));
    expect(text).toContain('  Save as `long.yaml` (45 lines: the wizard shows it, `modeshift export` writes it)\n');
    expect(text).toContain('  Save as `short.yaml`:\n\n  ```yaml\n  apiVersion: v1\n');
    expect(outline(text).fences.filter((f) => f.info === 'yaml')).toHaveLength(1);
    // Without a command that names them, the caption says how to apply each file.
    const bare = renderMarkdown(aPlan([], { capacity: [{ ...step, commands: [] }] }));
    expect(bare).toContain(
      '  Save as `long.yaml` and apply it with `kubectl apply -f long.yaml` (45 lines: the wizard shows it, `modeshift export` writes it)\n',
    );
    expect(bare).toContain('  Save as `short.yaml` and apply it with `kubectl apply -f short.yaml`:\n');
    // A copy only the rollback applies is saved first and never applied by the step: applying it would undo the step.
    const saved = renderMarkdown(
      aPlan([], { capacity: [{ ...step, commands: [], rollback: { description: 'Restore it.', commands: ['kubectl apply -f short.yaml -f long.yaml'] } }] }),
    );
    expect(saved).toContain('  Save as `short.yaml` before the step, as it is now (only the rollback applies it):\n');
    // The export writes such a copy apart, in the step folder's rollback/, so the caption sends the reader there.
    expect(saved).toContain(
      "  Save as `long.yaml` before the step, as it is now (only the rollback applies it) (45 lines: the wizard shows it, `modeshift export` writes it in the step folder's `rollback/`)\n",
    );
    expect(saved).not.toContain('apply it with `kubectl apply -f short.yaml`');
  });

  it('quotes YAML 1.1 booleans and writes no aliases for shared objects', () => {
    const labels = { enabled: 'yes' };
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels }, data: { copy: 'on' }, spec: { labels } };
    const step = makeStep({ id: 'capacity/x', title: 'X', kind: 'node-pool', why: 'W', manifests: [{ file: 'a.yaml', object }] });
    const yaml = outline(renderMarkdown(aPlan([], { capacity: [step] }))).fences.find((f) => f.info === 'yaml')?.content ?? '';
    expect(yaml).toContain('enabled: "yes"');
    expect(yaml).toContain('copy: "on"');
    expect(yaml).not.toMatch(/[&*]a\d/);
  });

  it('keeps mermaid labels inside their quotes', () => {
    const plan = aPlan([], {});
    plan.stages[0]!.title = 'Say "hi"\nthere';
    const mermaid = outline(renderMarkdown(plan)).fences.find((f) => f.info === 'mermaid')?.content ?? '';
    expect(mermaid).toContain('s1["1. Say #quot;hi#quot; there (nothing to do)"]');
  });

  it('links every step and finding reference to a heading that exists', () => {
    for (const plan of [toAutoModePlan(), toFargatePlan(), aPlan([awkward], {})]) {
      const doc = outline(renderMarkdown(plan));
      const slugs = new Set(doc.headings.map((h) => h.slug));
      for (const link of doc.anchorLinks) expect(slugs).toContain(link);
    }
  });
});

describe('renderMarkdown: determinism and progress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same plan, whenever it runs', () => {
    const plan = toAutoModePlan();
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const first = renderMarkdown(plan);
    vi.setSystemTime(new Date('2039-12-31T23:59:59Z'));
    const second = renderMarkdown(structuredClone(plan));
    expect(second).toBe(first);
    expect(first).not.toMatch(/2001|2039/);
  });

  it('marks done, skipped and not-applicable steps and shows their notes', () => {
    const plan = toAutoModePlan();
    const [a, b, c] = steps(plan);
    const text = renderMarkdown(plan, {
      progress: {
        [a!.id]: { status: 'done', note: 'applied by <ops> | ticket CHG-1' },
        [b!.id]: { status: 'skipped', note: 'policies already attached' },
        [c!.id]: { status: 'not-applicable' },
        'waves/no-such-step': { status: 'done' },
      },
    });
    const doc = outline(text);
    expect(doc.tasks.filter((t) => t.checked)).toHaveLength(3);
    expect(doc.tasks.filter((t) => !t.checked)).toHaveLength(steps(plan).length - 3);
    expect(text).toContain(`- [x] **1.1 ${a!.title}**`);
    expect(text).toContain('**Done.** applied by &lt;ops> | ticket CHG-1');
    expect(text).toMatch(/- \[x\] ~~\*\*\d\.\d .+\*\*~~ · `.+`\\\n {2}\*\*Skipped\.\*\* policies already attached/);
    expect(text).toContain('**Not applicable.**');
    const summary = doc.tables.find((t) => t.heading === 'Summary')?.rows.find((r) => r[0] === 'Progress');
    expect(summary?.[1]).toBe(`1 of ${steps(plan).length} steps done, 1 skipped, 1 not applicable`);
  });

  it('renders a plan of thousands of steps and findings', () => {
    const plan = aLargePlan(1000, 5);
    const text = renderMarkdown(plan);
    expect(text.match(/^- \[ \] /gm)).toHaveLength(1000);
    // 5,000 findings of one rule: one entry, its resources by namespace in one paragraph.
    expect(text.match(/^### R\d+\. /gm)).toHaveLength(1);
    const resources = text.split('\n').find((l) => l.startsWith('- **Resources (5000)**')) ?? '';
    expect(resources.match(/`team-\d{4}` \(/g)).toHaveLength(1000);
    expect(text.match(/^### Namespace `team-\d{4}`$/gm)).toHaveLength(1000);
  });
});

describe('renderMarkdown: what the Pulumi export does for a step', () => {
  it('does not claim the export creates what a decommission step removes by its commands', () => {
    const md = renderMarkdown(toAutoModePlan());
    const decommission = md.slice(md.indexOf('decommission/delete-fargate-profiles'));
    expect(decommission).toContain('AWS infrastructure this step removes (by its commands: the Pulumi export creates nothing for it)');
    expect(decommission.slice(0, decommission.indexOf('**Verify:**'))).not.toContain('what the Pulumi export creates');
  });
});
