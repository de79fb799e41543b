// The floor a loader is compared with: a process that reads the file and only parses it, with the
// same library the loader uses. Deliberately imports nothing of modeshift.
import { readFile } from 'node:fs/promises';
import { writeReport } from './report.js';

const [format, file] = process.argv.slice(2);
if (!file || (format !== 'json' && format !== 'yaml')) throw new Error('usage: baseline.js json|yaml <file>');

const start = performance.now();
// The plain way to parse a file, as the target defines the floor: read it whole, then parse.
// (readFile, not readFileSync(…, 'utf8'): the latter is markedly slower on some machines, and a
// slower floor would flatter the comparison.) The loader reads a large JSON List in groups of items
// instead (packages/inventory json-list.ts), which itself takes less than this floor.
const text = await readFile(file, 'utf8');
let documents = 0;
if (format === 'json') {
  const value = JSON.parse(text) as { items?: unknown[] };
  documents = value.items?.length ?? 1;
} else {
  // The library's documented way to read a multi-document stream into plain values.
  const { parseAllDocuments } = await import('yaml');
  for (const doc of parseAllDocuments(text)) {
    doc.toJS();
    documents += 1;
  }
}
writeReport({ ms: performance.now() - start, extra: { documents } });
