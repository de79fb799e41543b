import { describe, expect, it } from 'vitest';
import { runBash } from '../testing/bash.js';
import { sh, shellComment, shellQuote } from './shell.js';

/** What bash makes of a command line: its words, as the program would get them in argv. */
function bashWords(line: string): string[] {
  // The C locale: escapes must not depend on the operator's.
  const out = runBash(`printf '%s\\0' ${line}`).stdout;
  return out.split('\0').slice(0, -1);
}

const HOSTILE = [
  'cart;curl x|sh',
  "o'brien",
  'a b\tc',
  '$(touch /nonexistent/x)`id`${HOME}',
  '*',
  '~root',
  '#not-a-comment',
  'line\nnext',
  'crlf\r\nnext',
  'esc\u001b[31mred',
  'nel\u0085 ls\u2028sep\u2029para',
  'back\\slash\\',
  "quote'$'mix\"",
  '',
  '-n',
];

describe('shellQuote', () => {
  it('leaves plain words as they are, so ordinary commands read as before', () => {
    for (const word of ['deployment/cart', 'shop', 'arn:aws:iam::111122223333:role/x', 'k8s-app=kube-dns,tier=web', 'subnet-0a1b', '1.31', '<cluster-name>'])
      expect(shellQuote(word)).toBe(word);
  });

  it('quotes anything a shell would read differently', () => {
    expect(shellQuote('cart;curl x|sh')).toBe(`'cart;curl x|sh'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('a\nb')).toBe(`$'a\\nb'`);
  });

  it('gives back every hostile string as exactly one word under bash', () => {
    // One bash for all of them: each quoted string must come back as exactly its own word, in order.
    expect(bashWords(HOSTILE.map(shellQuote).join(' '))).toEqual(HOSTILE);
  });

  it('never lets a line break or an escape character through, so a command stays one line', () => {
    for (const text of HOSTILE) expect(shellQuote(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});

describe('sh', () => {
  it('quotes each value in place and leaves the template text alone', () => {
    const name = 'cart;rm -rf /';
    expect(sh`kubectl rollout restart deployment/${name} -n ${'shop'} -o jsonpath='{.x}'`).toBe(
      `kubectl rollout restart deployment/'cart;rm -rf /' -n shop -o jsonpath='{.x}'`,
    );
    expect(bashWords(sh`deployment/${name} arn:aws:iam::${'1 2'}:role/${'r'}`)).toEqual(['deployment/cart;rm -rf /', 'arn:aws:iam::1 2:role/r']);
  });

  it('makes a list one word per item', () => {
    expect(sh`--subnets ${['subnet-a', 'subnet b']}`).toBe(`--subnets subnet-a 'subnet b'`);
    expect(bashWords(sh`${['namespace=a,labels={x=1,y=2}', 'b']}`)).toEqual(['namespace=a,labels={x=1,y=2}', 'b']);
  });
});

describe('shellComment', () => {
  it('keeps a comment on one line whatever its text holds', () => {
    const line = shellComment('Job shop/once\ntouch /tmp/x\u2028');
    expect(line).toBe('# Job shop/once\\ntouch /tmp/x\\xe2\\x80\\xa8');
    expect(runBash(`${line}\necho done`).stdout).toBe('done\n');
  });
});
