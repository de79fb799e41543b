import { describe, expect, it } from 'vitest';
import type { LogOutput } from '@modeshift/plan';
import { aDaemonSet, anAutoModeInventory, runRule } from '../../testing/builders.js';
import { aConfigMap } from '../../testing/kube-objects.js';
import { awsLoggingManifests } from '../../plan/manifests/aws-logging.js';
import { fargateLogAgentsRule } from './fargate-log-agents.js';

// Container Insights' node agent: container logs tagged application.*, a grep filter, a node-named stream prefix.
const config = `
[INPUT]
    Name   tail
    Tag    application.*
    Path   /var/log/containers/*.log
[INPUT]
    Name   systemd
    Tag    dataplane.systemd.*
[FILTER]
    Name     grep
    Match    application.*
    Exclude  log ^.*GET /(health|ready).*$
[OUTPUT]
    Name              cloudwatch_logs
    Match             application.*
    region            us-east-1
    log_group_name    /aws/containerinsights/demo/application
    log_stream_prefix \${HOST_NAME}-
[OUTPUT]
    Name             kinesis_firehose
    Match            application.var.log.containers.orders-*
    region           us-east-1
    delivery_stream  orders-audit
[OUTPUT]
    Name              cloudwatch_logs
    Match             dataplane.systemd.*
    region            us-east-1
    log_group_name    /aws/containerinsights/demo/dataplane
`;

const agent = aDaemonSet({
  namespace: 'amazon-cloudwatch',
  name: 'fluent-bit',
  containers: [
    {
      name: 'fluent-bit',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
      env: [{ name: 'HOST_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
    },
  ],
  spec: { volumes: [{ name: 'config', configMap: { name: 'fluent-bit-config' } }] },
});

function change() {
  const [f] = runRule(
    fargateLogAgentsRule,
    anAutoModeInventory([agent], { configMaps: [aConfigMap('fluent-bit-config', { 'application-log.conf': config }, { namespace: 'amazon-cloudwatch' })] }),
    { target: 'fargate' },
  );
  return { finding: f, change: (f?.action as { change: { outputs: LogOutput[]; filters?: LogOutput[]; unsupported: string[] } }).change };
}

describe('aws-logging carried over from a node agent', () => {
  it("rewrites Match patterns onto Fargate's kube.* tags, which the agent's application.* never matches", () => {
    expect(change().change.outputs.map((o) => o.params['match'])).toEqual(['kube.*', 'kube.var.log.containers.orders-*']);
  });

  it('keeps an output whose stream prefix named the node, with a literal prefix instead of dropping it', () => {
    const cw = change().change.outputs.find((o) => o.plugin === 'cloudwatch_logs');
    expect(cw?.params['log_stream_prefix']).toBe('fargate-');
    expect(change().change.unsupported.join(' ')).not.toContain('HOST_NAME');
  });

  it('carries the grep filter into filters.conf, and leaves node (systemd) logs out with a reason', () => {
    const { change: c, finding } = change();
    expect(c.filters).toEqual([{ plugin: 'grep', params: { match: 'kube.*', exclude: '^.*GET /(health|ready).*$'.replace(/^/, 'log ') } }]);
    expect(c.unsupported).toEqual(['output cloudwatch_logs (Match dataplane.systemd.*: node logs, which Fargate has no equivalent for)']);
    expect(finding?.message).toContain('Match application.* becomes kube.*');
    const [, configMap] = awsLoggingManifests(c.outputs, c.filters) as { data: Record<string, string> }[];
    expect(configMap?.data['filters.conf']).toContain('[FILTER]\n    Name    grep\n    Match   kube.*');
    expect(configMap?.data['output.conf']).toContain('log_stream_prefix fargate-');
  });
});
