// A small fuzz of `modeshift plan`: a realistic inventory with planted credentials is mutated line by line
// (lines dropped, repeated, swapped, re-indented, cut short; values replaced with YAML-significant or
// hostile text), and every run must end as the contract says.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './cli.js';
import { captureIo } from './testing.js';

const MARKER = 'PLANTED~SECRET~q7';

const INVENTORY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: public.ecr.aws/nginx/nginx:1.27
        env:
        - name: API_TOKEN
          value: ${MARKER}
        resources:
          requests:
            cpu: 250m
            memory: 512Mi
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
stringData:
  password: ${MARKER}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluent-bit
  namespace: logging
spec:
  template:
    metadata:
      labels:
        app: fluent-bit
    spec:
      containers:
      - name: fluent-bit
        image: public.ecr.aws/aws-observability/aws-for-fluent-bit:3.0.1
      volumes:
      - name: config
        configMap:
          name: fluent-bit-config
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: fluent-bit-config
  namespace: logging
data:
  output.conf: |
    [OUTPUT]
        Name es
        Match *
        Host es.example.com
        HTTP_User admin
        HTTP_Passwd ${MARKER}
        Cloud_Auth user:${MARKER}
`;

const HOSTILE = [
  '*x',
  '|x',
  '>x',
  '!e!x',
  '&a',
  '*a',
  `*${MARKER}`,
  '{',
  '[',
  ']',
  '"',
  "'",
  '-1',
  '1e400',
  'abc',
  '5Qi',
  '~',
  '',
  '\u001b[2J',
  'a\tb',
  '%x',
  '@x',
  ': :',
  '- -',
  'x'.repeat(300),
];

type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'repeat'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'indent'; at: number; by: number }
  | { op: 'value'; at: number; text: string }
  | { op: 'cut'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('value' as const), at: fc.nat(), text: fc.constantFrom(...HOSTILE) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = m.at % Math.max(1, lines.length);
    const line = lines[i] ?? '';
    switch (m.op) {
      case 'drop':
        lines.splice(i, 1);
        break;
      case 'repeat':
        lines.splice(i, 0, line);
        break;
      case 'swap': {
        const j = m.with % Math.max(1, lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', line];
        break;
      }
      case 'indent':
        lines[i] = m.by >= 0 ? `${' '.repeat(m.by)}${line}` : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
        break;
      case 'value': {
        // The value after `key: ` (or the whole line when there is none) becomes the hostile text.
        const colon = line.indexOf(': ');
        lines[i] = colon === -1 ? m.text : `${line.slice(0, colon + 2)}${m.text}`;
        break;
      }
      case 'cut':
        lines = lines.slice(0, i + 1);
        lines[i] = line.slice(0, m.at % (line.length + 1));
        break;
    }
  }
  return lines.join('\n');
}

const root = mkdtempSync(join(tmpdir(), 'modeshift-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('plan on mutated inventories', () => {
  it('the unmutated inventory plans, and shows none of its planted credentials', async () => {
    const file = join(root, 'inventory.yaml');
    writeFileSync(file, INVENTORY);
    for (const format of ['text', 'json', 'md']) {
      const io = captureIo();
      expect(await run(['plan', file, '--to', 'fargate', '--format', format], io)).toBe(0);
      expect(io.out() + io.err()).not.toContain(MARKER);
    }
  });

  it('always exits 0, 1 or 2, without a stack trace, with one line on exit 2, and never prints a planted credential', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('fargate', 'auto-mode'),
        fc.constantFrom('text', 'json', 'md'),
        fc.constantFrom('yaml', 'json'),
        async (mutations, to, format, extension) => {
          const text = mutate(INVENTORY, mutations);
          // The same damage seen by the JSON reader: the file named .json, its text as it is.
          const file = join(root, `run-${n++}.${extension}`);
          writeFileSync(file, text);
          const io = captureIo();
          const code = await run(['plan', file, '--to', to, '--format', format, '--fail-on', 'blocker'], io);
          expect([0, 1, 2]).toContain(code);
          expect(io.err()).not.toMatch(/internal error|\n\s+at /);
          if (code === 2) {
            expect(
              io
                .err()
                .split('\n')
                .filter((l) => l !== ''),
            ).toHaveLength(1);
            expect(io.out()).toBe('');
          }
          expect(io.out() + io.err()).not.toContain(MARKER);
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  }, 120_000);
});
