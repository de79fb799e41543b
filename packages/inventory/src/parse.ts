import { listItems, type LoadProblem, type RawDocument } from '@modeshift/core/base';
import { createRequire } from 'node:module';
import type { Document, LineCounter, YAMLError } from 'yaml';

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

/**
 * Splits one file's text into documents, each with the line it starts on (List items get their own
 * line). `.json` files go through JSON.parse, which is much faster than a YAML parser; anything
 * else, and JSON that JSON.parse refuses, goes through the YAML parser, once.
 */
export function parseText(file: string, text: string): ParsedFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (isJsonFile(file)) {
    try {
      const value: unknown = JSON.parse(source);
      return jsonDocuments(file, value, firstContentLine(source));
    } catch (error) {
      return parseYaml(file, source, error instanceof Error ? error.message : String(error));
    }
  }
  return parseYaml(file, source, null);
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
    return { value: item, origin: at === undefined ? shared : { file, line: at } };
  });
}

/**
 * What `parseAllDocuments` does, one document at a time: the library builds that list with the same
 * parser and composer, but keeps every document's syntax tree until the last one is read. Taking them
 * as they come lets each tree go once its values are out, which on a large multi-document file is
 * most of the memory the parse needs (and of the garbage collector's work). The line counter has
 * seen every line of a document by the time the document is handed out.
 */
function* yamlDocuments(text: string, options: { lineCounter: LineCounter; prettyErrors: false; merge: true }): Generator<Document.Parsed> {
  const { Composer, Parser } = yaml();
  const parser = new Parser(options.lineCounter.addNewLine);
  const composer = new Composer(options);
  yield* composer.compose(parser.parse(text));
}

/**
 * @param jsonError set for a `.json` file that JSON.parse refused: YAML still reads near-JSON such as
 * trailing commas, and where it cannot either, its error pinpoints the line.
 */
function parseYaml(file: string, text: string, jsonError: string | null): ParsedFile {
  const { isMap, isNode, isSeq, LineCounter } = yaml();
  const lineCounter = new LineCounter();
  const problems: LoadProblem[] = [];
  const documents: RawDocument[] = [];
  const lastContent = lastContentOffset(text);
  const lineOf = (offset: number) => lineCounter.linePos(Math.min(offset, lastContent)).line;
  const report = (severity: LoadProblem['severity'], line: number, message: string) =>
    problems.push({ file, line, severity, message });

  for (const doc of yamlDocuments(text, { lineCounter, prettyErrors: false, merge: true })) {
    const fatal = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    if (fatal) {
      const { line, reason } = jsonError !== null ? describeJsonError(jsonError, text, fatal, lineOf) : describeYamlError(fatal, lineOf, lineCounter);
      report('error', line, reason);
      continue;
    }
    // kubectl reads a repeated key as its last value; so do we, but say so.
    for (const duplicate of doc.errors) {
      report('skipped', lineOf(duplicate.pos[0]), 'the same key appears twice in one mapping; the later value is used');
    }
    const contents = doc.contents;
    if (contents === null) continue;

    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Only alias bombs and similar get here; the parser's message names no input values.
      report('error', lineOf(contents.range[0]), `invalid YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`);
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

const firstLine = (message: string) => message.split('\n', 1)[0] ?? message;

function describeYamlError(error: YAMLError, lineOf: (offset: number) => number, lineCounter: LineCounter): { line: number; reason: string } {
  const { col } = lineCounter.linePos(error.pos[0]);
  return { line: lineOf(error.pos[0]), reason: `invalid YAML at column ${col}: ${firstLine(error.message)}` };
}

/**
 * V8 words some JSON errors with a position and others with a quote of the surrounding text; that
 * quote could be part of a Secret, so only the positional form is used, and otherwise the YAML
 * parser's account of the same spot.
 */
function describeJsonError(
  message: string,
  text: string,
  yamlError: YAMLError,
  lineOf: (offset: number) => number,
): { line: number; reason: string } {
  const positional = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (positional?.[1] && positional[2]) {
    return { line: lineOf(Number(positional[2])), reason: `invalid JSON: ${positional[1]}` };
  }
  if (message.startsWith('Unexpected end of JSON input')) {
    return { line: lineOf(text.length), reason: 'invalid JSON: the text ends too early' };
  }
  return { line: lineOf(yamlError.pos[0]), reason: `invalid JSON: ${firstLine(yamlError.message)}` };
}
