import { Text } from 'ink';
import type { Line } from '../text.js';
import { usePaint } from '../theme.js';

/** One terminal row: never wraps, so a view's height is its number of rows. */
export function Row({ line, inverse = false }: { line: Line; inverse?: boolean }) {
  const paint = usePaint();
  return (
    <Text wrap="truncate-end" color={paint(line.tone)} bold={line.bold ?? false} inverse={inverse}>
      {line.text === '' ? ' ' : line.text}
    </Text>
  );
}
