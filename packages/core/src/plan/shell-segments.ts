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
 * `out`, the text of every `$(…)`, `<(…)` and `` `…` `` into `inner`. Each substitution is read by a call of
 * its own, with its own quoting: a `'` or `"` inside `"$(…)"` opens a new quote. Returns where it stopped.
 */
function split(line: string, from: number, closing: boolean, out: string[], inner: string[]): number {
  let current = '';
  let quote: "'" | '"' | null = null;
  /** Subshells open (`( a; b )`): their `)` ends neither a substitution nor a case pattern. */
  let groups = 0;
  /** `case … esac` open: a `)` that closes nothing ends a pattern, even inside a substitution. */
  let cases = 0;
  /** Where the last escaped character is: `\>&` is no redirection. */
  let escapedAt = -1;
  const cut = () => {
    out.push(current);
    current = '';
  };
  /** At the end of a word: whether it opened or closed a case (only as a command's first word). */
  const wordEnds = () => {
    const command = withoutReservedWords(current);
    if (command === 'case') cases++;
    else if (command === 'esac' && cases > 0) cases--;
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
      escapedAt = i;
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
    if (c === '`') {
      const end = closingBacktick(line, i + 1);
      inner.push(line.slice(i + 1, end).replace(/\\`/g, '`'));
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
    if (c === ' ' || c === '\t') {
      wordEnds();
      current += c;
      continue;
    }
    if (c === '(') {
      groups++;
      cut();
      continue;
    }
    if (c === ')') {
      wordEnds();
      if (groups > 0) {
        groups--;
        cut();
      } else if (cases > 0 || !closing) {
        // A `)` that closes nothing ends a case pattern: what came before it is the pattern, not a command.
        current = '';
      } else break;
      continue;
    }
    if (c === ';' || c === '|' || c === '\n' || (c === '&' && !(line[i - 1] === '>' && escapedAt !== i - 1))) {
      wordEnds();
      // `;;`, `&&`, `||` are one separator; `2>&1` is a redirection.
      if (next === c) i++;
      cut();
      continue;
    }
    current += c;
  }
  wordEnds();
  cut();
  return i;
}

/** Where the backtick substitution opened before `from` closes (a `\`` inside it is not its end), or the line's end. */
function closingBacktick(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '`') return i;
  }
  return line.length;
}

/** Where the shell word starting at `from` ends: the first blank outside quotes and substitutions. */
function wordEnd(text: string, from: number): number {
  let quote: "'" | '"' | null = null;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (c === '\\') i++;
    else if (c === '$' && text[i + 1] === '(') {
      depth++;
      i++;
    } else if (c === '`') i = closingBacktick(text, i + 1);
    else if (c === '"') quote = quote === '"' ? null : '"';
    else if (quote === null && c === "'") quote = "'";
    else if (quote === null && c === '(') depth++;
    else if (quote === null && c === ')' && depth > 0) depth--;
    else if (quote === null && depth === 0 && (c === ' ' || c === '\t')) return i;
  }
  return text.length;
}

/** A simple command without the variable assignments before it (`A=1 B=$(x) cmd …` → `cmd …`; `A=1` alone → ``). */
export function withoutAssignments(command: string): string {
  let rest = command.trim();
  while (/^[A-Za-z_]\w*=/.test(rest)) rest = rest.slice(wordEnd(rest, 0)).trim();
  return rest;
}

/**
 * Where a function definition at the start of the line (`name() { …; }`) ends, after its closing brace;
 * -1 when the line does not start with one. Braces count as words only (`${x}` is no brace).
 */
export function functionDefinitionEnd(line: string): number {
  const head = /^\s*[A-Za-z_]\w*\(\)\s*\{/.exec(line);
  if (!head) return -1;
  let depth = 1;
  let quote: "'" | '"' | null = null;
  for (let i = head[0].length; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') quote = quote === '"' ? null : '"';
    else if (quote === null && c === "'") quote = "'";
    else if (quote === null && (c === '{' || c === '}')) {
      const before = line[i - 1] ?? ' ';
      const after = line[i + 1] ?? ' ';
      if (!/[\s;&|]/.test(before) || !/[\s;&|]/.test(after)) continue;
      depth += c === '{' ? 1 : -1;
      if (depth === 0) return i + 1;
    }
  }
  return line.length;
}
