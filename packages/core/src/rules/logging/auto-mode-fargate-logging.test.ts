import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aConfigMap } from '../../testing/kube-objects.js';
import { autoModeFargateLoggingRule as rule } from './auto-mode-fargate-logging.js';

// The data of ../shared/corpus/fargate-game2048-logging/defaultCM.yaml (an export from a live cluster).
const DEFAULT_CM = {
  'filters.conf': '[FILTER]\n    Name parser\n    Match *\n    Key_name log\n    Parser crio\n',
  flb_log_cw: 'true',
  'output.conf': [
    '[OUTPUT]',
    '  Name cloudwatch',
    '  Match kube.*',
    '  region us-west-2',
    '  log_group_name /fargate-serverless/fargate-fluentbit-logs2024091817475518540000000a',
    '  log_stream_prefix fargate-logs-',
    '  auto_create_group true',
    '[OUTPUT]',
    '  Name cloudwatch_logs',
    '  Match *',
    '  region us-west-2',
    '  log_group_name /fargate-serverless/fargate-fluentbit-logs2024091817475518540000000a',
    '  log_stream_prefix fluent-bit-logs-',
    '  auto_create_group true',
  ].join('\n'),
  'parsers.conf': '[PARSER]\n  Name crio\n  Format Regex\n',
};

const run = (data?: Record<string, string>) =>
  runRule(rule, aFargateInventory([aWorkload()], { configMaps: data ? [aConfigMap('aws-logging', data, { namespace: 'aws-observability' })] : [] }), {
    target: 'auto-mode',
  });

describe('auto-mode-fargate-logging', () => {
  it('asks for a log agent DaemonSet with the same outputs', () => {
    const [finding] = run(DEFAULT_CM);
    expect(finding).toMatchObject({
      id: 'auto-mode-fargate-logging:ConfigMap/aws-observability/aws-logging',
      severity: 'change',
      capability: 'logging',
    });
    expect(finding?.message).toContain('log agent DaemonSet with the same outputs must run before workloads move');
    expect(finding?.remediation).toContain("The plan carries filters.conf into the agent's configuration: its [FILTER] section (parser).");
    expect(finding?.remediation).toContain("parsers.conf (crio) becomes the agent's parsers file.");
    const group = '/fargate-serverless/fargate-fluentbit-logs2024091817475518540000000a';
    expect(finding?.action).toEqual({
      type: 'node-agent',
      change: {
        kind: 'log-agent-daemonset',
        outputs: [
          {
            plugin: 'cloudwatch',
            params: { match: 'kube.*', region: 'us-west-2', log_group_name: group, log_stream_prefix: 'fargate-logs-', auto_create_group: 'true' },
          },
          {
            plugin: 'cloudwatch_logs',
            params: { match: '*', region: 'us-west-2', log_group_name: group, log_stream_prefix: 'fluent-bit-logs-', auto_create_group: 'true' },
          },
        ],
        filters: [{ plugin: 'parser', params: { match: '*', key_name: 'log', parser: 'crio' } }],
        parsers: [{ plugin: 'crio', params: { format: 'Regex' } }],
      },
    });
  });

  it('keeps credentials out of the plan', () => {
    const [finding] = run({ 'output.conf': '[OUTPUT]\n  Name es\n  Host search.example.com\n  HTTP_User logs\n  HTTP_Passwd hunter2\n' });
    expect(JSON.stringify(finding)).not.toContain('hunter2');
    expect(finding?.remediation).toContain('1 credential value was left out');
  });

  it('is only an advisory when aws-logging has no output', () => {
    expect(run({ 'filters.conf': DEFAULT_CM['filters.conf'] })).toMatchObject([{ severity: 'advisory', action: { type: 'review' } }]);
  });

  it('passes a cluster without Fargate logging', () => {
    expect(run()).toEqual([]);
  });
});
