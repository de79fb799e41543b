import type { ReactNode } from 'react';
import type { Size } from './deps.js';
import type { KeyEvent } from './keys.js';
import type { WizardModel } from './model.js';
import { SCREENS, type ScreenId } from './screen-ids.js';
import { Direction, directionKeys } from './screens/Direction.js';
import { Export, exportKeys } from './screens/Export.js';
import { Findings, findingsKeys } from './screens/Findings.js';
import { Overview, overviewKeys } from './screens/Overview.js';
import { Source, sourceKeys } from './screens/Source.js';
import { Walkthrough, walkthroughKeys } from './screens/Walkthrough.js';

/** Everything the wizard knows about one screen besides its place in the order (screen-ids.ts). */
export interface Screen {
  /** In the header's tabs and as the heading of the screen's section in the help. */
  title: string;
  /** The keys that matter most right now, on the bottom line; the rest are one `?` away. */
  hints(m: WizardModel): string;
  /** The screen's section of the help. */
  help: string;
  /** Where Esc goes once the screen itself has nothing left to close; null on the first screen. */
  back: ScreenId | null;
  /** Handles a key; false leaves it to the keys that work everywhere. */
  keys(m: WizardModel, ev: KeyEvent, size: Size): boolean;
  view: (props: { m: WizardModel; size: Size }) => ReactNode;
}

/** One entry per screen: a new screen is an id in screen-ids.ts and its entry here. */
export const SCREEN_REGISTRY: Readonly<Record<ScreenId, Screen>> = {
  source: {
    title: 'Source',
    hints: (m) => (m.source.view === 'loaded' ? '↑↓ scroll · Enter continue · o other inventory · ? help · q quit' : '↑↓ move · Enter pick · Tab complete · ? help · q quit'),
    help: 'Enter picks · Tab completes a path · o opens another inventory · r reloads',
    back: null,
    keys: sourceKeys,
    view: Source,
  },
  direction: {
    title: 'Direction',
    hints: () => '↑↓ target · v version · Enter build the plan · Esc back · ? help · q quit',
    help: '↑↓ (or a / f) picks the target mode · v sets the Kubernetes version when the inventory has none · Enter builds the plan',
    back: 'source',
    keys: directionKeys,
    view: Direction,
  },
  overview: {
    title: 'Overview',
    hints: () => '↑↓ scroll · Enter/Tab findings · Esc back · ? help · q quit',
    help: '↑↓ scroll · Enter goes to the findings',
    back: 'direction',
    keys: overviewKeys,
    view: Overview,
  },
  findings: {
    title: 'Findings',
    hints: (m) => (m.findings.detail ? '↑↓ scroll · Esc back to the list · ? help · q quit' : '↑↓ move · / filter · Enter detail · Esc back · Tab next · ? help · q quit'),
    help: '/ filters by name or namespace (Enter keeps the filter, Esc clears it) · Enter opens the detail · Esc back',
    back: 'overview',
    keys: findingsKeys,
    view: Findings,
  },
  walkthrough: {
    title: 'Walk-through',
    hints: (m) => (m.walk.detail ? '↑↓ scroll · [ ] step · d s n u mark · e note · c copy · v verify · Esc list · ?' : '↵ open · d done · s skip · n n/a · u undo · e note · c copy · v verify · ? help'),
    help:
      'Enter opens a step · d done · s skipped · n not applicable (each then moves to the next open step) · u open again · e note · ' +
      'c copies the commands (to the terminal clipboard, and to modeshift-commands.sh; printed on exit) · v runs the verification after you confirm ' +
      '(read-only commands only) · [ and ] previous / next step. A step marked done shows as waiting while a step it depends on is open.',
    back: 'findings',
    keys: walkthroughKeys,
    view: Walkthrough,
  },
  export: {
    title: 'Export',
    hints: () => '↑↓ move · Enter choose and write · Esc back · ? help · q quit',
    help: 'Enter picks a format, then edit the path and press Enter to write it',
    back: 'walkthrough',
    keys: exportKeys,
    view: Export,
  },
};

/** The screens in order, each with its id. */
export const screensInOrder = (): { id: ScreenId; screen: Screen }[] => SCREENS.map((id) => ({ id, screen: SCREEN_REGISTRY[id] }));
