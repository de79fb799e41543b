import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildContext, buildPlan, githubSlug, renderMarkdown, type Mode, type Plan } from '@modeshift/core';
import { loadInventory } from '@modeshift/inventory';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { run } from './cli.js';
import { captureIo, EXAMPLES, tempTree } from './testing.js';

/** The Markdown change tickets of the bundled examples; UPDATE_GOLDEN=1 rewrites examples/<name>/plan.md. */
const CASES: { name: string; to: Mode }[] = [
  { name: 'fargate-to-auto-mode', to: 'auto-mode' },
  { name: 'auto-mode-to-fargate', to: 'fargate' },
];

async function examplePlan(name: string, to: Mode): Promise<Plan> {
  const inventory = join(EXAMPLES, name, 'inventory');
  expect(existsSync(inventory), `${inventory} is missing`).toBe(true);
  const loaded = await loadInventory([inventory]);
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return buildPlan(buildContext(loaded.inventory, { target: to }));
}

/** What GitHub would see: heading texts and slugs, fences, task items, findings rows, in-page links. */
function parse(markdown: string) {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const text = (i: number) => (tokens[i]?.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('');
  const headings: string[] = [];
  const slugs = new Set<string>();
  const tasks: string[] = [];
  const fences: string[] = [];
  const links: string[] = [];
  const rows = new Map<string, number>();
  let heading = '';
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') {
      heading = text(i + 1);
      headings.push(heading);
      // Every generated heading is unique, so GitHub's -1/-2 suffixes never apply.
      expect(slugs.has(githubSlug(heading)), `duplicate heading ${heading}`).toBe(false);
      slugs.add(githubSlug(heading));
    }
    if (t.type === 'fence') fences.push(t.info.trim());
    if (t.type === 'list_item_open' && /^\[[ x]\] /.test(tokens[i + 2]?.content ?? '')) tasks.push(tokens[i + 2]?.content ?? '');
    if (t.type === 'tr_open' && tokens[i - 1]?.type !== 'thead_open') rows.set(heading, (rows.get(heading) ?? 0) + 1);
    for (const c of t.children ?? []) if (c.type === 'link_open' && c.attrGet('href')?.startsWith('#')) links.push(c.attrGet('href')!.slice(1));
  });
  return { headings, slugs, tasks, fences, links, rows };
}

describe.each(CASES)('Markdown plan for examples/$name', ({ name, to }) => {
  it('matches the golden plan.md', async () => {
    const markdown = renderMarkdown(await examplePlan(name, to));
    const golden = join(EXAMPLES, name, 'plan.md');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, markdown);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
    expect(markdown, `${golden} is out of date: run UPDATE_GOLDEN=1 npm test and review the diff`).toBe(readFileSync(golden, 'utf8'));
  });

  it('is what `modeshift plan --format md` prints, byte for byte, every time', async () => {
    const expected = renderMarkdown(await examplePlan(name, to));
    for (let i = 0; i < 2; i++) {
      const io = captureIo();
      await run(['plan', join(EXAMPLES, name, 'inventory'), '--to', to, '--format', 'md'], io);
      expect(io.err()).toBe('');
      expect(io.out()).toBe(expected);
    }
  });

  it('parses into a section per stage, a task per step, the stage chart and the cost chart, and an entry per rule', async () => {
    const plan = await examplePlan(name, to);
    const doc = parse(renderMarkdown(plan));
    plan.stages.forEach((s, i) => expect(doc.headings).toContain(`${i + 1}. ${s.title}`));
    const steps = plan.stages.flatMap((s) => s.steps);
    expect(doc.tasks).toHaveLength(steps.length);
    // Each task's first line names its step id once (the lines after it say why, what it moves, …).
    for (const step of steps) expect(doc.tasks.filter((t) => t.split('\n')[0]!.includes(`· \`${step.id}\``))).toHaveLength(1);
    // The stage order, and the cost per namespace: both examples are in a Region the bundled prices cover.
    expect(doc.fences.filter((f) => f === 'mermaid')).toHaveLength(2);
    // "All findings": one entry per rule (and severity), R1, R2, …
    const rules = doc.headings.filter((h) => /^R\d+\. /.test(h));
    expect(rules).toHaveLength(new Set(plan.findings.map((f) => `${f.severity} ${f.rule}`)).size);
    for (const link of doc.links) expect(doc.slugs, `#${link}`).toContain(link);
    for (const ns of new Set(plan.stages.find((s) => s.id === 'waves')?.steps.flatMap((s) => s.namespaces))) {
      expect(doc.headings).toContain(`Namespace ${ns}`);
    }
  });
});

describe('modeshift plan --format md', () => {
  it('never prints Secret data or env values', async () => {
    const dir = tempTree({
      'app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: public.ecr.aws/nginx/nginx:1.27
          env:
            - { name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }
            - { name: API_TOKEN, value: tok-live-1234 }
          resources: { requests: { cpu: 250m, memory: 512Mi }, limits: { cpu: 250m, memory: 512Mi } }
`,
      'profile.json': JSON.stringify({
        fargateProfile: {
          fargateProfileName: 'shop',
          clusterName: 'demo',
          podExecutionRoleArn: 'arn:aws:iam::111122223333:role/pod-exec',
          subnets: ['subnet-0a'],
          selectors: [{ namespace: 'shop' }],
          status: 'ACTIVE',
        },
      }),
      'secret.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: shop }\ndata: { password: c2VjcmV0LXBhc3N3b3Jk }\nstringData: { token: plain-token-value }\n',
    });
    const io = captureIo();
    expect(await run(['plan', dir, '--to', 'auto-mode', '--format', 'md', '--cluster-version', '1.31'], io)).toBe(0);
    // The wave names the workload (so the checks below are not vacuous).
    expect(io.out()).toContain('**Moves (1):** Deployment `web`');
    for (const secret of ['c2VjcmV0LXBhc3N3b3Jk', 'plain-token-value', 'tok-live-1234']) expect(io.out() + io.err()).not.toContain(secret);
  });
});
