import { listItems, type LoadProblem, type RawDocument } from '@modeshift/core/base';
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { findJsonSyntaxError } from './json-syntax.js';
import { describeYamlCode } from './yaml-errors.js';
import { inspectDocument, MAX_ALIASES_PER_DOCUMENT } from './yaml-tree.js';

/**
 * The YAML library, loaded the first time a file needs it: it is most of what a JSON-only run would
 * otherwise load at start-up. Required, not imported, because parsing is synchronous.
 */
let yamlLibrary: typeof import('yaml') | null = null;
const yaml = () => (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

export interface ParsedFile {
  documents: RawDocument[];
  problems: LoadProblem[];
}

export const isJsonFile = (file: string) => file.toLowerCase().endsWith('.json');

/** Text that starts as JSON does (after white space): an object or an array. */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[';
}

/**
 * Splits one file's text into documents, each with the line it starts on (List items get their own
 * line). `.json` files, and any text that starts as JSON does, go through JSON.parse, which is much
 * faster than a YAML parser; when it refuses the text, the problem is reported as bad JSON at its line
 * and column, never handed to the YAML parser (which on a large List took gigabytes and seconds).
 * A YAML file that begins with a flow collection (`{a: 1}`) is therefore read as JSON.
 */
export function parseText(file: string, text: string): ParsedFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (isJsonFile(file) || looksLikeJson(source)) {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      return { documents: [], problems: [jsonProblem(file, source)] };
    }
    return jsonDocuments(file, value, firstContentLine(source));
  }
  return parseYaml(file, source);
}

function jsonProblem(file: string, text: string): LoadProblem {
  const fault = findJsonSyntaxError(text);
  // The scanner and JSON.parse follow the same grammar; should they ever disagree, say no more than this.
  if (!fault) return { file, line: null, severity: 'error', message: 'invalid JSON' };
  return { file, line: fault.line, severity: 'error', message: `invalid JSON at column ${fault.column}: ${fault.problem}` };
}

/** The line of the text's first character that is not white space. */
export function firstContentLine(text: string): number {
  const start = /\S/.exec(text)?.index ?? 0;
  return lineAt(text, start);
}

/**
 * Parsers notice an unclosed bracket only at the end of the text, which may be a blank line past the
 * last one with content; the last line with content is where the reader should look. Computed once
 * per file: trimming the text per document would make large files quadratic.
 */
function lastContentOffset(text: string): number {
  let i = text.length - 1;
  while (i > 0 && ' \t\r\n'.includes(text.charAt(i))) i--;
  return Math.max(0, i);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A parsed JSON file as documents: a List's items one each (all starting at `line`), anything else one. */
export function jsonDocuments(file: string, value: unknown, line: number): ParsedFile {
  return { documents: splitList(file, value, line), problems: [] };
}

function splitList(file: string, value: unknown, line: number, itemLines?: (i: number) => number | undefined): RawDocument[] {
  const items = listItems(value);
  if (!items) return [{ value, origin: { file, line } }];
  // Items of a JSON list all start where the list does: one origin for all of them (it is never
  // changed), not one object each for every object of a large estate to carry.
  const shared = { file, line };
  return items.map((item, i) => {
    const at = itemLines?.(i);
    return { value: item, origin: at === undefined ? shared : { file, line: at }, inList: true };
  });
}

/**
 * What `parseAllDocuments` does, one document at a time: the library builds that list with the same
 * parser and composer, but keeps every document's syntax tree until the last one is read. Taking them
 * as they come lets each tree go once its values are out, which on a large multi-document file is
 * most of the memory the parse needs (and of the garbage collector's work). The line counter has
 * seen every line of a document by the time the document is handed out.
 */
function* yamlDocuments(text: string, options: { lineCounter: LineCounter; prettyErrors: false; merge: true; uniqueKeys: false }): Generator<Document.Parsed> {
  const { Composer, Parser } = yaml();
  const parser = new Parser(options.lineCounter.addNewLine);
  const composer = new Composer(options);
  yield* composer.compose(parser.parse(text));
}

/** How far an alias may expand, counted in the nodes it copies (the library's own measure). */
const MAX_ALIAS_EXPANSION = 100;

function parseYaml(file: string, text: string): ParsedFile {
  const library = yaml();
  const { isMap, isNode, isSeq, LineCounter } = library;
  const lineCounter = new LineCounter();
  const problems: LoadProblem[] = [];
  const documents: RawDocument[] = [];
  const lastContent = lastContentOffset(text);
  const lineOf = (offset: number) => lineCounter.linePos(Math.min(offset, lastContent)).line;
  const report = (severity: LoadProblem['severity'], line: number, message: string) => problems.push({ file, line, severity, message });

  // uniqueKeys off: the library's check is quadratic in a mapping's size; inspectDocument does it linearly.
  for (const doc of yamlDocuments(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: false })) {
    const fatal = doc.errors[0];
    if (fatal) {
      const { col } = lineCounter.linePos(fatal.pos[0]);
      report('error', lineOf(fatal.pos[0]), `invalid YAML at column ${col}: ${describeYamlCode(fatal.code)}`);
      continue;
    }
    const contents = doc.contents;
    if (contents === null) continue;
    const tree = inspectDocument(library, doc);
    if (tree.tooManyAliases !== null) {
      report(
        'error',
        lineOf(tree.tooManyAliases),
        `invalid YAML: the document has more than ${MAX_ALIASES_PER_DOCUMENT} aliases (*name); write it out without anchors`,
      );
      continue;
    }
    if (tree.unresolvedAlias !== null) {
      report(
        'error',
        lineOf(tree.unresolvedAlias),
        'invalid YAML: an alias (*name) refers to no earlier anchor (&name); quote the value if it is not meant as an alias',
      );
      continue;
    }
    // kubectl reads a repeated key as its last value; so do we, but say so.
    for (const offset of tree.duplicateKeys) {
      report('warning', lineOf(offset), 'the same key appears twice in one mapping; the later value is used');
    }

    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
    } catch {
      // Aliases all resolve (checked above), so what is left is expansion beyond the limit.
      report(
        'error',
        lineOf(contents.range[0]),
        `invalid YAML: its aliases would expand to more than ${MAX_ALIAS_EXPANSION} copies of data; write it out without anchors`,
      );
      continue;
    }
    // `---` followed by nothing, or by comments only: common in Helm output, not a document.
    if (value === null || value === undefined) continue;
    const itemsNode = isMap(contents) ? contents.get('items', true) : undefined;
    const itemLines = isSeq(itemsNode)
      ? (i: number) => {
          const node = itemsNode.items[i];
          return isNode(node) && node.range ? lineOf(node.range[0]) : undefined;
        }
      : undefined;
    // A loop, not push(...items): a List of 100,000 pods would exceed the engine's argument limit.
    for (const document of splitList(file, value, lineOf(contents.range[0]), itemLines)) documents.push(document);
  }
  return { documents, problems };
}
