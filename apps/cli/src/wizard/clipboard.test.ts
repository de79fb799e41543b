import { describe, expect, it } from 'vitest';
import { osc52, terminalClipboard } from './clipboard.js';

describe('the terminal clipboard', () => {
  it('sends the text base64-encoded in an OSC 52 escape', () => {
    expect(osc52('kubectl get pods\n')).toBe(`\u001b]52;c;${Buffer.from('kubectl get pods\n').toString('base64')}\u0007`);
  });

  it('writes to a terminal and says so', () => {
    let written = '';
    const copy = terminalClipboard({ isTTY: true, write: (t: string) => (written += t) }, { TERM: 'xterm-256color' });
    expect(copy('aws eks list-clusters')).toBe(true);
    expect(written).toBe(osc52('aws eks list-clusters'));
  });

  it('does not try where there is no terminal, or a dumb one', () => {
    let written = '';
    const write = (t: string) => (written += t);
    expect(terminalClipboard({ isTTY: false, write }, {})('x')).toBe(false);
    expect(terminalClipboard({ isTTY: true, write }, { TERM: 'dumb' })('x')).toBe(false);
    expect(written).toBe('');
  });
});
