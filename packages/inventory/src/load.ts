import { readFile } from 'node:fs/promises';
import { normalizeDocuments, type Inventory, type LoadProblem, type RawDocument } from '@modeshift/core/base';
import { findInputFiles, reasonOf } from './files.js';
import { readJsonList, type JsonList } from './json-list.js';
import { isJsonFile, jsonDocuments, parseText, type ParsedFile } from './parse.js';

export interface LoadResult {
  inventory: Inventory;
  /** Ordered by file (in reading order), then line. */
  problems: LoadProblem[];
  /** Every file read, in reading order, with how many documents it held (each List item counts as one). */
  files: { file: string; documents: number }[];
}

/** Collects parsed files, then normalises them all at once. */
class Reading {
  readonly documents: RawDocument[] = [];
  readonly problems: LoadProblem[] = [];
  readonly files: { file: string; documents: number }[] = [];

  add(file: string, text: string): void {
    this.addParsed(file, parseText(file, text));
  }

  addParsed(file: string, parsed: ParsedFile): void {
    this.files.push({ file, documents: parsed.documents.length });
    for (const problem of parsed.problems) this.problems.push(problem);
    for (const doc of parsed.documents) this.documents.push(doc);
  }

  finish(inputs: string): LoadResult {
    const { inventory, problems } = normalizeDocuments(this.documents);
    const ordered = orderProblems(
      [...this.problems, ...problems],
      this.files.map((f) => f.file),
    );
    // Said only when nothing else explains it: after a parse error it would be a second message for one fault.
    if (isEmpty(inventory) && !ordered.some((p) => p.severity === 'error')) {
      const message =
        this.documents.length === 0 ? `no inventory documents found in ${inputs}` : `nothing usable in ${inputs}: every document was skipped or invalid`;
      ordered.push({ file: inputs, line: null, severity: 'error', message });
    }
    return { inventory, problems: ordered, files: this.files };
  }
}

function orderProblems(problems: LoadProblem[], files: string[]): LoadProblem[] {
  const rank = new Map(files.map((file, i) => [file, i]));
  // Problems about paths rather than read files (a skipped argument, an unreadable directory) come first.
  return problems.sort((a, b) => (rank.get(a.file) ?? -1) - (rank.get(b.file) ?? -1) || (a.line ?? 0) - (b.line ?? 0));
}

function isEmpty(inventory: Inventory): boolean {
  return Object.values(inventory).every((bucket) => bucket === null || (Array.isArray(bucket) && bucket.length === 0));
}

/**
 * Reads files and directories (recursively) into an Inventory. Throws UserError('input') only when a
 * path given does not exist; everything else wrong with the input is in `problems`, and an input
 * with nothing usable in it has an 'error' problem saying so.
 */
export async function loadInventory(paths: string[]): Promise<LoadResult> {
  return (await read(paths)).finish(paths.length > 0 ? paths.join(', ') : 'the input (no paths given)');
}

/**
 * The documents of an inventory as its files hold them, before modeshift reads them into its model:
 * `modeshift export` writes the objects it patches as they are. Problems are the loader's to report.
 */
export async function loadDocuments(paths: string[]): Promise<RawDocument[]> {
  return (await read(paths)).documents;
}

async function read(paths: string[]): Promise<Reading> {
  const found = await findInputFiles(paths);
  const reading = new Reading();
  reading.problems.push(...found.problems);
  for (const file of found.files) {
    let list: JsonList | null;
    let text = '';
    try {
      // A large List is parsed as it is read; anything else (and a List that will not split) is read whole.
      list = isJsonFile(file) ? await readJsonList(file) : null;
      if (!list) text = await readFile(file, 'utf8');
    } catch (error) {
      reading.problems.push({ file, line: null, severity: 'error', message: `cannot read the file: ${reasonOf(error)}` });
      continue;
    }
    if (list) reading.addParsed(file, jsonDocuments(file, list.value, list.firstLine));
    else reading.add(file, text);
  }
  return reading;
}

/** The same, for text already in memory (tests, the wizard). `.json` names are read as JSON, others as YAML. */
export function loadInventoryFromStrings(files: { file: string; text: string }[]): LoadResult {
  const reading = new Reading();
  for (const { file, text } of files) reading.add(file, text);
  return reading.finish(files.length > 0 ? files.map((f) => f.file).join(', ') : 'the input (no files given)');
}
