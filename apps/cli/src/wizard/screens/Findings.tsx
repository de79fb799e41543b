import { Box } from 'ink';
import { remediationOf, sourcesOf, type Finding, type Plan, type RuleCatalogue, type Severity } from '@modeshift/core';
import { List } from '../components/List.js';
import { Row } from '../components/Row.js';
import { ScrollBox } from '../components/ScrollBox.js';
import type { Size } from '../deps.js';
import { findingRows, resourceLabel, type FindingRows } from '../findings-rows.js';
import { editLine, isBack, isChar, isOpen, movement, moveIndex, scrollBy, type KeyEvent } from '../keys.js';
import { bodyHeight, scrollMax, split } from '../layout.js';
import type { WizardModel } from '../model.js';
import { wrap, type Line, type Tone } from '../text.js';

export const SEVERITY_TONE: Record<Severity, Tone> = { blocker: 'bad', change: 'warn', advisory: 'info', gain: 'good' };

const cache = new WeakMap<Plan, { query: string; rows: FindingRows; answers: Map<string, string | undefined> }>();

/** Rows for the current filter, rebuilt only when the plan or the query changes. */
export function rowsFor(m: WizardModel): FindingRows & { answeredBy: (id: string) => string | undefined } {
  const plan = m.plan!;
  let hit = cache.get(plan);
  if (!hit || hit.query !== m.findings.query) {
    hit = { query: m.findings.query, rows: findingRows(plan, m.findings.query), answers: hit?.answers ?? new Map<string, string | undefined>() };
    cache.set(plan, hit);
  }
  const answers = hit.answers;
  const answeredBy = (id: string) => {
    if (!answers.has(id)) answers.set(id, stepFor(plan, id));
    return answers.get(id);
  };
  return { ...hit.rows, answeredBy };
}

/**
 * The first step that answers a finding, looked up for the findings shown only: an index of all of them
 * cost a third of the time it takes to open the screen on a 20,000-workload plan; one lookup is a scan.
 */
function stepFor(plan: Plan, id: string): string | undefined {
  for (const stage of plan.stages) for (const step of stage.steps) if (step.findings.includes(id)) return `${step.id}: ${step.title}`;
  return undefined;
}

export function findingLines(rules: RuleCatalogue, f: Finding, answeredBy: string | undefined, width: number): Line[] {
  const sources = sourcesOf(rules, f);
  const tone = SEVERITY_TONE[f.severity];
  const para = (text: string, t?: Tone) => wrap(text, width, '  ').map((line) => ({ text: line, ...(t ? { tone: t } : {}) }));
  return [
    { text: `${f.severity.toUpperCase()} · ${f.capability} · ${resourceLabel(f)}`, tone, bold: true },
    ...para(f.message),
    { text: 'Remediation', bold: true },
    ...para(remediationOf(rules, f)),
    ...(sources.length ? [{ text: 'Sources (AWS documentation)', bold: true }, ...sources.flatMap((s) => para(s, 'info'))] : []),
    { text: 'Answered by', bold: true },
    ...para(answeredBy ?? 'no step: read it and decide (verification stage)', 'accent'),
    ...para(`id ${f.id}`, 'muted'),
  ];
}

export function findingsKeys(m: WizardModel, ev: KeyEvent, size: Size): boolean {
  const f = m.findings;
  if (f.editing) {
    const edit = editLine(f.query, ev);
    if (edit.done === 'cancel') f.query = '';
    else f.query = edit.value;
    if (edit.done) f.editing = false;
    f.cursor = 0;
    return true;
  }
  const { items, answeredBy } = rowsFor(m);
  const layout = split(size, 1);
  if (f.detail) {
    const height = layout.wide ? layout.detailHeight : bodyHeight(size) - 1;
    const delta = movement(ev, height);
    const current = items[f.cursor];
    if (delta !== null && current)
      f.scroll = scrollBy(f.scroll, delta, scrollMax(findingLines(m.plan!.rules, current, answeredBy(current.id), layout.detailWidth).length, height));
    else if (isBack(ev)) f.detail = false;
    else return false;
    return true;
  }
  const delta = movement(ev, layout.listHeight);
  if (delta !== null) {
    f.cursor = moveIndex(f.cursor, delta, items.length);
    f.scroll = 0;
  } else if (isChar(ev, '/')) {
    f.editing = true;
  } else if (isOpen(ev) && items.length > 0) {
    f.detail = true;
    f.scroll = 0;
  } else if (ev.name === 'escape' && f.query !== '') {
    f.query = '';
    f.cursor = 0;
  } else return false;
  return true;
}

function ListRow({ rows, index, selected }: { rows: FindingRows; index: number; selected: boolean }) {
  const row = rows.row(index);
  if (row.kind === 'group') {
    return (
      <Row line={{ text: `${row.severity.toUpperCase()} · ${row.title} · ${row.capability} (${row.count})`, tone: SEVERITY_TONE[row.severity], bold: true }} />
    );
  }
  const f = row.finding;
  // Under its rule's header a finding needs only its resource; the message is in the detail pane.
  return <Row line={{ text: `${selected ? '❯' : ' '} ${resourceLabel(f)}`, tone: selected ? 'accent' : undefined }} inverse={false} />;
}

export function Findings({ m, size }: { m: WizardModel; size: Size }) {
  const f = m.findings;
  const rows = rowsFor(m);
  const { items, answeredBy } = rows;
  const layout = split(size, 1);
  const current = items[f.cursor];
  const filter = f.editing ? `/${f.query}▏ (Enter keeps, Esc clears)` : f.query ? `filter /${f.query} (Esc clears)` : '/ filters by name or namespace';
  const header: Line = {
    text: `Findings: ${items.length}${f.query ? ` of ${m.plan!.findings.length}` : ''} · ${filter}`,
    tone: f.editing ? 'accent' : 'muted',
  };
  const detail = current
    ? findingLines(m.plan!.rules, current, answeredBy(current.id), layout.detailWidth)
    : [{ text: 'No finding matches.', tone: 'muted' as const }];
  if (f.detail && !layout.wide) {
    return (
      <Box flexDirection="column" width={size.columns}>
        <Row line={{ text: 'Finding (Esc: back to the list)', tone: 'muted' }} />
        <ScrollBox lines={detail} offset={f.scroll} height={bodyHeight(size) - 1} width={size.columns} />
      </Box>
    );
  }
  const list = (
    <List
      count={rows.count}
      cursor={current ? rows.rowOf(f.cursor) : -1}
      height={layout.listHeight}
      width={layout.listWidth}
      empty={m.plan!.findings.length === 0 ? 'The plan has no findings.' : 'No finding matches the filter.'}
      renderRow={(i, selected) => <ListRow rows={rows} index={i} selected={selected} />}
    />
  );
  const pane = <ScrollBox lines={detail} offset={f.detail ? f.scroll : 0} height={layout.detailHeight} width={layout.detailWidth} />;
  return (
    <Box flexDirection="column" width={size.columns}>
      <Row line={header} />
      {layout.wide ? (
        <Box flexDirection="row">
          {list}
          <Box width={2} />
          {pane}
        </Box>
      ) : (
        <Box flexDirection="column">
          {list}
          <Row line={{ text: '─'.repeat(Math.max(0, size.columns - 1)), tone: 'muted' }} />
          {pane}
        </Box>
      )}
    </Box>
  );
}
