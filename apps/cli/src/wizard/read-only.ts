/**
 * Decides whether a verification command is safe to run for the operator. An allow-list, not a deny-list:
 * the plan's verify commands are read-only by design, and anything this cannot prove read-only (a
 * redirection, a substitution, a program it does not know) is left for the operator to run by hand.
 */
export type Verdict = { ok: true } | { ok: false; reason: string };

const KUBECTL = new Set(['get', 'describe', 'logs', 'top', 'version', 'api-resources', 'api-versions', 'explain']);
const AWS_OPERATION = /^(describe|list|get)-[a-z0-9-]+$/;
/** Filters that only read stdin or named files and write stdout. */
const FILTERS = new Set(['grep', 'egrep', 'fgrep', 'wc', 'head', 'tail', 'cut', 'tr', 'jq', 'sort', 'column']);

type Lexed = { ok: true; segments: string[][] } | { ok: false; reason: string };

/** Splits a command into pipeline segments of words, the way bash would, refusing anything bash would expand or redirect. */
export function lex(command: string): Lexed {
  const segments: string[][] = [[]];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  const push = () => {
    if (word !== null) segments[segments.length - 1]!.push(word);
    word = null;
  };
  const chars = [...command];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word = (word ?? '') + ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '$' || ch === '`') return { ok: false, reason: 'it expands a variable or a command inside double quotes' };
      else if (ch === '\\' && i + 1 < chars.length) word = (word ?? '') + chars[++i]!;
      else word = (word ?? '') + ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\') {
      if (i + 1 >= chars.length) return { ok: false, reason: 'it ends with a backslash' };
      word = (word ?? '') + chars[++i]!;
    } else if (ch === ' ' || ch === '\t') {
      push();
    } else if (ch === '|') {
      if (chars[i + 1] === '|') return { ok: false, reason: 'it chains commands (||)' };
      push();
      if (segments[segments.length - 1]!.length === 0) return { ok: false, reason: 'it has an empty pipeline stage' };
      segments.push([]);
    } else if (ch === '#' && word === null) {
      return { ok: false, reason: 'it has a comment' };
    } else if (';&\n\r'.includes(ch)) {
      return { ok: false, reason: 'it runs more than one command (;, & or a new line)' };
    } else if ('<>'.includes(ch)) {
      return { ok: false, reason: 'it redirects input or output (< or >)' };
    } else if ('$`()'.includes(ch)) {
      return { ok: false, reason: 'it expands a variable, a command or a subshell' };
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) return { ok: false, reason: 'it has an unclosed quote' };
  push();
  if (segments[segments.length - 1]!.length === 0) return { ok: false, reason: 'it is empty or ends with a pipe' };
  return { ok: true, segments };
}

function checkSegment(words: string[], first: boolean): Verdict {
  const [program, ...args] = words as [string, ...string[]];
  if (program === 'kubectl') {
    if (!first) return { ok: false, reason: 'kubectl may only start the pipeline' };
    const sub = args[0] ?? '';
    if (sub === 'auth' && args[1] === 'can-i') return { ok: true };
    if (sub.startsWith('-')) return { ok: false, reason: 'put the kubectl subcommand before its flags' };
    if (!KUBECTL.has(sub)) return { ok: false, reason: `kubectl ${sub || '(nothing)'} is not one of: ${[...KUBECTL].join(', ')}` };
    return { ok: true };
  }
  if (program === 'aws') {
    if (!first) return { ok: false, reason: 'aws may only start the pipeline' };
    const [service = '', operation = ''] = args;
    if (service.startsWith('-')) return { ok: false, reason: 'put the aws service and operation before the options' };
    if (operation === 'wait' || AWS_OPERATION.test(operation)) return { ok: true };
    return { ok: false, reason: `aws ${service} ${operation} is not a describe-*, list-*, get-* or wait operation` };
  }
  if (program === 'eksctl' && first) {
    return args[0] === 'get' ? { ok: true } : { ok: false, reason: 'only eksctl get is read-only' };
  }
  if (FILTERS.has(program)) {
    if (program === 'sort' && args.some((a) => a === '-o' || a.startsWith('--output') || /^-[a-zA-Z]*o/.test(a))) {
      return { ok: false, reason: 'sort -o writes a file' };
    }
    return { ok: true };
  }
  return {
    ok: false,
    reason: `${program} is not on the list of read-only programs (kubectl get/describe/logs, aws describe-*/list-*/get-*/wait, grep, wc, jq, …)`,
  };
}

export function checkReadOnly(command: string): Verdict {
  const trimmed = command.trim();
  if (trimmed === '') return { ok: false, reason: 'the step has no command to run' };
  if (/<[a-z][a-z0-9-]*>/i.test(trimmed)) return { ok: false, reason: 'it has placeholders (<…>) to fill in first' };
  const lexed = lex(trimmed);
  if (!lexed.ok) return lexed;
  for (const [i, words] of lexed.segments.entries()) {
    const verdict = checkSegment(words, i === 0);
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}
