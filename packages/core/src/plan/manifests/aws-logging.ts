import type { LogOutput } from '@modeshift/plan';
import { managedLabels } from './meta.js';
import { renderFluentBitOutputs, renderFluentBitParser, renderFluentBitSection } from './fluent-bit.js';

/** Fargate's built-in log router rules (aws-facts §2, Logging row). */
export const FARGATE_LOGGING = {
  namespace: 'aws-observability',
  configMap: 'aws-logging',
  maxChars: 5300,
  outputPlugins: ['es', 'firehose', 'kinesis_firehose', 'cloudwatch', 'cloudwatch_logs', 'kinesis'],
} as const;

// Names an agent config commonly uses for a plugin Fargate knows under another name.
const FARGATE_NAME_FOR: Readonly<Record<string, string>> = { kinesis_streams: 'kinesis', opensearch: 'es' };

/**
 * Namespace `aws-observability` and ConfigMap `aws-logging` holding `output.conf`.
 *
 * Decision: this never throws. Outputs Fargate would reject are left out and the rest are kept in order while
 * the ConfigMap stays within 5300 characters; `awsLoggingProblems` names every output left out and why, so
 * the planner reports them next to the step. One invalid section can get the whole configuration refused
 * (and logging disabled for new pods), so shipping the valid subset keeps the other outputs flowing.
 * `filters` (already rewritten for Fargate's kube.* tags) go into filters.conf, so records are filtered as before,
 * and the `parsers` they name into parsers.conf. With no usable output: [].
 */
export function awsLoggingManifests(outputs: LogOutput[], filters: readonly LogOutput[] = [], parsers: readonly LogOutput[] = []): Record<string, unknown>[] {
  const { kept } = selectFargateOutputs(outputs, filters, parsers);
  if (kept.length === 0) return [];
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      // Fargate only reads the ConfigMap from a namespace carrying this label.
      metadata: { name: FARGATE_LOGGING.namespace, labels: managedLabels({ 'aws-observability': 'enabled' }) },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: FARGATE_LOGGING.configMap, namespace: FARGATE_LOGGING.namespace, labels: managedLabels() },
      data: configData(kept, filters, parsers),
    },
  ];
}

/** Why outputs cannot go into aws-logging, one sentence each; empty when all of them fit. */
export function awsLoggingProblems(outputs: LogOutput[], filters: readonly LogOutput[] = [], parsers: readonly LogOutput[] = []): string[] {
  return selectFargateOutputs(outputs, filters, parsers).problems;
}

/** The ConfigMap's data: filters.conf and parsers.conf only when they hold sections, output.conf always. */
function configData(outputs: readonly LogOutput[], filters: readonly LogOutput[], parsers: readonly LogOutput[]): Record<string, string> {
  return {
    ...(filters.length > 0 ? { 'filters.conf': filters.map((f) => renderFluentBitSection('FILTER', f)).join('\n') } : {}),
    'output.conf': renderFluentBitOutputs(outputs),
    ...(parsers.length > 0 ? { 'parsers.conf': parsers.map(renderFluentBitParser).join('\n') } : {}),
  };
}

function selectFargateOutputs(
  outputs: readonly LogOutput[],
  filters: readonly LogOutput[],
  parsers: readonly LogOutput[],
): { kept: LogOutput[]; problems: string[] } {
  const kept: LogOutput[] = [];
  const problems: string[] = [];
  outputs.forEach((output, index) => {
    const label = `Output ${index + 1} (${output.plugin}, Match ${output.params['match'] ?? '*'})`;
    const reasons = outputReasons(output);
    if (reasons.length > 0) {
      problems.push(`${label}: ${reasons.join('; ')}.`);
      return;
    }
    const size = configMapChars([...kept, output], filters, parsers);
    if (size > FARGATE_LOGGING.maxChars) {
      problems.push(
        `${label}: left out because it would make the ${FARGATE_LOGGING.configMap} ConfigMap ${size} characters, over Fargate's ${FARGATE_LOGGING.maxChars}-character limit.`,
      );
      return;
    }
    kept.push(output);
  });
  return { kept, problems };
}

function outputReasons(output: LogOutput): string[] {
  const reasons: string[] = [];
  const plugin = output.plugin.toLowerCase();
  if (!(FARGATE_LOGGING.outputPlugins as readonly string[]).includes(plugin)) {
    const rename = FARGATE_NAME_FOR[plugin];
    reasons.push(
      `Fargate's log router does not support the "${output.plugin}" output plugin (allowed: ${FARGATE_LOGGING.outputPlugins.join(', ')})` +
        (rename ? `; the closest Fargate plugin is "${rename}", whose parameters differ, so it is not rewritten automatically` : ''),
    );
  }
  for (const [key, value] of Object.entries(output.params)) {
    const vars = value.match(/\$\{[^}]*\}/g);
    if (vars) reasons.push(`parameter ${key} uses ${[...new Set(vars)].join(', ')}, and Fargate does not expand environment variables`);
  }
  return reasons;
}

// The limit is on the ConfigMap; what counts is its data, so keys are counted as well as values.
function configMapChars(outputs: readonly LogOutput[], filters: readonly LogOutput[], parsers: readonly LogOutput[]): number {
  return Object.entries(configData(outputs, filters, parsers)).reduce((n, [key, value]) => n + key.length + value.length, 0);
}
