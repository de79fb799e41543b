/**
 * Breaks text at spaces so that no line is wider than `width` (a word longer than the room is left
 * whole: a URL or a name broken in two cannot be copied). The first line starts with `first`, the
 * others with `rest` (usually spaces that line them up under it).
 */
export function wrap(text: string, width: number, first: string, rest: string = ' '.repeat(first.length)): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Items joined with ", " and wrapped the same way: a compact list of names. */
export function wrapList(items: readonly string[], width: number, first: string, rest: string = ' '.repeat(first.length)): string[] {
  return wrap(items.map((item, i) => (i < items.length - 1 ? `${item},` : item)).join(' '), width, first, rest);
}
