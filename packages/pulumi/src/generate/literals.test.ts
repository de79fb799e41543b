import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tsCommentText, yamlString, yamlStringList } from './literals.js';

const TRICKY = [
  'plain',
  '',
  'a: b',
  '- item',
  '[x]',
  '{y}',
  '# c',
  '&anchor *alias !tag |',
  '\'single\' "double"',
  'line\nnext\r\n',
  'tab\tbell\u0007del\u007f',
  'nel\u0085ls\u2028ps\u2029bom\ufeff',
  'true',
  '1e3',
  'null',
  '~',
  'emoji 🚀',
  'back\\slash',
];

describe('yamlString', () => {
  it('reads back as exactly the text, whatever it holds', () => {
    for (const text of TRICKY) expect(parse(`k: ${yamlString(text)}`), JSON.stringify(text)).toEqual({ k: text });
  });

  it('stays on one line', () => {
    for (const text of TRICKY) expect(yamlString(text)).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
  });

  it('writes a list of strings as a flow sequence', () => {
    expect(yamlStringList(['subnet-a', 'subnet-b'])).toBe('["subnet-a","subnet-b"]');
    expect(parse(`k: ${yamlStringList(TRICKY)}`)).toEqual({ k: TRICKY });
  });
});

describe('tsCommentText', () => {
  it('leaves ordinary text alone and escapes whatever would end a // comment', () => {
    expect(tsCommentText('move shop-prod from fargate')).toBe('move shop-prod from fargate');
    expect(tsCommentText('a\nb\r\u2028\u2029c')).toBe('a\\u000ab\\u000d\\u2028\\u2029c');
  });
});
