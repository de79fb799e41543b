import type { LogOutput } from '@modeshift/plan';
import { shortHash } from '../../util/hash.js';
import { AWS_OUTPUT_PLUGINS, renderFluentBitOutputs, renderFluentBitParser, renderFluentBitSection, renderSection } from './fluent-bit.js';
import { managedLabels, orPlaceholder } from './meta.js';

export const LOG_AGENT = {
  namespace: 'modeshift-logging',
  name: 'fluent-bit',
  image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
} as const;

const APP_LABELS = { 'app.kubernetes.io/name': LOG_AGENT.name } as const;
// Cluster-scoped names are shared with whatever the cluster already runs; a prefix avoids adopting someone's "fluent-bit".
const CLUSTER_ROLE = `modeshift-${LOG_AGENT.name}`;
const STATE_DIR = '/var/fluent-bit/state';

/** Where the agent's configuration is mounted; Parsers_File names the parsers file there. */
const CONFIG_DIR = '/fluent-bit/etc/';

/**
 * The DaemonSet that replaces Fargate's built-in log router on Auto Mode, shipping to the same outputs through
 * the same filters (aws-logging's filters.conf) with the same parsers (its parsers.conf, as the agent's
 * parsers.conf). Returns [] when there are no outputs: Fargate without aws-logging shipped nothing, and neither
 * should this. The ServiceAccount needs AWS permissions for the outputs (an EKS Pod Identity association or IRSA
 * annotation); that role is infrastructure, so it is not part of these manifests.
 */
export function logAgentManifests(
  outputs: LogOutput[],
  input: { clusterName: string; region: string; filters?: readonly LogOutput[]; parsers?: readonly LogOutput[] },
): Record<string, unknown>[] {
  if (outputs.length === 0) return [];
  const region = orPlaceholder(input.region, 'region');
  const parsers = input.parsers ?? [];
  const config = fluentBitConfig(outputs, region, input.filters ?? [], parsers.length > 0);
  const parsersFile = parsers.map(renderFluentBitParser).join('\n');
  // A fresh map per object: shared instances render as YAML anchors and alias each other for any caller that edits one.
  const labels = (): Record<string, string> => managedLabels(APP_LABELS);
  const meta = (name: string): Record<string, unknown> => ({ name, namespace: LOG_AGENT.namespace, labels: labels() });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: LOG_AGENT.namespace, labels: managedLabels() } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(LOG_AGENT.name) },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: CLUSTER_ROLE, labels: labels() },
      // What the kubernetes filter reads to attach pod metadata; nothing more.
      rules: [{ apiGroups: [''], resources: ['namespaces', 'pods'], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: CLUSTER_ROLE, labels: labels() },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CLUSTER_ROLE },
      subjects: [{ kind: 'ServiceAccount', name: LOG_AGENT.name, namespace: LOG_AGENT.namespace }],
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(`${LOG_AGENT.name}-config`),
      data: { 'fluent-bit.conf': config, ...(parsersFile !== '' ? { 'parsers.conf': parsersFile } : {}) },
    },
    daemonSet(config + parsersFile, labels, orPlaceholder(input.clusterName, 'cluster-name'), region),
  ];
}

/** Settings of the agent's kubernetes filter that belong to the node it runs on, never taken from Fargate's. */
const NODE_SETTINGS = new Set(['name', 'match', 'kube_url', 'kube_tag_prefix']);

/**
 * The agent's kubernetes filter (it reads container logs from the node, so it needs the API server and the
 * tag prefix of its tail input) with the settings Fargate's filter had (Merge_Log, Keep_Log, Labels, cache TTL…).
 */
function kubernetesFilter(fargate: LogOutput | undefined): string {
  const entries: [string, string][] = [
    ['Name', 'kubernetes'],
    ['Match', 'kube.*'],
    ['Kube_URL', 'https://kubernetes.default.svc:443'],
    ['Kube_Tag_Prefix', 'kube.var.log.containers.'],
    ['Merge_Log', 'On'],
    ['Keep_Log', 'Off'],
    ['K8S-Logging.Parser', 'On'],
    ['K8S-Logging.Exclude', 'On'],
    ['Buffer_Size', '0'],
  ];
  for (const [key, value] of Object.entries(fargate?.params ?? {})) {
    if (NODE_SETTINGS.has(key.toLowerCase())) continue;
    const same = entries.find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (same) same[1] = value;
    else entries.push([key, value]);
  }
  return renderSection('FILTER', entries);
}

