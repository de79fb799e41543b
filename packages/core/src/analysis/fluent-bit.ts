import type { LogOutput } from '@modeshift/plan';

/**
 * Reads the [OUTPUT] sections of a Fluent Bit classic-mode configuration (what aws-logging's
 * `output.conf` and most agent ConfigMaps hold). Keys are lower-cased: Fluent Bit treats them
 * case-insensitively.
 */
export function parseFluentBitOutputs(config: string): LogOutput[] {
  return parseFluentBitSections(config, 'OUTPUT');
}

/** The sections of one kind ([INPUT], [FILTER], [OUTPUT] or [PARSER]) as plugin (or parser) name and lower-cased parameters. */
export function parseFluentBitSections(config: string, kind: 'INPUT' | 'FILTER' | 'OUTPUT' | 'PARSER'): LogOutput[] {
  const outputs: LogOutput[] = [];
  let current: LogOutput | null = null;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[([A-Za-z_]+)\]$/.exec(line);
    if (section) {
      current = section[1]?.toUpperCase() === kind ? { plugin: '', params: {} } : null;
      if (current) outputs.push(current);
      continue;
    }
    if (!current) continue;
    const kv = /^(\S+)\s+(.*)$/.exec(line);
    if (!kv) continue;
    const key = (kv[1] ?? '').toLowerCase();
    const value = (kv[2] ?? '').trim();
    if (key === 'name') current.plugin = value;
    else current.params[key] = value;
  }
  return outputs.filter((o) => o.plugin !== '');
}
