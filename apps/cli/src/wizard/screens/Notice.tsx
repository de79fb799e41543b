import { ScrollBox } from '../components/ScrollBox.js';
import type { Size } from '../deps.js';
import { isChar, movement, scrollBy, type KeyEvent } from '../keys.js';
import { bodyHeight, scrollMax } from '../layout.js';
import type { Notice as NoticeData, WizardModel } from '../model.js';
import { setAside } from '../state-file.js';
import { plural, wrap, type Line } from '../text.js';

export function noticeLines(notice: NoticeData, width: number): Line[] {
  const para = (text: string, tone?: Line['tone']) => wrap(text, width).map((t) => ({ text: t, ...(tone ? { tone } : {}) }));
  if (notice.kind === 'state-problem') {
    const what = notice.loaded.kind === 'corrupt' ? 'is damaged' : 'is not a progress file this modeshift can read';
    return [
      { text: 'The saved progress cannot be used', bold: true, tone: 'warn' },
      ...para(`${notice.path} ${what}: ${notice.loaded.reason}.`),
      { text: '' },
      { text: 'What now?', bold: true },
      { text: '  f  start fresh: the file is moved aside (kept as .bad), not deleted', tone: 'accent' },
      { text: '  r  continue without saving: the file is left as it is', tone: 'accent' },
      { text: '  q  quit, to look at the file first', tone: 'accent' },
    ];
  }
  const list = (ids: string[], mark: string) => ids.flatMap((id) => para(`  ${mark} ${id}`));
  return [
    { text: 'The plan changed since your last session', bold: true, tone: 'warn' },
    ...para(
      `The inventory or the options differ from when the progress was saved. Progress carried over for ${plural(notice.carried, 'step')} whose id is unchanged.`,
    ),
    ...(notice.added.length ? [{ text: `New steps (${notice.added.length})`, bold: true }, ...list(notice.added, '+')] : []),
    ...(notice.gone.length ? [{ text: `Steps no longer in the plan (${notice.gone.length})`, bold: true }, ...list(notice.gone, '-')] : []),
    ...(notice.goneWithProgress.length
      ? para(`${plural(notice.goneWithProgress.length, 'gone step')} had progress; that progress stays in the file in case the steps come back.`, 'muted')
      : []),
    { text: '' },
    { text: 'Enter or Esc continues', tone: 'accent' },
  ];
}

/** The operator's answer to a state file modeshift cannot read. Never deletes it: a fresh start moves it aside. */
export function resolveStateProblem(m: WizardModel, choice: 'fresh' | 'no-save'): void {
  if (m.notice?.kind !== 'state-problem') return;
  const { path } = m.notice;
  m.notice = null;
  if (choice === 'no-save') {
    m.persistence = 'off';
    m.flash('Progress will not be saved in this session.', 'warn');
    return;
  }
  try {
    m.flash(`The unreadable file was moved to ${setAside(path)}; starting fresh.`, 'warn');
  } catch (error) {
    m.persistence = 'off';
    m.flash(`Could not move ${path} aside (${(error as NodeJS.ErrnoException).code ?? 'error'}); progress will not be saved.`, 'bad');
  }
}

export function noticeKeys(m: WizardModel, ev: KeyEvent, size: Size): void {
  const notice = m.notice!;
  const delta = movement(ev, bodyHeight(size));
  if (delta !== null) {
    m.noticeScroll = scrollBy(m.noticeScroll, delta, scrollMax(noticeLines(notice, size.columns).length, bodyHeight(size)));
    return;
  }
  if (notice.kind === 'state-problem') {
    if (isChar(ev, 'f')) resolveStateProblem(m, 'fresh');
    else if (isChar(ev, 'r')) resolveStateProblem(m, 'no-save');
    else if (isChar(ev, 'q')) {
      m.persistence = 'off';
      m.notice = null;
      m.quit();
    }
    return;
  }
  if (ev.name === 'enter' || ev.name === 'escape') m.notice = null;
  else if (isChar(ev, 'q')) {
    m.notice = null;
    m.quit();
  }
}

export function Notice({ m, size }: { m: WizardModel; size: Size }) {
  return <ScrollBox lines={noticeLines(m.notice!, size.columns)} offset={m.noticeScroll} height={bodyHeight(size)} width={size.columns} />;
}
