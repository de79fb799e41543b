import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './cli.js';
import { captureIo, EXAMPLES } from './testing.js';

/** The bundled examples and the plans they must produce; UPDATE_GOLDEN=1 rewrites the files. */
const CASES = [
  { name: 'fargate-to-auto-mode', to: 'auto-mode' },
  { name: 'auto-mode-to-fargate', to: 'fargate' },
] as const;

const FORMATS = [
  { format: 'json', file: 'plan.json' },
  { format: 'text', file: 'plan.txt' },
] as const;

describe.each(CASES)('golden plan for examples/$name', ({ name, to }) => {
  it.each(FORMATS)('matches examples/' + name + '/$file', async ({ format, file }) => {
    const io = captureIo();
    const code = await run(['plan', join(EXAMPLES, name, 'inventory'), '--to', to, '--format', format], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const golden = join(EXAMPLES, name, file);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, io.out());
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
    expect(io.out()).toBe(readFileSync(golden, 'utf8'));
  });
});
