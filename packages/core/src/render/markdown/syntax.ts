// Markdown building blocks. Every piece of plan text passes through one of these, so a message or a
// manifest can never break the document's structure (tables, fences, headings, links).

/** GitHub's heading anchor: lower case, punctuation dropped (except '-' and '_'), spaces to '-'. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

// Private-use code points: a link is written before the heading it points to has its final slug.
const OPEN = '\u{E000}';
const CLOSE = '\u{E001}';
const TOKEN = /\u{E000}([^\u{E001}]*)\u{E001}/gu;

/**
 * Assigns slugs in document order (GitHub numbers duplicates -1, -2 in the order they appear) and
 * lets sections link to headings rendered later; `resolve` fills the links in one linear pass.
 */
export class Anchors {
  private readonly byKey = new Map<string, string>();
  private readonly occurrences = new Map<string, number>();

  /** A heading line. `plain` is the text GitHub slugs: the heading as rendered, without markup. */
  heading(level: number, key: string | null, plain: string, markdown = inline(plain)): string {
    const base = githubSlug(plain);
    let slug = base;
    while (this.occurrences.has(slug)) {
      const n = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, n);
      slug = `${base}-${n}`;
    }
    this.occurrences.set(slug, 0);
    if (key !== null) this.byKey.set(key, slug);
    return `${'#'.repeat(level)} ${markdown}`;
  }

  /** A link to the heading registered under `key`; `text` is Markdown. */
  link(key: string, text: string): string {
    return `[${text}](#${OPEN}${key}${CLOSE})`;
  }

  resolve(document: string): string {
    return document.replace(TOKEN, (_whole, key: string) => {
      const slug = this.byKey.get(key);
      if (slug === undefined) throw new Error(`markdown: link to a heading that was never rendered: ${key}`);
      return slug;
    });
  }
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** An inline code span that survives backticks inside the text (CommonMark: a longer delimiter). */
export function code(text: string): string {
  // Most spans are names with neither backticks nor line breaks: a Markdown plan at 20,000 workloads has 100,000 of them.
  if (!text.includes('`') && !text.includes('\n')) return `\`${text}\``;
  const flat = text.replace(/\r?\n/g, ' ');
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fenced block, indented to sit inside a list item; the fence is longer than any backtick run inside. */
export function fence(lang: string, content: string, indent = ''): string[] {
  const body = content.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  const ticks = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const lines = body === '' ? [] : body.split('\n');
  return [`${indent}${ticks}${lang}`, ...lines.map((l) => (l === '' ? '' : `${indent}${l}`)), `${indent}${ticks}`];
}

/**
 * Plan prose (messages, remediations, notes) as inline Markdown. Code spans the rules wrote are kept;
 * outside them, '<' is escaped so placeholders like <cluster-name> are not swallowed as HTML tags, and
 * newlines become <br> so a message cannot start a list, heading or new table row.
 */
export function inline(text: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const tick = text.indexOf('`', i);
    if (tick < 0) {
      out.push(escapeProse(text.slice(i)));
      break;
    }
    out.push(escapeProse(text.slice(i, tick)));
    let end = tick;
    while (text[end] === '`') end += 1;
    const delimiter = text.slice(tick, end);
    const close = findRun(text, delimiter, end);
    if (close < 0) {
      out.push(delimiter.replace(/`/g, '\\`'));
      i = end;
    } else {
      out.push(text.slice(tick, close + delimiter.length).replace(/\r?\n/g, ' '));
      i = close + delimiter.length;
    }
  }
  return out.join('');
}

/** The next run of exactly `delimiter.length` backticks at or after `from`, or -1. */
function findRun(text: string, delimiter: string, from: number): number {
  let at = text.indexOf(delimiter, from);
  while (at >= 0) {
    let end = at + delimiter.length;
    if (text[end] !== '`') return at;
    while (text[end] === '`') end += 1;
    at = text.indexOf(delimiter, end);
  }
  return -1;
}

function escapeProse(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>');
}

/** A table cell: GFM splits on every unescaped '|', even inside code spans, so all are escaped. */
export function cell(markdown: string): string {
  return markdown.replace(/\r?\n/g, '<br>').replace(/\|/g, '\\|');
}

export function tableRow(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** Characters that end a Markdown link destination or break it, percent-encoded. */
export function url(href: string): string {
  return href.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Text inside raw HTML (the <summary> of a <details> block). */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
