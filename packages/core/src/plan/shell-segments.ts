/**
 * The simple commands one line of POSIX shell runs, as far as the plan's own lines need reading: the
 * parts between `;`, `;;`, `&&`, `||`, `|` and `&`, the commands inside `$(…)` and `<(…)`, without the
 * reserved words that only steer them (`if`, `then`, `do`, `while`, `!`, …) and without `case` patterns.
 * Quotes are respected, so a separator inside a quoted string (a JSON patch, a jsonpath) cuts nothing.
 *
 * Why: a plan's line like `aws iam get-role … || aws iam create-role …` changes something only in its
 * second part; read by its first part, the check that every change is covered by an effect would pass
 * a wrong create-role unseen.
 */

/** Words that open or close a compound command: the command, if any, follows them. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'esac', '!', '{', '}']);

/** Each simple command of the line, trimmed, outer ones first, then those of its substitutions. */
export function shellSegments(line: string): string[] {
  const out: string[] = [];
  const inner: string[] = [];
  split(line, 0, false, out, inner);
  // Each substitution's text is read again: its own parts are commands too (and so are theirs).
  for (const sub of inner) out.push(...shellSegments(sub));
  return out.map(withoutReservedWords).filter((s) => s !== '');
}

/** `do until s=$(…)` → `s=$(…)`; `fi` → ``. */
function withoutReservedWords(segment: string): string {
  let rest = segment.trim();
  for (;;) {
    const word = /^(\S+)(\s+|$)/.exec(rest);
    if (!word || !RESERVED.has(word[1] ?? '')) return rest;
    rest = rest.slice(word[0].length);
  }
}

/**
 * Reads `line` from `from` up to the `)` that closes a substitution (or the end): top-level parts into
 * `out`, the text of every `$(…)`/`<(…)` into `inner`. Each substitution is read by a call of its own,
 * with its own quoting: a `'` or `"` inside `"$(…)"` opens a new quote. Returns where reading stopped.
 */
function split(line: string, from: number, closing: boolean, out: string[], inner: string[]): number {
  let current = '';
  let quote: "'" | '"' | null = null;
  /** Subshells open (`( a; b )`): their `)` ends neither a substitution nor a case pattern. */
  let groups = 0;
  const cut = () => {
    out.push(current);
    current = '';
  };
  let i = from;
  for (; i < line.length; i++) {
    const c = line[i]!;
    const next = line[i + 1];
    if (quote === "'") {
      if (c === "'") quote = null;
      current += c;
      continue;
    }
    if (c === '\\') {
      current += c + (next ?? '');
      i++;
      continue;
    }
    if ((c === '$' || (c === '<' && quote === null)) && next === '(') {
      // Read here only to find its end; the caller reads its text again, substitutions within included.
      const end = split(line, i + 2, true, [], []);
      inner.push(line.slice(i + 2, end));
      current += line.slice(i, end + 1);
      i = end;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      current += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      current += c;
      continue;
    }
    if (c === '(') {
      groups++;
      cut();
      continue;
    }
    if (c === ')') {
      if (groups > 0) {
        groups--;
        cut();
      } else if (closing) break;
      // A `)` that closes nothing ends a case pattern: what came before it is the pattern, not a command.
      else current = '';
      continue;
    }
    if (c === ';' || c === '|' || (c === '&' && line[i - 1] !== '>')) {
      // `;;`, `&&`, `||` are one separator; `2>&1` is a redirection.
      if (next === c) i++;
      cut();
      continue;
    }
    current += c;
  }
  cut();
  return i;
}
