/**
 * Where, and why, a text that JSON.parse refused is not JSON.
 *
 * JSON.parse says what is wrong, but V8 words many of its messages with a quote of the text around
 * the fault, and that text may be part of a Secret; handing the text to the YAML parser instead (to
 * learn the line) took gigabytes on a large List with one bad byte. This scanner walks the grammar
 * once, keeps nothing but a stack of open brackets, and stops at the first fault with its own words.
 */
export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, counted in UTF-16 units as editors do for the Basic Multilingual Plane. */
  column: number;
  problem: string;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

class Fault extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** The first syntax fault of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    scan(text);
    return null;
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    return { ...position(text, error.offset), problem: error.problem };
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function scan(text: string): void {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const unexpected = (what: string): never => {
    // Reported where the last content is: the end of the text may be a blank line past it.
    if (i >= text.length) throw new Fault(text.trimEnd().length - 1, `the text ends too early (${what} expected)`);
    throw new Fault(i, `unexpected character (${what} expected)`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else unexpected('a value');
  };
  const string = () => {
    const start = i;
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) throw new Fault(start, 'a string is not closed');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw new Fault(i, 'a control character inside a string (write it as an escape)');
      if (c === 0x5c) {
        ESCAPE.lastIndex = i + 1;
        if (!ESCAPE.test(text)) throw new Fault(i, 'an invalid escape inside a string');
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const value = () => {
    skipSpace();
    const c = text.charCodeAt(i);
    if (c === 0x22) return string();
    if (c === 0x7b || c === 0x5b) return container();
    if (c === 0x74) return literal('true');
    if (c === 0x66) return literal('false');
    if (c === 0x6e) return literal('null');
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) i = NUMBER.lastIndex;
    else unexpected('a value');
  };
  // Iterative over nesting: a document nested ten thousand deep must not overflow the stack.
  const container = () => {
    const closers: number[] = [];
    const open = () => {
      const isObject = text.charCodeAt(i) === 0x7b;
      closers.push(isObject ? 0x7d : 0x5d);
      i++;
      skipSpace();
      if (text.charCodeAt(i) === closers[closers.length - 1]) {
        i++;
        closers.pop();
        return false;
      }
      return true;
    };
    let needsMember = open();
    while (closers.length > 0) {
      const closer = closers[closers.length - 1];
      if (needsMember) {
        skipSpace();
        if (closer === 0x7d) {
          if (text.charCodeAt(i) !== 0x22) unexpected('a quoted key');
          string();
          skipSpace();
          if (text.charCodeAt(i) !== 0x3a) unexpected("':' after a key");
          i++;
        }
        skipSpace();
        const c = text.charCodeAt(i);
        if (c === 0x7b || c === 0x5b) {
          needsMember = open();
          continue;
        }
        value();
      }
      skipSpace();
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        needsMember = true;
      } else if (c === closer) {
        i++;
        closers.pop();
        needsMember = false;
      } else unexpected(closer === 0x7d ? "',' or '}'" : "',' or ']'");
    }
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  value();
  skipSpace();
  if (i < text.length) unexpected('the end of the text');
}
