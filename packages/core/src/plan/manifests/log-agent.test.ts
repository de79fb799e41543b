import { describe, expect, it } from 'vitest';
import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import type { LogOutput } from '@modeshift/plan';
import type { Toleration } from '../../kube.js';
import { parseFluentBitOutputs } from '../../analysis/fluent-bit.js';
import { LOG_AGENT, logAgentManifests } from './log-agent.js';

const outputs: LogOutput[] = [
  {
    plugin: 'cloudwatch_logs',
    params: { match: 'kube.*', region: 'us-west-2', log_group_name: '/fargate/app', log_stream_prefix: 'fargate-logs-', auto_create_group: 'true' },
  },
  { plugin: 'firehose', params: { match: '*', delivery_stream: 'app-logs' } },
];
const input = { clusterName: 'demo', region: 'us-west-2' };

type Obj = Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string; labels: Record<string, string> } };
const build = (o: LogOutput[] = outputs): Obj[] => logAgentManifests(o, input) as Obj[];
const byKind = (objs: Obj[], kind: string): Obj => objs.find((o) => o.kind === kind)!;
const config = (objs: Obj[]): string => (byKind(objs, 'ConfigMap')['data'] as Record<string, string>)['fluent-bit.conf']!;
type PodSpec = {
  tolerations: Toleration[];
  nodeSelector: Record<string, string>;
  priorityClassName: string;
  serviceAccountName: string;
  containers: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
};
const podSpec = (objs: Obj[]): PodSpec => (byKind(objs, 'DaemonSet')['spec'] as { template: { spec: PodSpec } }).template.spec;

// Kubernetes' toleration matching, enough to prove the agent lands on tainted Auto Mode pools.
function tolerates(tolerations: Toleration[], taint: { key: string; value?: string; effect: string }): boolean {
  return tolerations.some(
    (t) =>
      (t.effect === undefined || t.effect === '' || t.effect === taint.effect) &&
      (t.key === undefined || t.key === '' ? t.operator === 'Exists' : t.key === taint.key && (t.operator === 'Exists' || t.value === taint.value)),
  );
}

describe('logAgentManifests', () => {
  it('emits namespace, service account, RBAC, config and DaemonSet in apply order', () => {
    const objs = build();
    expect(objs.map((o) => o.kind)).toEqual(['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'DaemonSet']);
    for (const o of objs) expect(o.metadata.labels['app.kubernetes.io/managed-by']).toBe('modeshift');
    for (const o of objs.filter((x) => ['ServiceAccount', 'ConfigMap', 'DaemonSet'].includes(x.kind))) expect(o.metadata.namespace).toBe('modeshift-logging');
  });

  it('grants the kubernetes filter read access to pods and namespaces only, bound to its service account', () => {
    const objs = build();
    expect(byKind(objs, 'ClusterRole')['rules']).toEqual([{ apiGroups: [''], resources: ['namespaces', 'pods'], verbs: ['get', 'list', 'watch'] }]);
    const binding = byKind(objs, 'ClusterRoleBinding');
    expect(binding['roleRef']).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: byKind(objs, 'ClusterRole').metadata.name });
    expect(binding['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'fluent-bit', namespace: 'modeshift-logging' }]);
    expect(podSpec(objs).serviceAccountName).toBe('fluent-bit');
  });

  it('tails container logs with the CRI parser, adds Kubernetes metadata and ships to each output', () => {
    const conf = config(build());
    expect(conf).toMatch(/^\[SERVICE\]\n/);
    expect(conf).toMatch(/\[INPUT\]\n {4}Name +tail\n {4}Tag +kube\.\*\n {4}Path +\/var\/log\/containers\/\*\.log\n/);
    expect(conf).toMatch(/multiline\.parser +cri/);
    expect(conf).toMatch(/\[FILTER\]\n {4}Name +kubernetes\n {4}Match +kube\.\*/);
    expect(conf.match(/^\[OUTPUT\]$/gm)).toHaveLength(2);
  });

  it('renders the outputs back with their parameters, adding the region AWS outputs need', () => {
    const parsed = parseFluentBitOutputs(config(build()));
    expect(parsed).toEqual([outputs[0], { plugin: 'firehose', params: { match: '*', delivery_stream: 'app-logs', region: 'us-west-2' } }]);
  });

  it('runs aws-for-fluent-bit on every Auto Mode node, including the tainted system pool', () => {
    const spec = podSpec(build());
    expect(spec.containers[0]!['image']).toBe('public.ecr.aws/aws-observability/aws-for-fluent-bit:stable');
    expect(spec.nodeSelector).toEqual({ 'eks.amazonaws.com/compute-type': 'auto' });
    expect(spec.priorityClassName).toBe('system-node-critical');
    expect(tolerates(spec.tolerations, { key: AUTO_MODE_FACTS.systemPoolTaint, effect: 'NoSchedule' })).toBe(true);
    expect(tolerates(spec.tolerations, { key: 'nvidia.com/gpu', effect: 'NoSchedule' })).toBe(true);
    expect(tolerates(spec.tolerations, { key: 'modeshift.io/security-groups', value: 'abc', effect: 'NoExecute' })).toBe(true);
  });

  it('mounts /var/log from the host read-only and sets requests and a memory limit', () => {
    const spec = podSpec(build());
    const container = spec.containers[0] as {
      volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
      resources: Record<string, Record<string, string>>;
    };
    const varlog = spec.volumes.find((v) => (v['hostPath'] as { path?: string } | undefined)?.path === '/var/log') as { name: string };
    expect(container.volumeMounts).toContainEqual({ name: varlog.name, mountPath: '/var/log', readOnly: true });
    expect(container.resources['requests']).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(container.resources['limits']).toEqual({ memory: '256Mi' });
    // Nothing else from the host is writable.
    expect(spec.volumes.filter((v) => v['hostPath'] !== undefined)).toHaveLength(1);
  });

  it('rolls the DaemonSet when the outputs change', () => {
    const hash = (objs: Obj[]): string =>
      (byKind(objs, 'DaemonSet')['spec'] as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations[
        'checksum/config'
      ]!;
    expect(hash(build())).toBe(hash(build()));
    expect(hash(build(outputs.slice(0, 1)))).not.toBe(hash(build()));
  });

  it('returns nothing for no outputs, and placeholders for an unknown region', () => {
    expect(logAgentManifests([], input)).toEqual([]);
    const objs = logAgentManifests(outputs.slice(1), { clusterName: '', region: '' }) as Obj[];
    expect(parseFluentBitOutputs(config(objs))[0]!.params['region']).toBe('<region>');
    expect(LOG_AGENT.namespace).toBe('modeshift-logging');
  });

  it('is deterministic', () => {
    const a = build();
    const b = logAgentManifests(structuredClone(outputs), { ...input }) as Obj[];
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
