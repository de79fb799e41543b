import { open, type FileHandle } from 'node:fs/promises';
import { firstContentLine } from './parse.js';

/**
 * A large `kubectl get … -o json` List read a group of items at a time, through one reused buffer.
 *
 * Reading the whole file first costs far more than parsing it: the bytes, the text decoded from
 * them and the engine's flat copy of that text are each as large as the file, all in fresh memory,
 * and touching fresh memory is what large reads spend most of their time on. Here only the parsed
 * values are kept; each group's text is small and short-lived.
 *
 * The result is exactly what JSON.parse of the whole file gives. A group is cut where one item ends
 * and the next begins (`}` then `,`, at the indentation of the first item), its text parsed as an
 * array; the List around the items is parsed with a placeholder in their place. Both being valid
 * JSON, the grammar leaves no other reading. Whatever does not fit this shape (one-line JSON, an
 * empty List, an item that does not parse) is answered with null, and the caller parses the file
 * as a whole, with the whole-file error messages.
 */
export interface JsonList {
  /** The parsed file. */
  value: unknown;
  /** The line of the file's first character that is not white space. */
  firstLine: number;
  /** How many pieces the items were parsed in (one when they fit a single group). */
  groups: number;
}

export interface ReadSizes {
  /** Smaller files are read whole: for them the copies cost little. */
  minFileBytes: number;
  /** About how much text each JSON.parse call gets. */
  groupBytes: number;
  /** The buffer's starting size; it doubles when one item does not fit. */
  windowBytes: number;
}

/** Groups stay below the engine's large-object size (128 KiB), so each group's text lives and dies young. */
const SIZES: ReadSizes = { minFileBytes: 1024 * 1024, groupBytes: 96 * 1024, windowBytes: 8 * 1024 * 1024 };
/** How far into the file the List's `"items": [` must appear. */
const HEAD_BYTES = 64 * 1024;
/** The items array opens, and its first item starts on a line of its own: that line's indentation is captured. */
const ITEMS_OPEN = /"items"[ \t]*:[ \t]*\[([ \t]*\r?\n([ \t]*))\{/;

class ByteWindow {
  buffer: Buffer;
  start = 0;
  end = 0;
  eof = false;

  constructor(
    private readonly handle: FileHandle,
    size: number,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Moves the unread bytes to the front, grows the buffer when they fill it, and reads more. */
  async fill(): Promise<void> {
    if (this.start > 0) {
      this.buffer.copy(this.buffer, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end === this.buffer.length) {
      const grown = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(grown, 0, 0, this.end);
      this.buffer = grown;
    }
    const { bytesRead } = await this.handle.read(this.buffer, this.end, this.buffer.length - this.end, null);
    if (bytesRead === 0) this.eof = true;
    this.end += bytesRead;
  }

  text(from: number, to: number): string {
    return this.buffer.toString('utf8', from, to);
  }
}

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

function appendParsed(items: unknown[], text: string): void {
  const group = JSON.parse(`[${text}]`) as unknown[];
  for (const item of group) items.push(item);
}

/** Null when the file is not a pretty-printed List (or not valid JSON): read it whole instead. */
export async function readJsonList(file: string, sizes: ReadSizes = SIZES): Promise<JsonList | null> {
  const handle = await open(file, 'r');
  try {
    if ((await handle.stat()).size < sizes.minFileBytes) return null;
    return await readItems(new ByteWindow(handle, sizes.windowBytes), sizes.groupBytes);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  } finally {
    await handle.close();
  }
}

async function readItems(window: ByteWindow, groupBytes: number): Promise<JsonList | null> {
  const headLimit = Math.min(HEAD_BYTES, window.buffer.length);
  while (!window.eof && window.end < headLimit) await window.fill();
  const { buffer } = window;
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  // latin1: one character per byte, so offsets in this text are offsets in the buffer.
  const headBytes = buffer.toString('latin1', bom, Math.min(window.end, headLimit));
  const opening = ITEMS_OPEN.exec(headBytes);
  if (!opening || opening[1] === undefined || opening[2] === undefined) return null;
  const indent = opening[2];
  const bracket = bom + opening.index + opening[0].length - opening[1].length - 2;
  const head = window.text(bom, bracket);
  const firstLine = firstContentLine(headBytes);
  const between = Buffer.from(`\n${indent}},`);
  const items: unknown[] = [];
  let groups = 1;
  window.start = bracket + 1;

  for (;;) {
    if (!window.eof && window.end - window.start < 2 * groupBytes) {
      await window.fill();
      continue;
    }
    // All read, and what is left fits one group: it holds the last items and the List's end.
    if (window.end - window.start <= groupBytes) break;
    // Bytes past `end` are left over from earlier reads: no match may reach into them.
    const last = window.end - between.length;
    const target = Math.min(window.start + groupBytes, last);
    let cut = target >= window.start ? window.buffer.lastIndexOf(between, target) : -1;
    if (cut < window.start) cut = window.buffer.indexOf(between, Math.max(target, window.start));
    if (cut > last) cut = -1;
    if (cut === -1) {
      if (window.eof) break;
      // One item longer than what is buffered: read on (the window grows when it must).
      await window.fill();
      continue;
    }
    const comma = cut + between.length - 1;
    const group = window.text(window.start, comma);
    try {
      appendParsed(items, group);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      // A group that holds the items' end was cut past the last item, at a brace of the List's own
      // fields: the rest is read as the end. Otherwise an item is broken: the whole-file read says where.
      if (itemsClose(window, indent, window.start, comma) !== null) break;
      return null;
    }
    window.start = comma + 1;
    groups += 1;
  }

  // The last items, then `]` and the rest of the List.
  while (!window.eof) await window.fill();
  const close = itemsClose(window, indent, window.start, window.end);
  if (close === null) return null;
  appendParsed(items, window.text(window.start, close.itemsEnd));
  const tail = window.text(close.bracket + 1, window.end);
  const placeholder = `modeshift:items:${Math.random()}`;
  const list = JSON.parse(`${head}${JSON.stringify(placeholder)}${tail}`) as unknown;
  if (typeof list !== 'object' || list === null || (list as Record<string, unknown>).items !== placeholder) return null;
  (list as Record<string, unknown>).items = items;
  return { value: list, firstLine, groups };
}

/**
 * Where the last item ends (`}` at the items' indentation) and the `]` after it, in the buffer from
 * `from` to `to`: searched for from the end, skipping braces of the List's own fields after the items.
 */
function itemsClose(window: ByteWindow, indent: string, from: number, to: number): { itemsEnd: number; bracket: number } | null {
  const { buffer } = window;
  const brace = Buffer.from(`\n${indent}}`);
  // Searched back from the last place a whole match fits: bytes past `to` may be stale.
  const last = to - brace.length;
  if (last < from) return null;
  for (let at = buffer.lastIndexOf(brace, last); at >= from; at = buffer.lastIndexOf(brace, at - 1)) {
    let next = at + brace.length;
    while (next < to && isSpace(buffer[next])) next++;
    if (next < to && buffer[next] === 0x5d) return { itemsEnd: at + brace.length, bracket: next };
    if (at === 0) break;
  }
  return null;
}
