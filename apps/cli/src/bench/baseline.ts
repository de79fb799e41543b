// The floor a loader is compared with: a process that reads the file and only parses it, with the
// same library the loader uses. Deliberately imports nothing of modeshift.
import { readFile } from 'node:fs/promises';
import { writeReport } from './report.js';

const [format, file] = process.argv.slice(2);
if (!file || (format !== 'json' && format !== 'yaml')) throw new Error('usage: baseline.js json|yaml <file>');

const start = performance.now();
// Read the way the loader reads: on large files readFileSync(…, 'utf8') is markedly slower on some
// machines, and a slower floor would flatter the comparison.
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
