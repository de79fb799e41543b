// Reads a rendered document back with a real CommonMark parser, so tests check what GitHub would
// see (headings, task items, fences, table rows), not what the renderer meant to write.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { githubSlug } from '../markdown/syntax.js';

export interface Outline {
  headings: { level: number; text: string; slug: string }[];
  /** Targets of in-document links, without the '#'. */
  anchorLinks: string[];
  fences: { info: string; content: string }[];
  /** List items whose text starts with a task box. */
  tasks: { checked: boolean; text: string }[];
  /** Body rows of each table, keyed by the heading the table sits under. */
  tables: { heading: string; rows: string[][] }[];
  htmlInline: string[];
  /** The document as written. */
  source: string;
}

const md = new MarkdownIt({ html: true });

function plain(token: Token | undefined): string {
  return (token?.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('');
}

export function outline(document: string): Outline {
  const tokens = md.parse(document, {});
  const out: Outline = { headings: [], anchorLinks: [], fences: [], tasks: [], tables: [], htmlInline: [], source: document };
  const seen = new Map<string, number>();
  let heading = '';
  let row: string[] | null = null;
  let inBody = false;
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') {
      heading = plain(tokens[i + 1]);
      // github-slugger's numbering of repeated slugs.
      const base = githubSlug(heading);
      let slug = base;
      while (seen.has(slug)) {
        seen.set(base, (seen.get(base) ?? 0) + 1);
        slug = `${base}-${seen.get(base)}`;
      }
      seen.set(slug, 0);
      out.headings.push({ level: Number(t.tag.slice(1)), text: heading, slug });
    } else if (t.type === 'fence') {
      out.fences.push({ info: t.info.trim(), content: t.content });
    } else if (t.type === 'list_item_open' && tokens[i + 1]?.type === 'paragraph_open') {
      const text = tokens[i + 2]?.content ?? '';
      const box = /^\[( |x)\] /.exec(text);
      if (box) out.tasks.push({ checked: box[1] === 'x', text: text.slice(4) });
    } else if (t.type === 'table_open') {
      out.tables.push({ heading, rows: [] });
    } else if (t.type === 'tbody_open') inBody = true;
    else if (t.type === 'tbody_close') inBody = false;
    else if (t.type === 'tr_open' && inBody) row = [];
    else if (t.type === 'td_open' && row) row.push(plain(tokens[i + 1]));
    else if (t.type === 'tr_close' && row) {
      out.tables[out.tables.length - 1]?.rows.push(row);
      row = null;
    } else if (t.type === 'inline') {
      for (const c of t.children ?? []) {
        const href = c.type === 'link_open' ? c.attrGet('href') : null;
        if (href?.startsWith('#')) out.anchorLinks.push(href.slice(1));
        if (c.type === 'html_inline') out.htmlInline.push(c.content);
      }
    }
  });
  return out;
}
