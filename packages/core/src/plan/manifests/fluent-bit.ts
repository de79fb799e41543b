import type { LogOutput } from '@modeshift/plan';

/** Output plugins that talk to AWS APIs and need a `region` (the C and Go variants shipped in aws-for-fluent-bit). */
export const AWS_OUTPUT_PLUGINS: readonly string[] = ['cloudwatch', 'cloudwatch_logs', 'firehose', 'kinesis', 'kinesis_firehose', 'kinesis_streams', 's3'];

/**
 * One `[OUTPUT]` section in Fluent Bit classic mode. `Name` and `Match` come first, the other parameters in
 * the order given (parseFluentBitOutputs keeps file order), values aligned so the section reads like the
 * hand-written ones operators know. An output without `Match` would receive nothing, so it gets `Match *`.
 */
export function renderFluentBitOutput(output: LogOutput): string {
  return renderFluentBitSection('OUTPUT', output);
}

/** One section of any kind, laid out as renderFluentBitOutput describes. */
export function renderFluentBitSection(section: 'FILTER' | 'OUTPUT', output: LogOutput): string {
  const entries: [string, string][] = [
    ['Name', output.plugin],
    ['Match', output.params['match'] ?? output.params['Match'] ?? '*'],
  ];
  for (const [key, value] of Object.entries(output.params)) {
    if (key.toLowerCase() === 'match' || key.toLowerCase() === 'name') continue;
    entries.push([key, value]);
  }
  return renderSection(section, entries);
}

/** One `[PARSER]` section: its name first, then its settings in the order given (a parser has no Match). */
export function renderFluentBitParser(parser: LogOutput): string {
  const entries: [string, string][] = [['Name', parser.plugin]];
  for (const [key, value] of Object.entries(parser.params)) if (key.toLowerCase() !== 'name') entries.push([key, value]);
  return renderSection('PARSER', entries);
}

/** Several outputs, separated by blank lines, ending in a newline (as a YAML block scalar would). */
export function renderFluentBitOutputs(outputs: readonly LogOutput[]): string {
  return outputs.map(renderFluentBitOutput).join('\n');
}

export function renderSection(section: string, entries: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...entries.map(([key]) => key.length));
  const lines = entries.map(([key, value]) => `    ${key.padEnd(width)} ${singleLine(value)}`.trimEnd());
  return `[${section}]\n${lines.join('\n')}\n`;
}

// A newline inside a value would start a new (bogus) key in classic mode.
function singleLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}
