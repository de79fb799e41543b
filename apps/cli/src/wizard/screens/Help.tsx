import { ScrollBox } from '../components/ScrollBox.js';
import type { Size } from '../deps.js';
import { bodyHeight } from '../layout.js';
import type { WizardModel } from '../model.js';
import { screensInOrder } from '../screen-registry.js';
import { wrap, type Line } from '../text.js';

const EVERYWHERE = (count: number) =>
  `? this help · q saves and quits · Tab / Shift-Tab next / previous screen · 1–${count} jump to a screen · Esc, b or ← back · ↑↓ or j/k move · PgUp/PgDn/space page · g/G first/last · Enter or → open`;

/** The keys that work everywhere, then each screen's own, from the screen registry. */
function sections(): [string, string][] {
  const screens = screensInOrder();
  return [['Everywhere', EVERYWHERE(screens.length)], ...screens.map(({ screen }): [string, string] => [screen.title, screen.help])];
}

export function helpLines(m: WizardModel, width: number): Line[] {
  const out: Line[] = [{ text: 'Keys (? or Esc closes this help)', bold: true, tone: 'accent' }];
  for (const [title, text] of sections()) out.push({ text: title, bold: true }, ...wrap(text, width, '  ').map((t) => ({ text: t })));
  const where =
    m.persistence === 'off'
      ? 'Progress is not being saved in this session.'
      : m.statePath
        ? `Progress is saved after every change to ${m.statePath}`
        : 'Progress is saved once an inventory is loaded.';
  out.push({ text: '' }, ...wrap(where, width).map((t) => ({ text: t, tone: 'muted' as const })));
  return out;
}

export function Help({ m, size }: { m: WizardModel; size: Size }) {
  return <ScrollBox lines={helpLines(m, size.columns)} offset={m.helpScroll} height={bodyHeight(size)} width={size.columns} />;
}
