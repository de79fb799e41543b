import { describe, expect, it } from 'vitest';
import { aDaemonSet, anAutoModeInventory, runRule } from '../../testing/builders.js';
import { fargateDaemonsetsRule } from './fargate-daemonsets.js';

const image = (name: string, img: string) => [{ name, image: img }];

describe('fargate-daemonsets', () => {
  it('retires node-only infrastructure as an advisory', () => {
    const exporter = aDaemonSet({
      name: 'node-exporter',
      containers: image('node-exporter', 'quay.io/prometheus/node-exporter:v1.8.0'),
      spec: { hostNetwork: true, hostPID: true },
    });
    const [f] = runRule(fargateDaemonsetsRule, anAutoModeInventory([exporter]), { target: 'fargate' });
    expect(f).toMatchObject({
      severity: 'advisory',
      capability: 'daemonset',
      action: { type: 'node-agent', change: { kind: 'retire', agent: 'Prometheus node exporter' } },
    });
  });

  it('turns a metrics agent that does not need the host into a sidecar', () => {
    const otel = aDaemonSet({ name: 'otel-agent', containers: image('otel', 'otel/opentelemetry-collector-contrib:0.100.0') });
    const [f] = runRule(fargateDaemonsetsRule, anAutoModeInventory([otel]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'change', action: { type: 'node-agent', change: { kind: 'sidecar', agent: 'OpenTelemetry Collector' } } });
  });

  it('blocks an agent that needs the host and says it keeps running on the EC2 capacity that remains', () => {
    const dd = aDaemonSet({
      name: 'datadog',
      containers: image('system-probe', 'registry.datadoghq.com/agent:7.81.1'),
      spec: { hostPID: true, volumes: [{ name: 'proc', hostPath: { path: '/proc' } }] },
    });
    const [f] = runRule(fargateDaemonsetsRule, anAutoModeInventory([dd]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('hostPID and hostPath /proc');
    expect(f?.remediation).toContain('keeps running on whatever EC2 capacity remains');
  });

  it('does not count a socket shared with pods as needing the host', () => {
    const apm = aDaemonSet({
      name: 'datadog',
      containers: image('trace', 'registry.datadoghq.com/agent:7'),
      spec: { volumes: [{ name: 'apm', hostPath: { path: '/var/run/datadog' } }] },
    });
    expect(runRule(fargateDaemonsetsRule, anAutoModeInventory([apm]), { target: 'fargate' })[0]?.severity).toBe('change');
  });

  it('says plainly that an unknown DaemonSet cannot run on Fargate', () => {
    const f = runRule(fargateDaemonsetsRule, anAutoModeInventory([aDaemonSet({ name: 'mystery', containers: image('m', 'example.com/mystery:1') })]), {
      target: 'fargate',
    })[0];
    expect(f).toMatchObject({ severity: 'change', action: { type: 'node-agent', change: { kind: 'sidecar', agent: 'mystery' } } });
    expect(f?.message).toContain('cannot run on Fargate');
  });

  it('keeps a DaemonSet that only runs on GPU nodes with them', () => {
    const dcgm = aDaemonSet({
      name: 'gpu-metrics',
      containers: image('m', 'example.com/metrics:1'),
      spec: { nodeSelector: { 'eks.amazonaws.com/instance-gpu-manufacturer': 'nvidia' } },
    });
    expect(runRule(fargateDaemonsetsRule, anAutoModeInventory([dcgm]), { target: 'fargate' })[0]).toMatchObject({
      severity: 'advisory',
      action: { type: 'stay', on: 'auto-mode' },
    });
  });

  it('leaves log shippers and Windows DaemonSets to their own rules', () => {
    const fb = aDaemonSet({ name: 'fluent-bit', containers: image('fluent-bit', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:3.0.1') });
    const win = aDaemonSet({ name: 'win-agent', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' } } });
    expect(runRule(fargateDaemonsetsRule, anAutoModeInventory([fb, win]), { target: 'fargate' })).toEqual([]);
  });
});
