import { Box } from 'ink';
import type { Plan, Stage } from '@modeshift/core';
import { List } from '../components/List.js';
import { Row } from '../components/Row.js';
import { ScrollBox } from '../components/ScrollBox.js';
import type { Size } from '../deps.js';
import { editLine, isBack, isChar, isOpen, movement, moveIndex, scrollBy, type KeyEvent } from '../keys.js';
import { bodyHeight, scrollMax, split } from '../layout.js';
import { managedNotes, managedSuffix } from '../managed.js';
import type { WizardModel } from '../model.js';
import { isClosed } from '../progress.js';
import { recordOf } from '../state-file.js';
import { resultLines, STATUS_GLYPH, STATUS_TONE, stepLines } from '../step-lines.js';
import type { Line } from '../text.js';
import { askVerify, copyCommands, currentEntry, entriesById, mark, runConfirmedVerify, setNote, stepEntries } from '../walk-actions.js';

type WalkRow = { kind: 'stage'; stage: Stage; number: number } | { kind: 'step'; entry: number };
const rowsCache = new WeakMap<Plan, { rows: WalkRow[]; rowOf: number[] }>();

/** Stage headings between the steps; the cursor moves over steps only. */
function walkRows(plan: Plan): { rows: WalkRow[]; rowOf: number[] } {
  let hit = rowsCache.get(plan);
  if (!hit) {
    const rows: WalkRow[] = [];
    const rowOf: number[] = [];
    let entry = 0;
    plan.stages.forEach((stage, i) => {
      rows.push({ kind: 'stage', stage, number: i + 1 });
      for (const _ of stage.steps) {
        rowOf.push(rows.length);
        rows.push({ kind: 'step', entry: entry++ });
      }
    });
    hit = { rows, rowOf };
    rowsCache.set(plan, hit);
  }
  return hit;
}

/** The detail pane's lines: the verification result while one is shown, else the step. */
function detailLines(m: WizardModel, width: number): Line[] {
  const entry = currentEntry(m);
  if (!entry) return [{ text: 'The plan has no steps.', tone: 'muted' }];
  if (m.walk.mode === 'result' && m.walk.result) return resultLines(m.walk.result, entry.step.verify.expect, width);
  const byId = entriesById(m.plan!);
  const titles = (id: string) => {
    const e = byId.get(id);
    return e ? `${e.number} ${e.step.title}` : id;
  };
  return stepLines(entry, m.views.get(entry.step.id), titles, m.deps.manifestText, width, managedNotes(m, entry.step));
}

function detailHeight(size: Size): number {
  const layout = split(size, 1);
  return layout.wide ? layout.detailHeight : bodyHeight(size) - 1;
}

/** Narrow terminals give the list the whole body; the details open over it. */
function listHeight(size: Size): number {
  const layout = split(size, 1);
  return layout.wide ? layout.listHeight : bodyHeight(size) - 1;
}

export function walkthroughKeys(m: WizardModel, ev: KeyEvent, size: Size): boolean {
  const w = m.walk;
  if (w.mode === 'running') {
    if (ev.name === 'escape') m.verifyAbort?.abort();
    // q still quits: quitting stops the command too.
    return !isChar(ev, 'q');
  }
  if (w.mode === 'note') {
    const edit = editLine(w.note, ev);
    w.note = edit.value;
    if (edit.done === 'submit') setNote(m, w.note);
    if (edit.done) w.mode = 'browse';
    return true;
  }
  if (w.mode === 'confirm') {
    if (isChar(ev, 'y', 'Y')) runConfirmedVerify(m);
    else {
      w.mode = 'browse';
      m.flash('Not run.', 'info');
    }
    return true;
  }
  const count = stepEntries(m.plan!).length;
  const focusDetail = w.detail || w.mode === 'result';
  const delta = movement(ev, focusDetail ? detailHeight(size) : listHeight(size));
  if (w.mode === 'result') {
    if (delta !== null) w.scroll = scrollBy(w.scroll, delta, scrollMax(detailLines(m, split(size, 1).detailWidth).length, detailHeight(size)));
    else if (isBack(ev) || ev.name === 'enter') Object.assign(w, { mode: 'browse', result: null, scroll: 0 });
    else return !isChar(ev, 'q', '?');
    return true;
  }
  if (delta !== null) {
    if (focusDetail) w.scroll = scrollBy(w.scroll, delta, scrollMax(detailLines(m, split(size, 1).detailWidth).length, detailHeight(size)));
    else {
      w.cursor = moveIndex(w.cursor, delta, count);
      w.scroll = 0;
      m.persist();
    }
  } else if (isChar(ev, ']', '[')) {
    w.cursor = moveIndex(w.cursor, isChar(ev, ']') ? 1 : -1, count);
    w.scroll = 0;
    m.persist();
  } else if (isOpen(ev) && !w.detail) {
    Object.assign(w, { detail: true, scroll: 0 });
  } else if (isBack(ev) && w.detail) {
    w.detail = false;
  } else if (isChar(ev, 'd')) mark(m, 'done');
  else if (isChar(ev, 's')) mark(m, 'skipped');
  else if (isChar(ev, 'n')) mark(m, 'not-applicable');
  else if (isChar(ev, 'u')) mark(m, 'open');
  else if (isChar(ev, 'c')) copyCommands(m);
  else if (isChar(ev, 'v')) askVerify(m);
  else if (isChar(ev, 'e')) {
    const id = currentEntry(m)?.step.id;
    w.note = (id && m.progress && recordOf(m.progress.steps, id)?.note) || '';
    w.mode = 'note';
  } else return false;
  return true;
}

