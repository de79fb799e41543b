// Facts the logging rules compare against (aws-facts.md in the shared reference).

/** §2 Logging row (Fargate column). */
export const AWS_LOGGING = {
  namespace: 'aws-observability',
  configMap: 'aws-logging',
  maxChars: 5300,
  /** Fluent Bit output plugins the built-in router accepts (`kinesis_streams` is the core plugin's name for `kinesis`). */
  outputs: ['cloudwatch_logs', 'cloudwatch', 'firehose', 'kinesis_firehose', 'kinesis_streams', 'kinesis', 'es'] as readonly string[],
  filters: ['grep', 'parser', 'record_modifier', 'rewrite_tag', 'throttle', 'nest', 'modify', 'kubernetes'] as readonly string[],
} as const;
