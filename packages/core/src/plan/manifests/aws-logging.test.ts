import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { LogOutput } from '@modeshift/plan';
import { parseFluentBitOutputs } from '../../analysis/fluent-bit.js';
import { FARGATE_LOGGING, awsLoggingManifests, awsLoggingProblems } from './aws-logging.js';

const shared = new URL('../../../../../../shared/', import.meta.url);
const corpusCm = parse(readFileSync(new URL('corpus/fargate-game2048-logging/defaultCM.yaml', shared), 'utf8')) as { data: Record<string, string> };
const corpusOutputs = parseFluentBitOutputs(corpusCm.data['output.conf'] ?? '');

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels: Record<string, string> }; data?: Record<string, string> };
const configMap = (outputs: LogOutput[]): Obj => (awsLoggingManifests(outputs) as Obj[]).find((o) => o.kind === 'ConfigMap')!;
const dataChars = (cm: Obj): number => Object.entries(cm.data ?? {}).reduce((n, [k, v]) => n + k.length + v.length, 0);

const cloudwatch = (group: string): LogOutput => ({
  plugin: 'cloudwatch_logs',
  params: { match: 'kube.*', region: 'eu-west-1', log_group_name: group, log_stream_prefix: 'fargate-', auto_create_group: 'true' },
});

describe('awsLoggingManifests', () => {
  it('round-trips the outputs of the game-2048 aws-logging ConfigMap', () => {
    expect(corpusOutputs).toHaveLength(2);
    const cm = configMap(corpusOutputs);
    expect(parseFluentBitOutputs(cm.data!['output.conf']!)).toEqual(corpusOutputs);
    expect(awsLoggingProblems(corpusOutputs)).toEqual([]);
  });

  it('emits the labelled aws-observability namespace and the aws-logging ConfigMap with output.conf only', () => {
    const [ns, cm] = awsLoggingManifests([cloudwatch('/eks/demo')]) as Obj[];
    expect(ns).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'aws-observability', labels: { 'app.kubernetes.io/managed-by': 'modeshift', 'aws-observability': 'enabled' } },
    });
    expect(cm!.metadata).toMatchObject({ name: 'aws-logging', namespace: 'aws-observability' });
    expect(Object.keys(cm!.data!)).toEqual(['output.conf']);
    expect(cm!.data!['output.conf']).toBe(
      [
        '[OUTPUT]',
        '    Name              cloudwatch_logs',
        '    Match             kube.*',
        '    region            eu-west-1',
        '    log_group_name    /eks/demo',
        '    log_stream_prefix fargate-',
        '    auto_create_group true',
        '',
      ].join('\n'),
    );
  });

  it('leaves out unsupported plugins and ${ENV} values, names each reason, and keeps the rest', () => {
    const outputs: LogOutput[] = [
      { plugin: 'kinesis_streams', params: { match: '*', region: 'eu-west-1', stream: 'logs' } },
      cloudwatch('/eks/demo'),
      { plugin: 'datadog', params: { match: '*', apikey: 'x' } },
      { plugin: 'cloudwatch_logs', params: { match: '*', region: '${AWS_REGION}', log_group_name: '/aws/containerinsights/${CLUSTER_NAME}/app' } },
    ];
    const problems = awsLoggingProblems(outputs);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^Output 1 \(kinesis_streams, Match \*\): .*does not support the "kinesis_streams" output plugin.*closest Fargate plugin is "kinesis"/,
    );
    expect(problems[1]).toMatch(/^Output 3 \(datadog, Match \*\): .*allowed: es, firehose, kinesis_firehose, cloudwatch, cloudwatch_logs, kinesis/);
    expect(problems[2]).toContain('parameter region uses ${AWS_REGION}');
    expect(problems[2]).toContain('parameter log_group_name uses ${CLUSTER_NAME}');
    expect(parseFluentBitOutputs(configMap(outputs).data!['output.conf']!)).toEqual([cloudwatch('/eks/demo')]);
  });

  it('stops adding outputs at the 5300-character limit and says which were left out', () => {
    const outputs = Array.from({ length: 40 }, (_, i) => cloudwatch(`/eks/demo/a-rather-long-log-group-name-for-team-${String(i).padStart(2, '0')}`));
    const cm = configMap(outputs);
    const kept = parseFluentBitOutputs(cm.data!['output.conf']!);
    expect(dataChars(cm)).toBeLessThanOrEqual(FARGATE_LOGGING.maxChars);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(outputs.slice(0, kept.length));
    const problems = awsLoggingProblems(outputs);
    expect(problems).toHaveLength(outputs.length - kept.length);
    expect(problems[0]).toMatch(new RegExp(`^Output ${kept.length + 1} .*over Fargate's 5300-character limit`));
  });

  it('returns no manifests when no output is usable on Fargate', () => {
    expect(awsLoggingManifests([{ plugin: 'loki', params: { match: '*' } }])).toEqual([]);
    expect(awsLoggingManifests([])).toEqual([]);
    expect(awsLoggingProblems([])).toEqual([]);
  });

  it('adds Match * to an output without one (it would receive nothing)', () => {
    const out = configMap([{ plugin: 'es', params: { host: 'search.example.com', port: '443' } }]).data!['output.conf']!;
    expect(parseFluentBitOutputs(out)).toEqual([{ plugin: 'es', params: { match: '*', host: 'search.example.com', port: '443' } }]);
  });

  it('is deterministic', () => {
    const a = awsLoggingManifests(corpusOutputs);
    const b = awsLoggingManifests(structuredClone(corpusOutputs));
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
