import type { Size } from './deps.js';
import { isBack, isChar, movement, scrollBy, type KeyEvent } from './keys.js';
import { bodyHeight, scrollMax } from './layout.js';
import type { WizardModel } from './model.js';
import { directionKeys } from './screens/Direction.js';
import { exportKeys } from './screens/Export.js';
import { findingsKeys } from './screens/Findings.js';
import { helpLines } from './screens/Help.js';
import { noticeKeys } from './screens/Notice.js';
import { overviewKeys } from './screens/Overview.js';
import { sourceKeys } from './screens/Source.js';
import { walkthroughKeys } from './screens/Walkthrough.js';
import { SCREENS, type ScreenId } from './state-file.js';

type ScreenKeys = (m: WizardModel, ev: KeyEvent, size: Size) => boolean;

const SCREEN_KEYS: Record<ScreenId, ScreenKeys> = {
  source: sourceKeys,
  direction: directionKeys,
  overview: overviewKeys,
  findings: findingsKeys,
  walkthrough: walkthroughKeys,
  export: exportKeys,
};

/** Where Esc goes from each screen once the screen itself has nothing left to close. */
const BACK: Record<ScreenId, ScreenId | null> = {
  source: null,
  direction: 'source',
  overview: 'direction',
  findings: 'overview',
  walkthrough: 'findings',
  export: 'walkthrough',
};

/**
 * One key, in priority order: a notice, the help, the screen (which may be holding a text field and take
 * every key), then the keys that work everywhere.
 */
export function dispatch(m: WizardModel, ev: KeyEvent, size: Size): void {
  if (m.exitRequested) return;
  if (m.notice) {
    noticeKeys(m, ev, size);
    return;
  }
  if (m.help) {
    const delta = movement(ev, bodyHeight(size));
    if (delta !== null) m.helpScroll = scrollBy(m.helpScroll, delta, scrollMax(helpLines(m, size.columns).length, bodyHeight(size)));
    else if (isChar(ev, 'q')) m.quit();
    else if (isChar(ev, '?') || isBack(ev) || ev.name === 'enter') m.help = false;
    return;
  }
  const before = m.message;
  if (SCREEN_KEYS[m.screen](m, ev, size)) {
    // A key that did something else clears the last message; one that set a new message keeps it.
    if (m.message === before && before?.tone !== 'bad') m.message = null;
    return;
  }
  if (isChar(ev, '?')) {
    m.help = true;
    m.helpScroll = 0;
  } else if (isChar(ev, 'q')) {
    m.quit();
  } else if (ev.name === 'tab') {
    m.step(1);
  } else if (ev.name === 'backtab') {
    m.step(-1);
  } else if (ev.name === 'char' && !ev.ctrl && /^[1-6]$/.test(ev.ch)) {
    m.goto(SCREENS[Number(ev.ch) - 1]!);
  } else if (isBack(ev)) {
    const back = BACK[m.screen];
    if (back) m.goto(back);
    else m.flash('This is the first screen: q quits.', 'info');
  }
}
