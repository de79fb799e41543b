import { Box } from 'ink';
import { clamp } from '../keys.js';
import { scrollMax, scrollRows } from '../layout.js';
import type { Line } from '../text.js';
import { Row } from './Row.js';

/** A window on pre-wrapped lines; only the rows in view are rendered. */
export function ScrollBox({ lines, offset, height, width }: { lines: Line[]; offset: number; height: number; width: number }) {
  const top = clamp(offset, 0, scrollMax(lines.length, height));
  const rows = scrollRows(lines.length, height);
  const visible = lines.slice(top, top + rows);
  const overflow = lines.length > height;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {visible.map((line, i) => (
        <Row key={top + i} line={line} />
      ))}
      {overflow ? <Row line={{ text: `── ${top + 1}–${top + visible.length} of ${lines.length} · ↑↓ PgUp PgDn ──`, tone: 'muted' }} /> : null}
    </Box>
  );
}
