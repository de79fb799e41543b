import { ScrollBox } from '../components/ScrollBox.js';
import type { Size } from '../deps.js';
import { bodyHeight } from '../layout.js';
import type { WizardModel } from '../model.js';
import { wrap, type Line } from '../text.js';

const SECTIONS: [string, string][] = [
  ['Everywhere', '? this help · q saves and quits · Tab / Shift-Tab next / previous screen · 1–6 jump to a screen · Esc, b or ← back · ↑↓ or j/k move · PgUp/PgDn/space page · g/G first/last · Enter or → open'],
  ['Source', 'Enter picks · Tab completes a path · o opens another inventory · r reloads'],
  ['Direction', '↑↓ (or a / f) picks the target mode · v sets the Kubernetes version when the inventory has none · Enter builds the plan'],
  ['Overview', '↑↓ scroll · Enter goes to the findings'],
  ['Findings', '/ filters by name or namespace (Enter keeps the filter, Esc clears it) · Enter opens the detail · Esc back'],
  [
    'Walk-through',
    'Enter opens a step · d done · s skipped · n not applicable · u open again · e note · c copies the commands (to modeshift-commands.sh, printed on exit) · v runs the verification after you confirm (read-only commands only) · [ and ] previous / next step. A step marked done shows as waiting while a step it depends on is open.',
  ],
  ['Export', 'Enter picks a format, then edit the path and press Enter to write it'],
];

export function helpLines(m: WizardModel, width: number): Line[] {
  const out: Line[] = [{ text: 'Keys (? or Esc closes this help)', bold: true, tone: 'accent' }];
  for (const [title, text] of SECTIONS) out.push({ text: title, bold: true }, ...wrap(text, width, '  ').map((t) => ({ text: t })));
  const where = m.persistence === 'off' ? 'Progress is not being saved in this session.' : m.statePath ? `Progress is saved after every change to ${m.statePath}` : 'Progress is saved once an inventory is loaded.';
  out.push({ text: '' }, ...wrap(where, width).map((t) => ({ text: t, tone: 'muted' as const })));
  return out;
}

export function Help({ m, size }: { m: WizardModel; size: Size }) {
  return <ScrollBox lines={helpLines(m, size.columns)} offset={m.helpScroll} height={bodyHeight(size)} width={size.columns} />;
}
