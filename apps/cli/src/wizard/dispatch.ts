import type { Size } from './deps.js';
import { isBack, isChar, movement, scrollBy, type KeyEvent } from './keys.js';
import { bodyHeight, scrollMax } from './layout.js';
import type { WizardModel } from './model.js';
import { helpLines } from './screens/Help.js';
import { noticeKeys } from './screens/Notice.js';
import { SCREEN_REGISTRY } from './screen-registry.js';
import { SCREENS } from './screen-ids.js';

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
  if (SCREEN_REGISTRY[m.screen].keys(m, ev, size)) {
    // A key that did something else clears the last message; one that set a new message keeps it.
    if (m.message === before && before?.tone !== 'bad') m.message = null;
    return;
  }
  // Moving elsewhere leaves the last message behind, so it is never read as being about the new place.
  if (before?.tone !== 'bad' && !isChar(ev, '?')) m.message = null;
  if (isChar(ev, '?')) {
    m.help = true;
    m.helpScroll = 0;
  } else if (isChar(ev, 'q')) {
    m.quit();
  } else if (ev.name === 'tab') {
    m.step(1);
  } else if (ev.name === 'backtab') {
    m.step(-1);
  } else if (ev.name === 'char' && !ev.ctrl && /^[1-9]$/.test(ev.ch) && Number(ev.ch) <= SCREENS.length) {
    m.goto(SCREENS[Number(ev.ch) - 1]!);
  } else if (isBack(ev)) {
    const back = SCREEN_REGISTRY[m.screen].back;
    if (back) m.goto(back);
    else m.flash('This is the first screen: q quits.', 'info');
  }
}
