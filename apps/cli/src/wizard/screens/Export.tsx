import { relative } from 'node:path';
import { Box } from 'ink';
import { List } from '../components/List.js';
import { Row } from '../components/Row.js';
import type { Size } from '../deps.js';
import { exportItems, runExport } from '../export-actions.js';
import { editLine, isOpen, movement, moveIndex, type KeyEvent } from '../keys.js';
import { bodyHeight } from '../layout.js';
import type { WizardModel } from '../model.js';

export function exportKeys(m: WizardModel, ev: KeyEvent): boolean {
  const x = m.exporter;
  if (x.busy) return true;
  const items = exportItems(m);
  if (x.editing) {
    const edit = editLine(x.path, ev);
    x.path = edit.value;
    if (edit.done) x.editing = false;
    const item = items[x.cursor];
    if (edit.done === 'submit' && item && x.path.trim() !== '') void runExport(m, item, x.path.trim());
    return true;
  }
  const delta = movement(ev, items.length);
  if (delta !== null) x.cursor = moveIndex(x.cursor, delta, items.length);
  else if (isOpen(ev)) {
    const item = items[x.cursor]!;
    if (item.unavailable) m.flash(`Not available: ${item.unavailable}.`, 'warn');
    else Object.assign(x, { editing: true, path: relative(m.deps.cwd, item.file) || item.file });
  } else return false;
  return true;
}

export function Export({ m, size }: { m: WizardModel; size: Size }) {
  const x = m.exporter;
  const items = exportItems(m);
  const height = bodyHeight(size);
  const room = Math.max(0, height - items.length - 5);
  return (
    <Box flexDirection="column" width={size.columns} height={height}>
      <Row line={{ text: 'Export the plan (Enter, then edit the path and press Enter to write)', bold: true }} />
      <List
        count={items.length}
        cursor={x.cursor}
        height={items.length}
        width={size.columns}
        renderRow={(i, selected) => {
          const item = items[i]!;
          const where = item.unavailable ? `(${item.unavailable})` : `→ ${relative(m.deps.cwd, item.file) || item.file}`;
          return <Row line={{ text: `${selected ? '❯' : ' '} ${item.label} ${where}`, tone: item.unavailable ? 'muted' : selected ? 'accent' : undefined }} />;
        }}
      />
      <Row line={{ text: '' }} />
      {x.editing ? (
        <Row line={{ text: `Path: ${x.path}▏  (Enter writes, Esc cancels)`, tone: 'accent' }} />
      ) : x.busy ? (
        <Row line={{ text: 'Writing…', tone: 'accent' }} />
      ) : (
        <Row line={{ text: 'Files are written atomically; an existing file is replaced.', tone: 'muted' }} />
      )}
      <Row line={{ text: '' }} />
      {x.results.slice(0, room).map((r, i) => (
        <Row key={i} line={{ text: r.text, tone: r.tone }} />
      ))}
    </Box>
  );
}
