import type { Container, PodSpec, StringMap } from '../kube.js';

/**
 * Credentials are removed once, when the inventory is read, so that no output (plan JSON, text,
 * Markdown, the generated stack and its fluent-bit.conf, the wizard's export) can differ in what it
 * shows: what the inventory does not hold, nothing can print.
 *
 * What counts as a credential is decided by the setting's name, split into word parts (`HTTP_Passwd`
 * → http, passwd; `tls.key_passwd` → tls, key, passwd; `apiKey` → api, key):
 * - a part that names a secret: auth, authorization, pass, passwd, password, pwd, passphrase, token,
 *   secret, credential(s), apikey, accesskey, secretkey, privatekey;
 * - the part `key`, unless the part before it says the setting names a record field (Fluent Bit's
 *   `Log_Key`, `Time_Key`, `Merge_Log_Key`: their values are field names, and redacting them would break
 *   the configuration the plan carries over). When in doubt a key is redacted: a placeholder costs the
 *   operator a look at the source, a leaked credential costs a rotation.
 * Kept, because they point at a secret rather than hold one: names ending in name, file, path, ref,
 * arn, url, uri or endpoint (`Key_Name`, `secretName`, `token_file`, `tls.key_file`), and names ending
 * in type, mode or method. Values kept whatever the name: placeholders (`${VAR}`, `<...>`, empty) and
 * switches (on, off, true, false, yes, no), as in `AWS_Auth On`.
 */
export const REDACTED = '<redacted>';

const SECRET_WORDS = new Set([
  'auth',
  'authorization',
  'pass',
  'passwd',
  'password',
  'pwd',
  'passphrase',
  'token',
  'secret',
  'secrets',
  'credential',
  'credentials',
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
]);
const FIELD_WORDS = new Set([
  'log',
  'time',
  'message',
  'tag',
  'merge',
  'partition',
  'record',
  'sort',
  'label',
  'preserve',
  'include',
  'hash',
  'routing',
  'field',
  'json',
  'stream',
  'prefix',
]);
const REFERENCE_ENDINGS = new Set(['name', 'file', 'path', 'ref', 'arn', 'url', 'uri', 'endpoint', 'type', 'mode', 'method']);
/** A quick test before any splitting: most names and texts mention none of these. */
const HINT = /auth|pass|pwd|token|secret|credential|key/i;
const PLACEHOLDER = /^(\$\{[^}]*\}|<[^>]*>|)$/;
const SWITCH = /^(on|off|true|false|yes|no)$/i;

function wordParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '');
}

export function isSecretKey(name: string): boolean {
  if (!HINT.test(name)) return false;
  const parts = wordParts(name);
  const last = parts[parts.length - 1];
  if (last === undefined || REFERENCE_ENDINGS.has(last)) return false;
  return parts.some((part, i) => SECRET_WORDS.has(part) || (part === 'key' && !FIELD_WORDS.has(parts[i - 1] ?? '')));
}

const keepsValue = (value: string) => PLACEHOLDER.test(value.trim()) || SWITCH.test(value.trim());

/** `Key value`, `key: value`, `key=value` and `"key": "value",` lines (Fluent Bit, fluentd, YAML, .env, JSON). */
const CONFIG_LINE = /^(\s*)(["']?)([^\s:="']+)\2(\s*[:=]\s*|\s+)(\S.*?)\s*$/;
const QUOTED = /^(["'])(.*)\1(,?)$/;
/** `Header Authorization Bearer x`: a setting whose value starts with a credential's name. */
const NAMED_VALUE = /^([A-Za-z0-9_.-]+)(\s+|\s*[:=]\s*)(\S.*)$/;

function redactValue(value: string): string {
  const quoted = QUOTED.exec(value);
  if (quoted) return keepsValue(quoted[2] ?? '') ? value : `${quoted[1]}${REDACTED}${quoted[1]}${quoted[3]}`;
  return keepsValue(value) ? value : REDACTED;
}

function redactLine(line: string): string {
  const m = CONFIG_LINE.exec(line);
  if (!m) return line;
  const [, indent = '', quote = '', key = '', separator = '', value = ''] = m;
  const head = `${indent}${quote}${key}${quote}${separator}`;
  if (isSecretKey(key)) return `${head}${redactValue(value)}`;
  const named = NAMED_VALUE.exec(value);
  if (named && isSecretKey(named[1] ?? '')) return `${head}${named[1]}${named[2]}${redactValue(named[3] ?? '')}`;
  return line;
}

/** Configuration text with every credential-looking setting's value replaced. */
export function redactConfigText(text: string): string {
  if (!HINT.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!HINT.test(line)) continue;
    const clean = redactLine(line);
    if (clean !== line) {
      lines[i] = clean;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/** A ConfigMap's data: a value under a credential's name goes whole, any other is redacted line by line. */
export function redactConfigMapData(data: StringMap): StringMap {
  let out: StringMap | null = null;
  for (const [key, value] of Object.entries(data)) {
    const clean = isSecretKey(key) && !keepsValue(value) ? REDACTED : redactConfigText(value);
    if (clean !== value) out ??= { ...data };
    if (out) out[key] = clean;
  }
  return out ?? data;
}

const FLAG = /^(-{1,2})([A-Za-z0-9_.-]+)=(.+)$/;

function redactArgs(args: string[] | undefined): string[] | undefined {
  if (!args) return args;
  let out: string[] | null = null;
  args.forEach((arg, i) => {
    const flag = FLAG.exec(arg);
    const clean = flag && isSecretKey(flag[2] ?? '') ? `${flag[1]}${flag[2]}=${redactValue(flag[3] ?? '')}` : arg;
    if (clean !== arg) out ??= [...args];
    if (out) out[i] = clean;
  });
  return out ?? args;
}

function redactContainer(container: Container): Container {
  let env = container.env;
  container.env?.forEach((variable, i) => {
    if (variable.value === undefined || !isSecretKey(variable.name) || keepsValue(variable.value)) return;
    env = env === container.env ? [...(container.env ?? [])] : env;
    env![i] = { ...variable, value: REDACTED };
  });
  const args = redactArgs(container.args);
  const command = redactArgs(container.command);
  if (env === container.env && args === container.args && command === container.command) return container;
  const out: Container = { ...container };
  if (env) out.env = env;
  if (args) out.args = args;
  if (command) out.command = command;
  return out;
}

/** A pod spec with literal credentials in its containers' env and `--flag=value` arguments replaced. */
export function redactPodSpec(spec: PodSpec): PodSpec {
  const containers = spec.containers.map(redactContainer);
  const initContainers = spec.initContainers?.map(redactContainer);
  const same = (a: Container[] | undefined, b: Container[] | undefined) => a === b || (a !== undefined && b !== undefined && a.every((c, i) => c === b[i]));
  if (same(containers, spec.containers) && same(initContainers, spec.initContainers)) return spec;
  const out: PodSpec = { ...spec, containers };
  if (initContainers) out.initContainers = initContainers;
  return out;
}
