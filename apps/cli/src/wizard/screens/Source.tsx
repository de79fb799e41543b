import { relative, resolve } from 'node:path';
import { Box } from 'ink';
import type { Inventory } from '@modeshift/core';
import { List } from '../components/List.js';
import { Row } from '../components/Row.js';
import { ScrollBox } from '../components/ScrollBox.js';
import { completePath } from '../complete.js';
import type { Size } from '../deps.js';
import { editLine, isBack, isChar, isOpen, movement, moveIndex, scrollBy, type KeyEvent } from '../keys.js';
import { bodyHeight, scrollMax } from '../layout.js';
import type { WizardModel } from '../model.js';
import { plural, wrap, type Line } from '../text.js';

/** What the inventory holds besides workloads, counted as "1 PVC", "2 PVCs" (plural() knows the rest). */
const LABELS: [keyof Inventory, string, string?][] = [
  ['fargateProfiles', 'Fargate profile'],
  ['nodegroups', 'node group'],
  ['nodes', 'node'],
  ['nodePools', 'NodePool'],
  ['nodeClasses', 'NodeClass'],
  ['namespaces', 'namespace'],
  ['services', 'Service'],
  ['ingresses', 'Ingress'],
  ['ingressClasses', 'IngressClass'],
  ['storageClasses', 'StorageClass'],
  ['persistentVolumeClaims', 'PVC'],
  ['persistentVolumes', 'PV'],
  ['podDisruptionBudgets', 'PDB'],
  ['networkPolicies', 'NetworkPolicy'],
  ['serviceAccounts', 'ServiceAccount'],
  ['securityGroupPolicies', 'SecurityGroupPolicy'],
  ['configMaps', 'ConfigMap'],
  ['secrets', 'Secret (names only)', 'Secrets (names only)'],
  ['horizontalPodAutoscalers', 'HPA'],
  ['securityGroups', 'security group'],
  ['subnets', 'subnet'],
  ['other', 'other object'],
];

/** "9 Deployments · 1 DaemonSet" for workloads, then the other kinds the inventory holds. */
export function inventoryCounts(inv: Inventory): { workloads: string; others: string } {
  const byKind = new Map<string, number>();
  for (const w of inv.workloads) byKind.set(w.kind, (byKind.get(w.kind) ?? 0) + 1);
  const workloads = [...byKind].map(([kind, n]) => plural(n, kind)).join(' · ') || 'none';
  const others = LABELS.map(([key, one, many]) => [one, many, (inv[key] as unknown[] | null)?.length ?? 0] as const)
    .filter(([, , n]) => n > 0)
    .map(([one, many, n]) => plural(n, one, many))
    .join(' · ');
  return { workloads, others };
}

export function menuItems(m: WizardModel): string[] {
  const items = ['Type a path to an inventory (files or directories; Tab completes)'];
  for (const ex of m.examples) items.push(`Bundled example: ${ex.label}`);
  items.push(
    m.deps.collect
      ? 'Collect from the current kube context (read-only) into ./modeshift-inventory'
      : 'Current kube context: run `modeshift collect --out <dir>`, then type that path',
  );
  return items;
}

export function summaryLines(m: WizardModel, width: number): Line[] {
  const { result, paths } = m.source;
  const shown = paths.map((p) => relative(m.deps.cwd, p) || '.').join(', ');
  const out: Line[] = [{ text: `Inventory: ${shown}`, bold: true }];
  const errors = m.loadErrors();
  if (result) {
    const docs = result.files.reduce((n, f) => n + f.documents, 0);
    out.push({ text: `  ${plural(result.files.length, 'file')} read, ${plural(docs, 'document')}` });
    const c = result.inventory.cluster;
    out.push({
      text: c
        ? `  Cluster ${c.name}${c.region ? ` (${c.region})` : ''}${c.version ? `, Kubernetes ${c.version}` : ', version unknown'}`
        : '  No cluster description (aws eks describe-cluster): the version is asked next',
      tone: c ? undefined : 'warn',
    });
    const counts = inventoryCounts(result.inventory);
    out.push(...wrap(`Workloads: ${counts.workloads}`, width, '  ').map((text) => ({ text })));
    if (counts.others) out.push(...wrap(`Also: ${counts.others}`, width, '  ').map((text) => ({ text, tone: 'muted' as const })));
    // Skipped input is not in the plan; a warning's input is, read as kubectl reads it.
    for (const [severity, heading] of [
      ['skipped', 'Skipped'],
      ['warning', 'Read with a warning'],
    ] as const) {
      const listed = result.problems.filter((p) => p.severity === severity);
      if (listed.length === 0) continue;
      out.push({ text: `${heading} (${listed.length}):`, tone: 'warn', bold: true });
      for (const p of listed)
        out.push(
          ...wrap(`${relative(m.deps.cwd, p.file) || p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`, width, '  ').map((text) => ({
            text,
            tone: 'warn' as const,
          })),
        );
    }
  }
  if (errors.length > 0) {
    out.push({ text: `Errors (${errors.length}): fix them, then r reloads, or o opens another inventory`, tone: 'bad', bold: true });
    for (const e of errors) out.push(...wrap(e, width, '  ').map((text) => ({ text, tone: 'bad' as const })));
  } else {
    out.push({ text: '' }, { text: 'Enter continues to the direction · o opens another inventory', tone: 'accent' });
  }
  return out;
}

