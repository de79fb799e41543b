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

/**
 * What a Fluent Bit output writes with, by output plugin: the IAM actions the log agent's role needs where
 * Fargate's router used the pod execution role's. CloudWatch: the policy of the Fargate logging guide
 * (https://docs.aws.amazon.com/eks/latest/userguide/fargate-logging.html); the others: each plugin's one
 * write call, as the Fluent Bit output manuals name it (https://docs.fluentbit.io/manual/pipeline/outputs).
 */
export const LOG_OUTPUT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  cloudwatch_logs: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents', 'logs:PutRetentionPolicy'],
  cloudwatch: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents', 'logs:PutRetentionPolicy'],
  firehose: ['firehose:PutRecordBatch'],
  kinesis_firehose: ['firehose:PutRecordBatch'],
  kinesis: ['kinesis:PutRecords'],
  kinesis_streams: ['kinesis:PutRecords'],
  es: ['es:ESHttpGet', 'es:ESHttpPost', 'es:ESHttpPut'],
  opensearch: ['es:ESHttpGet', 'es:ESHttpPost', 'es:ESHttpPut'],
};
