import { SOURCES } from '../../capabilities/sources.js';
import type { LogOutput } from '@modeshift/plan';
import { parseFluentBitOutputs, parseFluentBitSections } from '../../analysis/fluent-bit.js';
import { listOf } from '../../analysis/names.js';
import type { Rule } from '../engine/types.js';

const NAMESPACE = 'aws-observability';
const NAME = 'aws-logging';

// aws-logging cannot read environment variables (aws-facts §2 logging row), so credentials for an
// es output sit in the ConfigMap in clear; they must not travel on into plans and reports.
const SENSITIVE = /passw|secret|token|credential|api_?key/i;

function redact(outputs: LogOutput[]): { outputs: LogOutput[]; redacted: number } {
  let redacted = 0;
  const clean = outputs.map((o) => {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.params)) {
      // A setting that names where a secret is (kube_token_file) is not one.
      if (SENSITIVE.test(k) && !/_(file|path|name)$/.test(k)) {
        params[k] = '<redacted: copy from aws-observability/aws-logging>';
        redacted++;
      } else params[k] = v;
    }
    return { plugin: o.plugin, params };
  });
  return { outputs: clean, redacted };
}

/** Fargate's built-in Fluent Bit stops with the last Fargate pod; Auto Mode has no application log router (aws-facts §2). */
export const autoModeFargateLoggingRule: Rule = {
  id: 'auto-mode-fargate-logging',
  title: "Fargate's log router",
  capability: 'logging',
  targets: ['auto-mode'],
  check(ctx) {
    const cm = ctx.index.configMap(NAMESPACE, NAME);
    if (!cm) return [];
    const resource = { kind: 'ConfigMap', namespace: NAMESPACE, name: NAME };
    const { outputs, redacted } = redact(parseFluentBitOutputs(cm.data['output.conf'] ?? ''));
    if (outputs.length === 0) {
      return [
        {
          severity: 'advisory',
          resource,
          message: `ConfigMap ${NAMESPACE}/${NAME} configures Fargate logging but has no [OUTPUT] in output.conf, so Fargate ships no application logs today.`,
          remediation: 'Decide whether workloads on Auto Mode need a log agent; Auto Mode does not ship container logs by itself.',
          action: { type: 'review' },
        },
      ];
    }
    const plugins = [...new Set(outputs.map((o) => o.plugin))].join(', ');
    // The same filters and parsers run in the agent, so records are shaped and dropped as on Fargate.
    const filtered = redact(parseFluentBitSections(cm.data['filters.conf'] ?? '', 'FILTER'));
    const parsed = redact(parseFluentBitSections(cm.data['parsers.conf'] ?? '', 'PARSER'));
    const filters = filtered.outputs;
    const parsers = parsed.outputs;
    const secrets = redacted + filtered.redacted + parsed.redacted;
    return [
      {
        severity: 'change',
        resource,
        message: `Fargate ships container logs through the built-in Fluent Bit configured in ${NAMESPACE}/${NAME} (${outputs.length} output${outputs.length > 1 ? 's' : ''}: ${plugins}); Auto Mode nodes have no such router, so a log agent DaemonSet with the same outputs must run before workloads move.`,
        remediation: [
          'Deploy a Fluent Bit DaemonSet (for example aws-for-fluent-bit) with these [OUTPUT] sections before the first wave and check that logs arrive from a test pod on an Auto Mode node.',
          filters.length > 0
            ? `The plan carries filters.conf into the agent's configuration: ${filters.length === 1 ? 'its [FILTER] section' : `its ${filters.length} [FILTER] sections, in order`} (${listOf(filters.map((f) => f.plugin))})${filters.some((f) => f.plugin.toLowerCase() === 'kubernetes') ? "; the agent reads container logs from the node, so its own kubernetes filter takes the place of Fargate's, with the same settings" : ''}.`
            : '',
          parsers.length > 0 ? `parsers.conf (${listOf(parsers.map((p) => p.plugin))}) becomes the agent's parsers file.` : '',
          'Give the agent its own AWS permissions (EKS Pod Identity or IRSA): on Fargate they came from the pod execution role.',
          secrets > 0 ? `${secrets} credential value${secrets > 1 ? 's were' : ' was'} left out of the plan; put them in a Secret for the agent.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        sources: [SOURCES.fargateLogging],
        action: {
          type: 'node-agent',
          change: { kind: 'log-agent-daemonset', outputs, ...(filters.length > 0 ? { filters } : {}), ...(parsers.length > 0 ? { parsers } : {}) },
        },
      },
    ];
  },
};
