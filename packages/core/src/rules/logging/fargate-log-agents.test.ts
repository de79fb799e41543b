import { describe, expect, it } from 'vitest';
import { aDaemonSet, anAutoModeInventory, runRule } from '../../testing/builders.js';
import { aConfigMap } from '../../testing/kube-objects.js';
import { fargateLogAgentsRule } from './fargate-log-agents.js';

const config = `
[FILTER]
    Name    kubernetes
    Match   kube.*
[FILTER]
    Name    aws
    Match   *
[OUTPUT]
    Name              cloudwatch_logs
    Match             *
    region            \${AWS_REGION}
    log_group_name    /eks/\${CLUSTER_NAME}/app
    log_stream_prefix \${HOST_NAME}-
[OUTPUT]
    Name   loki
    Match  *
`;

const fluentBit = aDaemonSet({
  namespace: 'logging',
  name: 'fluent-bit',
  containers: [
    {
      name: 'fluent-bit',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:3.0.1',
      env: [
        { name: 'AWS_REGION', value: 'eu-west-1' },
        { name: 'CLUSTER_NAME', valueFrom: { configMapKeyRef: { name: 'cluster-info', key: 'cluster.name' } } },
        { name: 'HOST_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      ],
    },
  ],
  spec: { volumes: [{ name: 'config', configMap: { name: 'fluent-bit-config' } }] },
});

describe('fargate-log-agents', () => {
  it("derives aws-logging outputs from the agent's Fluent Bit config and lists what cannot move", () => {
    const [f] = runRule(
      fargateLogAgentsRule,
      anAutoModeInventory([fluentBit], {
        configMaps: [
          aConfigMap('fluent-bit-config', { 'output.conf': config }, { namespace: 'logging' }),
          aConfigMap('cluster-info', { 'cluster.name': 'demo' }, { namespace: 'logging' }),
        ],
      }),
      { target: 'fargate' },
    );
    expect(f).toMatchObject({ id: 'fargate-log-agents:DaemonSet/logging/fluent-bit', severity: 'change', capability: 'logging' });
    expect(f?.action).toEqual({
      type: 'node-agent',
      change: {
        kind: 'aws-logging-configmap',
        outputs: [{ plugin: 'cloudwatch_logs', params: { match: '*', region: 'eu-west-1', log_group_name: '/eks/demo/app', log_stream_prefix: 'fargate-' } }],
        filters: [{ plugin: 'kubernetes', params: { match: 'kube.*', merge_log: 'On', keep_log: 'Off', buffer_size: '0', kube_meta_cache_ttl: '300s' } }],
        unsupported: ['filter aws', 'output loki'],
      },
    });
    expect(f?.sources).toContain('https://docs.aws.amazon.com/eks/latest/userguide/fargate-logging.html');
  });

  it("carries Container Insights' cluster name and Region as the cluster's when their ConfigMap is not in the inventory", () => {
    const withoutClusterInfo = { ...fluentBit, template: structuredClone(fluentBit.template) };
    withoutClusterInfo.template.spec.containers[0]!.env = withoutClusterInfo.template.spec.containers[0]!.env!.filter((e) => e.name !== 'AWS_REGION');
    const [f] = runRule(
      fargateLogAgentsRule,
      anAutoModeInventory([withoutClusterInfo], { configMaps: [aConfigMap('fluent-bit-config', { 'output.conf': config }, { namespace: 'logging' })] }),
      { target: 'fargate' },
    );
    expect(f?.action).toMatchObject({
      change: {
        outputs: [{ plugin: 'cloudwatch_logs', params: { region: 'eu-west-1', log_group_name: '/eks/demo/app' } }],
        unsupported: ['filter aws', 'output loki'],
      },
    });
  });

  it('says so when the configuration is not in the inventory', () => {
    const f = runRule(fargateLogAgentsRule, anAutoModeInventory([fluentBit]), { target: 'fargate' })[0];
    expect(f?.action).toMatchObject({
      change: { outputs: [], unsupported: ['the Fluent Bit configuration: ConfigMap logging/fluent-bit-config is not in the inventory'] },
    });
  });

  it('asks for a rewrite of agents that are not Fluent Bit', () => {
    const fluentd = aDaemonSet({ name: 'fluentd', containers: [{ name: 'fluentd', image: 'fluent/fluentd-kubernetes-daemonset:v1' }] });
    expect(runRule(fargateLogAgentsRule, anAutoModeInventory([fluentd]), { target: 'fargate' })[0]?.message).toContain('Fluentd');
  });

  it('passes DaemonSets that are not log shippers', () => {
    expect(runRule(fargateLogAgentsRule, anAutoModeInventory([aDaemonSet({ name: 'node-exporter' })]), { target: 'fargate' })).toEqual([]);
  });
});

describe('fargate-log-agents credentials', () => {
  it('never copies a credential from the agent environment into the plan', async () => {
    const { normalizeDocuments } = await import('../../inventory/normalize.js');
    const origin = { file: 't.yaml', line: 1 };
    const { inventory } = normalizeDocuments([
      {
        origin,
        value: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'fb', namespace: 'logging' },
          data: { 'fluent-bit.conf': '[OUTPUT]\n    Name es\n    Match *\n    HTTP_Passwd ${API_TOKEN}\n    Host ${ES_HOST}\n' },
        },
      },
      {
        origin,
        value: {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          metadata: { name: 'fluent-bit', namespace: 'logging' },
          spec: {
            template: {
              metadata: { labels: { app: 'fb' } },
              spec: {
                containers: [
                  {
                    name: 'fluent-bit',
                    image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
                    env: [
                      { name: 'API_TOKEN', value: 'tok-live-1234' },
                      { name: 'ES_HOST', value: 'es.internal' },
                    ],
                    volumeMounts: [{ name: 'config', mountPath: '/fluent-bit/etc/' }],
                  },
                ],
                volumes: [{ name: 'config', configMap: { name: 'fb' } }],
              },
            },
          },
        },
      },
    ]);
    const findings = runRule(fargateLogAgentsRule, inventory, { target: 'fargate' });
    expect(JSON.stringify(findings)).not.toContain('tok-live-1234');
    expect(JSON.stringify(findings)).toContain('es.internal');
  });
});
