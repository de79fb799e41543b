import type { Size } from './deps.js';

/** Header, message line and key hints. */
const CHROME = 3;
/** Columns from which lists and their detail sit side by side instead of one above the other. */
export const WIDE = 110;

/** One row is left free: an Ink frame as tall as the terminal is redrawn from scratch each time (flicker). */
export function bodyHeight(size: Size): number {
  return Math.max(6, size.rows - 1 - CHROME);
}

export interface Split {
  wide: boolean;
  listWidth: number;
  listHeight: number;
  detailWidth: number;
  detailHeight: number;
}

/** A list with a detail pane: beside it on wide terminals, under it (after a rule) on narrow ones. */
export function split(size: Size, reserved = 0): Split {
  const body = bodyHeight(size) - reserved;
  if (size.columns >= WIDE) {
    const listWidth = Math.floor(size.columns * 0.45);
    return { wide: true, listWidth, listHeight: body, detailWidth: size.columns - listWidth - 2, detailHeight: body };
  }
  const listHeight = Math.max(3, Math.floor((body - 1) * 0.45));
  return { wide: false, listWidth: size.columns, listHeight, detailWidth: size.columns, detailHeight: Math.max(2, body - listHeight - 1) };
}

/** The first row shown so that the cursor sits near the middle, without scrolling past either end. */
export function windowTop(count: number, cursor: number, height: number): number {
  if (count <= height) return 0;
  return Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
}

/** Rows of content a ScrollBox of `height` shows: one row goes to the position line when the content overflows. */
export function scrollRows(count: number, height: number): number {
  return count > height ? Math.max(1, height - 1) : height;
}

export function scrollMax(count: number, height: number): number {
  return Math.max(0, count - scrollRows(count, height));
}