function header(m: WizardModel): Line {
  const w = m.walk;
  const entry = currentEntry(m);
  if (w.mode === 'note') return { text: `Note: ${w.note}▏  (Enter saves, empty removes, Esc cancels)`, tone: 'accent' };
  if (w.mode === 'confirm') return { text: `Run it? y runs · any other key cancels · $ ${entry?.step.verify.command ?? ''}`, tone: 'warn', bold: true };
  if (w.mode === 'running') return { text: 'Running the verification… (Esc stops it)', tone: 'accent' };
  const views = [...m.views.values()];
  const closed = views.filter((v) => isClosed(v.status)).length;
  return { text: `Step ${w.cursor + 1} of ${views.length} · ${closed} closed · ${w.detail ? 'Esc: back to the list' : 'Enter: details'}`, tone: 'muted' };
}

export function Walkthrough({ m, size }: { m: WizardModel; size: Size }) {
  const w = m.walk;
  const plan = m.plan!;
  const layout = split(size, 1);
  const entries = stepEntries(plan);
  const { rows, rowOf } = walkRows(plan);
  const views = m.views;
  const focusDetail = w.detail || w.mode === 'result';
  if (focusDetail && !layout.wide) {
    return (
      <Box flexDirection="column" width={size.columns}>
        <Row line={header(m)} />
        <ScrollBox lines={detailLines(m, size.columns)} offset={w.scroll} height={bodyHeight(size) - 1} width={size.columns} />
      </Box>
    );
  }
  const renderRow = (i: number, selected: boolean) => {
    const row = rows[i]!;
    if (row.kind === 'stage') {
      const closed = row.stage.steps.filter((s) => isClosed(views.get(s.id)?.status ?? 'open')).length;
      return <Row line={{ text: `Stage ${row.number} · ${row.stage.title} (${closed}/${row.stage.steps.length})`, bold: true, tone: 'accent' }} />;
    }
    const { step, number } = entries[row.entry]!;
    const status = views.get(step.id)?.status ?? 'open';
    const suffix = `${status === 'waiting' ? ' (waiting)' : ''}${managedSuffix(m, step)}`;
    return (
      <Row
        line={{
          text: `${selected ? '❯' : ' '} ${STATUS_GLYPH[status]} ${number} ${step.title}${suffix}`,
          tone: selected ? 'accent' : STATUS_TONE[status],
          bold: selected,
        }}
      />
    );
  };
  const list = (
    <List
      count={rows.length}
      cursor={rowOf[w.cursor] ?? -1}
      height={listHeight(size)}
      width={layout.listWidth}
      renderRow={renderRow}
      empty="The plan has no steps."
    />
  );
  return (
    <Box flexDirection="column" width={size.columns}>
      <Row line={header(m)} />
      {layout.wide ? (
        <Box flexDirection="row">
          {list}
          <Box width={2} />
          <ScrollBox lines={detailLines(m, layout.detailWidth)} offset={focusDetail ? w.scroll : 0} height={layout.detailHeight} width={layout.detailWidth} />
        </Box>
      ) : (
        list
      )}
    </Box>
  );
}
