/** How many words every text starts with, and how many every text ends with (not overlapping). */
export function sharedEnds(texts: readonly string[][]): { head: number; tail: number } {
  // A loop, not Math.min(...lengths): spread arguments overflow the stack past about 120,000 texts.
  let shortest = Infinity;
  for (const m of texts) if (m.length < shortest) shortest = m.length;
  const first = texts[0]!;
  let head = 0;
  while (head < shortest && texts.every((m) => m[head] === first[head])) head += 1;
  let tail = 0;
  while (tail < shortest - head && texts.every((m) => m[m.length - 1 - tail] === first[first.length - 1 - tail])) tail += 1;
  return { head, tail };
}

/** "Create Fargate profile a", "Create Fargate profile b" → "Create Fargate profile …" and ["a", "b"]. */
export function sharedText(texts: readonly string[]): { shared: string; parts: string[] } {
  const words = texts.map((t) => t.split(' '));
  const { head, tail } = sharedEnds(words);
  const first = words[0] ?? [];
  const shared = [first.slice(0, head).join(' '), '…', tail > 0 ? first.slice(-tail).join(' ') : ''].filter((s) => s !== '').join(' ');
  return { shared, parts: words.map((w) => w.slice(head, w.length - tail).join(' ')) };
}
