// A terminal for Ink without a tty: what the bench types goes in through `FakeStdin`, and each frame
// Ink writes is stamped with the time it was written. Ink runs as it does for a user (not in debug
// mode), so its frame throttling is part of what is measured.
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';

export interface Frame {
  at: number;
  /** The frame's text without escape sequences. */
  text: string;
}

export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  frames = 0;
  last: Frame | null = null;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }

  write = (chunk: string): boolean => {
    const at = performance.now();
    const text = stripVTControlCharacters(chunk);
    // Cursor and synchronised-update sequences alone are not frames: nothing visible changes.
    if (text.trim() === '') return true;
    this.frames += 1;
    this.last = { at, text };
    this.emit('frame', this.last);
    return true;
  };

  /** The first frame written at or after `since` that contains `text` (any frame for ''). */
  next(text: string, since: number, timeoutMs = 120_000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const fits = (f: Frame) => f.at >= since && f.text.includes(text);
      if (this.last && fits(this.last)) return resolve(this.last);
      const timer = setTimeout(() => {
        this.off('frame', onFrame);
        reject(new Error(`no frame with ${JSON.stringify(text)} within ${timeoutMs} ms; last frame:\n${this.last?.text ?? '(none)'}`));
      }, timeoutMs);
      const onFrame = (f: Frame) => {
        if (!fits(f)) return;
        clearTimeout(timer);
        this.off('frame', onFrame);
        resolve(f);
      };
      this.on('frame', onFrame);
    });
  }
}

/** What Ink reads keys from: raw mode and the rest are no-ops, `type` hands over one key as a terminal would. */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;

  type(key: string): void {
    this.data = key;
    this.emit('readable');
    this.emit('data', key);
  }

  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };

  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