/** aws-logging's filters in their order, its kubernetes filter replaced by the agent's (first when it had none). */
function filterSections(filters: readonly LogOutput[]): string[] {
  const k8s = filters.findIndex((f) => f.plugin.toLowerCase() === 'kubernetes');
  const rendered = filters.map((f, i) => (i === k8s ? kubernetesFilter(f) : renderFluentBitSection('FILTER', f)));
  return k8s === -1 ? [kubernetesFilter(undefined), ...rendered] : rendered;
}

function fluentBitConfig(outputs: readonly LogOutput[], region: string, filters: readonly LogOutput[], parsers: boolean): string {
  const service = renderSection('SERVICE', [
    ['Flush', '5'],
    ['Grace', '30'],
    ['Log_Level', 'info'],
    ['Daemon', 'off'],
    ...(parsers ? [['Parsers_File', `${CONFIG_DIR}parsers.conf`] as const] : []),
    ['HTTP_Server', 'On'],
    ['HTTP_Listen', '0.0.0.0'],
    ['HTTP_Port', '2020'],
  ]);
  const input = renderSection('INPUT', [
    ['Name', 'tail'],
    // kube.* keeps the tags Fargate's router used, so the outputs' Match patterns still select the records.
    ['Tag', 'kube.*'],
    ['Path', '/var/log/containers/*.log'],
    // The agent's own logs would otherwise loop back through it.
    ['Exclude_Path', `/var/log/containers/*_${LOG_AGENT.namespace}_*.log`],
    ['multiline.parser', 'cri'],
    ['DB', `${STATE_DIR}/tail-containers.db`],
    ['Mem_Buf_Limit', '50MB'],
    ['Skip_Long_Lines', 'On'],
    ['Refresh_Interval', '10'],
  ]);
  // AWS outputs fail to start without a region; Fargate configs usually name it, agent configs sometimes rely on IMDS.
  const withRegion = outputs.map((o) =>
    AWS_OUTPUT_PLUGINS.includes(o.plugin.toLowerCase()) && o.params['region'] === undefined ? { plugin: o.plugin, params: { ...o.params, region } } : o,
  );
  return [service, input, ...filterSections(filters), renderFluentBitOutputs(withRegion)].join('\n');
}

function daemonSet(config: string, labels: () => Record<string, string>, clusterName: string, region: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: LOG_AGENT.name, namespace: LOG_AGENT.namespace, labels: labels() },
    spec: {
      selector: { matchLabels: { ...APP_LABELS } },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        // A changed configuration changes the template, so applying it rolls the agents.
        metadata: { labels: labels(), annotations: { 'checksum/config': shortHash([config]) } },
        spec: {
          serviceAccountName: LOG_AGENT.name,
          // Log agents must not be preempted or evicted before the workloads whose logs they carry.
          priorityClassName: 'system-node-critical',
          // Fargate nodes also take DaemonSet pods when tolerated, and cannot run them; Auto Mode nodes only.
          nodeSelector: { 'eks.amazonaws.com/compute-type': 'auto' },
          // Tolerating every taint covers the system pool's CriticalAddonsOnly and the GPU / security-group pools.
          tolerations: [{ operator: 'Exists' }],
          containers: [
            {
              name: LOG_AGENT.name,
              image: LOG_AGENT.image,
              env: [
                { name: 'AWS_REGION', value: region },
                { name: 'CLUSTER_NAME', value: clusterName },
                { name: 'HOST_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
              ],
              ports: [{ name: 'http', containerPort: 2020, protocol: 'TCP' }],
              // No CPU limit: throttling a log agent during a burst drops or delays logs; memory is bounded by Mem_Buf_Limit.
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
              securityContext: { allowPrivilegeEscalation: false },
              volumeMounts: [
                { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
                { name: 'varlog', mountPath: '/var/log', readOnly: true },
                { name: 'state', mountPath: STATE_DIR },
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: `${LOG_AGENT.name}-config` } },
            { name: 'varlog', hostPath: { path: '/var/log' } },
            // Auto Mode limits writes to the host (SELinux, read-only root: aws-facts §2), so tail offsets live in an
            // emptyDir, which survives container restarts (not pod replacement).
            { name: 'state', emptyDir: {} },
          ],
        },
      },
    },
  };
}
