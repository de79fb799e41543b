import type { ErrorCode } from 'yaml';

/**
 * The YAML library's messages often quote the input (`Unresolved tag: !e!x`, `Block scalar header
 * includes extra characters: |x`), and in an inventory that input may be a Secret's value. Problems
 * are therefore worded here, from the error's code alone.
 */
const PROBLEMS: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'an alias cannot have an anchor or a tag',
  BAD_ALIAS: 'an alias or anchor is malformed',
  BAD_COLLECTION_TYPE: 'a tag does not fit the kind of collection it is on',
  BAD_DIRECTIVE: 'a % directive is malformed',
  BAD_DQ_ESCAPE: 'an invalid escape sequence inside a double-quoted string',
  BAD_INDENT: 'the indentation does not match the lines around it',
  BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
  BAD_SCALAR_START: 'a plain value starts with a character reserved by YAML (quote the value)',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block cannot be a key or follow a key on the same line',
  BLOCK_IN_FLOW: 'a block collection inside a flow collection ([...] or {...})',
  DUPLICATE_KEY: 'the same key appears twice in one mapping',
  IMPOSSIBLE: 'the YAML cannot be read',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  MULTILINE_IMPLICIT_KEY: 'a key spans more than one line',
  MULTIPLE_ANCHORS: 'a value has more than one anchor',
  MULTIPLE_DOCS: 'more than one document where one was expected',
  MULTIPLE_TAGS: 'a value has more than one tag',
  NON_STRING_KEY: 'a key is not a string',
  RESOURCE_EXHAUSTION: 'the document would expand to too much data',
  TAB_AS_INDENT: 'a tab is used for indentation (YAML allows spaces only)',
  // Block scalar headers (`|x`) and unknown tags (`!e!x`) both end up here or as UNEXPECTED_TOKEN.
  TAG_RESOLVE_FAILED: 'a tag (a value starting with !) is not one YAML knows (quote the value)',
  UNEXPECTED_TOKEN: 'unexpected characters (a value starting with *, &, !, |, >, % or @ must be quoted)',
};

export function describeYamlCode(code: ErrorCode): string {
  return PROBLEMS[code];
}
