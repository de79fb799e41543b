import { describe, expect, it } from 'vitest';
import { makeStep } from '../plan/step.js';
import { aFinding, aPlan } from './__fixtures__/markdown-plans.js';
import { forTerminal, forTerminalLines } from './terminal.js';
import { renderText } from './text.js';

const ESC = '\u001b';
const HOSTILE = `web${ESC}]0;pwned\u0007${ESC}[2J\u009b31m\rreadiness: ready\u202e`;

describe('forTerminal', () => {
  it('shows control characters, C1 controls and bidi overrides as visible escapes', () => {
    expect(forTerminal(HOSTILE)).toBe('web\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x0dreadiness: ready\\u202e');
    expect(forTerminal('a\nb\tc')).toBe('a\\x0ab\\x09c');
  });

  it('returns plain text as the very same string', () => {
    const text = 'Deployment shop/web → 250m';
    expect(forTerminal(text)).toBe(text);
  });

  it('keeps line breaks and tabs in text meant to span lines', () => {
    expect(forTerminalLines(`a\n\tb${ESC}[1m`)).toBe('a\n\tb\\x1b[1m');
  });
});

describe('renderText never prints an escape sequence it did not make', () => {
  const plan = aPlan([aFinding('rule:x', { severity: 'blocker', message: HOSTILE, remediation: HOSTILE })], {
    capacity: [makeStep({ id: 'capacity/x', title: HOSTILE, kind: 'node-pool', why: HOSTILE, commands: [`kubectl get ${HOSTILE}`] })],
  });

  it('without colour: no control character but the line breaks', () => {
    const text = renderText(plan, { color: false });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).toContain('web\\x1b]0;pwned');
  });

  it("with colour: only the renderer's own colour codes", () => {
    const text = renderText(plan, { color: true });
    const sequences = text.match(/\u001b[^m]*m?/g) ?? [];
    for (const sequence of sequences) expect(sequence).toMatch(/^\u001b\[(1|2|22|31|32|33|36|39)m$/);
    expect(text).not.toMatch(/[\u0007\u009b\r\u202e]/);
  });
});