export function sourceKeys(m: WizardModel, ev: KeyEvent, size: Size): boolean {
  const s = m.source;
  if (s.view === 'loading' || s.view === 'collecting') return !isChar(ev, 'q', '?');
  if (s.view === 'path') {
    if (ev.name === 'tab') {
      const c = completePath(s.path, m.deps.cwd);
      s.path = c.value;
      s.completions = c.candidates;
      return true;
    }
    const edit = editLine(s.path, ev);
    s.path = edit.value;
    s.completions = [];
    if (edit.done === 'cancel') s.view = 'menu';
    if (edit.done === 'submit' && s.path.trim() !== '') void m.loadSource([s.path.trim()]);
    return true;
  }
  if (s.view === 'menu') {
    const items = menuItems(m);
    const delta = movement(ev, items.length);
    if (delta !== null) s.cursor = moveIndex(s.cursor, delta, items.length);
    else if (isOpen(ev)) openMenuItem(m, s.cursor);
    else return false;
    return true;
  }
  // loaded
  const delta = movement(ev, bodyHeight(size));
  if (delta !== null) {
    const max = scrollMax(summaryLines(m, size.columns).length, bodyHeight(size));
    s.cursor = scrollBy(s.cursor, delta, max);
  } else if (isChar(ev, 'o') || isBack(ev)) {
    Object.assign(s, { view: 'menu', cursor: 0 });
  } else if (isChar(ev, 'r')) {
    void m.loadSource(s.paths);
  } else if (ev.name === 'enter') {
    m.goto('direction');
  } else return false;
  return true;
}

function openMenuItem(m: WizardModel, index: number): void {
  const s = m.source;
  if (index === 0) {
    Object.assign(s, { view: 'path', completions: [] });
    return;
  }
  const example = m.examples[index - 1];
  if (example) {
    void m.loadSource(example.paths);
    return;
  }
  const collect = m.deps.collect;
  if (!collect) {
    m.flash('Collect first: modeshift collect --out <dir> (read-only), then choose "Type a path".', 'info');
    return;
  }
  const out = resolve(m.deps.cwd, 'modeshift-inventory');
  Object.assign(s, { view: 'collecting', progress: 'connecting…' });
  m.changed();
  collect(out, (text) => {
    s.progress = text;
    m.changed();
  }).then(
    () => m.loadSource([out]),
    (error: Error) => {
      Object.assign(s, { view: 'menu', progress: '' });
      m.flash(`Collect failed: ${error.message}`, 'bad');
      m.changed();
    },
  );
}

export function Source({ m, size }: { m: WizardModel; size: Size }) {
  const s = m.source;
  const height = bodyHeight(size);
  const width = size.columns;
  if (s.view === 'loading' || s.view === 'collecting') {
    const text = s.view === 'loading' ? `Loading ${s.paths.map((p) => relative(m.deps.cwd, p) || '.').join(', ')}…` : `Collecting: ${s.progress}`;
    return <Row line={{ text, tone: 'accent' }} />;
  }
  if (s.view === 'loaded') return <ScrollBox lines={summaryLines(m, width)} offset={s.cursor} height={height} width={width} />;
  const items = menuItems(m);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Row line={{ text: 'Which inventory should modeshift plan from?', bold: true }} />
      <Row line={{ text: '' }} />
      <List
        count={items.length}
        cursor={s.view === 'menu' ? s.cursor : -1}
        height={Math.min(items.length, 6)}
        width={width}
        renderRow={(i, selected) => <Row line={{ text: `${selected ? '❯' : ' '} ${items[i]}`, tone: selected ? 'accent' : undefined }} />}
      />
      {s.view === 'path' ? (
        <Box flexDirection="column" marginTop={1}>
          <Row line={{ text: `Path: ${s.path}▏`, tone: 'accent' }} />
          <Row line={{ text: 'Tab completes · Enter loads · Esc goes back', tone: 'muted' }} />
          {s.completions.slice(0, Math.max(0, height - 12)).map((c) => (
            <Row key={c} line={{ text: `  ${c}`, tone: 'muted' }} />
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
