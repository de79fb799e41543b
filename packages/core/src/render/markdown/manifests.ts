import { stringify } from 'yaml';
import type { Manifest } from '@modeshift/plan';
import { code, fence, html } from './syntax.js';

/** Manifests longer than this fold into <details> so the checklist stays readable. */
const INLINE_LINES = 25;

export const REDACTED = '<redacted>';

// Keys whose string values are credentials. A name or path that merely mentions one (secretName,
// token_file) is kept: the operator needs it and it is not the secret itself.
const CREDENTIAL = /passw(or)?d|passwd|\bpwd\b|secret|token|api[-_]?key|credential|private[-_]?key|cloud[-_]?auth|auth[-_]?key/i;
const REFERENCE = /(name|file|path|ref|arn|url|uri|endpoint)$/i;
// A value that points at a secret rather than being one.
const PLACEHOLDER = /^(\$\{[^}]*\}|<[^>]*>|)$/;

function isCredentialKey(key: string): boolean {
  return CREDENTIAL.test(key) && !REFERENCE.test(key);
}

/** `Key value`, `key: value` or `key=value` lines in embedded configuration (Fluent Bit, YAML, .env). */
const CONFIG_LINE = /^(\s*)([A-Za-z0-9_.-]+)(\s*[:=]\s*|\s+)(\S.*?)\s*$/;

function redactText(text: string, count: { n: number }): string {
  if (!CREDENTIAL.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const m = CONFIG_LINE.exec(line);
      if (!m || !isCredentialKey(m[2] ?? '') || PLACEHOLDER.test(m[4] ?? '')) return line;
      count.n += 1;
      return `${m[1]}${m[2]}${m[3]}${REDACTED}`;
    })
    .join('\n');
}

/**
 * A copy with credential-looking values replaced. The planner should never put one in a manifest, but a
 * change ticket is copied into places a cluster's secrets must not reach, so the export checks again.
 */
function redact(value: unknown, key: string, count: { n: number }): unknown {
  if (typeof value === 'string') {
    if (isCredentialKey(key) && !PLACEHOLDER.test(value)) {
      count.n += 1;
      return REDACTED;
    }
    return value.includes('\n') ? redactText(value, count) : value;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, key, count));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // An env var ({name, value}) carries its meaning in the name, not in the key "value".
  const envName = typeof object.name === 'string' && typeof object.value === 'string' ? object.name : null;
  for (const [k, v] of Object.entries(object)) {
    if (k === 'value' && envName !== null && isCredentialKey(envName) && !PLACEHOLDER.test(v as string)) {
      count.n += 1;
      out[k] = REDACTED;
      continue;
    }
    // A Secret's payload is its data, whatever the keys are called.
    if (object.kind === 'Secret' && (k === 'data' || k === 'stringData') && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.keys(v).map((dataKey) => [dataKey, REDACTED]));
      count.n += Object.keys(v).length;
    } else {
      out[k] = redact(v, k, count);
    }
  }
  return out;
}

/**
 * YAML 1.1 quoting: kubectl reads manifests with a YAML 1.1 parser, where an unquoted `yes` or `on` is a
 * boolean. No aliases: anchors are legal but make a manifest hard to read and edit. Key order is the
 * planner's, which is deterministic; sorting would put `kind` after `data`.
 */
export function manifestText(manifest: Manifest): { text: string; redacted: number } {
  const count = { n: 0 };
  const object = redact(manifest.object, '', count);
  const text = manifest.file.toLowerCase().endsWith('.json')
    ? `${JSON.stringify(object, null, 2)}\n`
    : stringify(object, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0, sortMapEntries: false });
  return { text, redacted: count.n };
}

function language(file: string): string {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

/**
 * One manifest as Markdown lines, inside a list item (`indent`). `used` says whether the step's commands
 * name the file; when they do not, the caption says how to apply it, so no manifest is left without a command.
 */
export function manifestBlock(manifest: Manifest, indent: string, used: boolean): { lines: string[]; redacted: number } {
  const { text, redacted } = manifestText(manifest);
  const body = fence(language(manifest.file), text, indent);
  const count = text.replace(/\n$/, '').split('\n').length;
  const apply = used || language(manifest.file) !== 'yaml' ? '' : ` and apply it with ${code(`kubectl apply -f ${manifest.file}`)}`;
  if (count <= INLINE_LINES) return { lines: [`${indent}Save as ${code(manifest.file)}${apply}:`, '', ...body], redacted };
  return {
    lines: [`${indent}<details>`, `${indent}<summary>Save as ${html(manifest.file)} (${count} lines)</summary>`, '', ...(apply ? [`${indent}Apply it with ${code(`kubectl apply -f ${manifest.file}`)}.`, ''] : []), ...body, '', `${indent}</details>`],
    redacted,
  };
}
