import type { ReactNode } from 'react';
import { Box } from 'ink';
import { windowTop } from '../layout.js';
import { Row } from './Row.js';

export interface ListProps {
  count: number;
  /** Row index the cursor is on (-1: none). */
  cursor: number;
  height: number;
  width: number;
  renderRow: (index: number, selected: boolean) => ReactNode;
  /** Shown when there are no rows. */
  empty?: string;
}

/**
 * A virtualised list: of thousands of rows only `height` are ever built, so a plan with thousands of
 * findings renders as fast as one with ten.
 */
export function List({ count, cursor, height, width, renderRow, empty }: ListProps) {
  if (count === 0) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Row line={{ text: empty ?? 'Nothing to show.', tone: 'muted' }} />
      </Box>
    );
  }
  const overflow = count > height;
  const rows = overflow ? Math.max(1, height - 1) : height;
  const top = windowTop(count, Math.max(0, cursor), rows);
  const indices = Array.from({ length: Math.min(rows, count - top) }, (_, i) => top + i);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {indices.map((i) => (
        <Box key={i} width={width}>
          {renderRow(i, i === cursor)}
        </Box>
      ))}
      {overflow ? <Row line={{ text: `── ${top + 1}–${top + indices.length} of ${count} ──`, tone: 'muted' }} /> : null}
    </Box>
  );
}
