// Recognising what a DaemonSet is for, from its name and images, so the plan can say what replaces
// it on Fargate. Patterns match whole words of names and image paths ("vector" but not "victor").
import type { Workload } from '../inventory/types.js';
import { allContainers } from './evidence.js';

export type AgentRole = 'log-shipper' | 'observability' | 'node-infrastructure' | 'unknown';

export interface AgentClass {
  role: AgentRole;
  /** A readable product name, e.g. "Fluent Bit", "Datadog Agent". */
  agent: string;
  /** True for agents whose configuration is Fluent Bit's classic format. */
  fluentBit: boolean;
}

const word = (w: string) => new RegExp(`(^|[/_.:@ -])${w}([/_.:@ -]|$)`, 'i');

// Node-only infrastructure: it manages or reports on the node itself, which Fargate hides.
const NODE_INFRASTRUCTURE: [RegExp, string][] = [
  [word('node-exporter'), 'Prometheus node exporter'],
  [word('aws-node-termination-handler'), 'AWS Node Termination Handler'],
  [/device-plugin/i, 'device plugin'],
  [word('aws-node'), 'Amazon VPC CNI'],
  [word('kube-proxy'), 'kube-proxy'],
  [/(^|[/_-])(ebs|efs|fsx|s3|secrets-store)-csi-(node|driver)/i, 'CSI node plugin'],
  [/csi-node/i, 'CSI node plugin'],
  [word('eks-pod-identity-agent'), 'EKS Pod Identity Agent'],
  [word('node-problem-detector'), 'node problem detector'],
  [/node-?local-?dns/i, 'NodeLocal DNSCache'],
  [word('kured'), 'kured'],
  [/dcgm-exporter/i, 'NVIDIA DCGM exporter'],
  [/guardduty/i, 'GuardDuty runtime agent'],
];

const LOG_SHIPPERS: [RegExp, string, boolean][] = [
  [word('aws-for-fluent-bit'), 'AWS for Fluent Bit', true],
  [/fluent-?bit/i, 'Fluent Bit', true],
  [word('fluentd'), 'Fluentd', false],
  [/fluentd-/i, 'Fluentd', false],
  [word('vector'), 'Vector', false],
  [word('filebeat'), 'Filebeat', false],
  [word('promtail'), 'Promtail', false],
  [word('logstash'), 'Logstash', false],
];

const OBSERVABILITY: [RegExp, string][] = [
  [/cloudwatch-agent|cwagent/i, 'CloudWatch agent'],
  [/datadog/i, 'Datadog Agent'],
  [/newrelic|nri-/i, 'New Relic infrastructure agent'],
  [/dynatrace|oneagent/i, 'Dynatrace OneAgent'],
  [/splunk/i, 'Splunk OpenTelemetry Collector'],
  [/aws-otel|adot/i, 'AWS Distro for OpenTelemetry Collector'],
  [/opentelemetry|otel-?collector|otelcol/i, 'OpenTelemetry Collector'],
  [word('falco'), 'Falco'],
  [/sysdig/i, 'Sysdig agent'],
  [/aqua/i, 'Aqua enforcer'],
  [/twistlock|prisma/i, 'Prisma Cloud Defender'],
  [/falcon-sensor|crowdstrike/i, 'CrowdStrike Falcon sensor'],
  [/elastic-agent|metricbeat/i, 'Elastic agent'],
  [/instana/i, 'Instana agent'],
  [/appdynamics/i, 'AppDynamics agent'],
  [/grafana-agent|(^|\/)alloy/i, 'Grafana agent'],
  [/jaeger-agent/i, 'Jaeger agent'],
  [word('telegraf'), 'Telegraf'],
  [/wiz-sensor/i, 'Wiz sensor'],
  [/lacework/i, 'Lacework agent'],
];

/** Image references without tag or digest, plus the DaemonSet's name: what the patterns look at. */
function identities(w: Workload): string[] {
  const images = allContainers(w.template.spec).flatMap((c) => (c.image ? [c.image.replace(/@.*$/, '').replace(/:[^/:]*$/, '')] : []));
  return [w.metadata.name, ...images];
}

export function classifyAgent(w: Workload): AgentClass {
  const ids = identities(w);
  const hit = (re: RegExp) => ids.some((id) => re.test(id));
  for (const [re, agent] of NODE_INFRASTRUCTURE) if (hit(re)) return { role: 'node-infrastructure', agent, fluentBit: false };
  for (const [re, agent, fluentBit] of LOG_SHIPPERS) if (hit(re)) return { role: 'log-shipper', agent, fluentBit };
  for (const [re, agent] of OBSERVABILITY) if (hit(re)) return { role: 'observability', agent, fluentBit: false };
  return { role: 'unknown', agent: w.metadata.name, fluentBit: false };
}
