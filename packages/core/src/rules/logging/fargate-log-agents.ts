import type { LogOutput } from '@modeshift/plan';
import type { InventoryIndex } from '../../inventory/index-lookups.js';
import type { Workload } from '../../inventory/types.js';
import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { clusterVariable, parseFluentBitOutputs, parseFluentBitSections } from '../../analysis/fluent-bit.js';
import { containerTagPrefixes, FARGATE_KUBERNETES_FILTER, fargateMatch, literalStreamPrefix } from '../../analysis/fargate-log-tags.js';
import { classifyAgent } from '../../analysis/agents.js';
import { allContainers, windowsEvidence } from '../../analysis/evidence.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { AWS_LOGGING } from './facts.js';
import { daemonSets } from '../../analysis/fargate-scope.js';

interface Derived {
  outputs: LogOutput[];
  filters: LogOutput[];
  /** The [PARSER] sections the carried parser filters name. */
  parsers: LogOutput[];
  /** Settings rewritten for Fargate, one sentence each. */
  rewritten: string[];
  unsupported: string[];
  /** ConfigMaps with Fluent Bit sections, and mounted ConfigMaps the inventory lacks. */
  configMaps: string[];
  missing: string[];
}

/** Names of the [FILTER] sections, which aws-logging accepts only from a short list. */
function filterNames(config: string): string[] {
  const names: string[] = [];
  let inFilter = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[([A-Za-z_]+)\]$/.exec(line);
    if (section) inFilter = section[1]?.toUpperCase() === 'FILTER';
    else if (inFilter && /^name\s+/i.test(line))
      names.push(
        line
          .replace(/^name\s+/i, '')
          .trim()
          .toLowerCase(),
      );
  }
  return names;
}

/**
 * `${VAR}` is not allowed in aws-logging (aws-facts §2 Logging row). A variable the agent sets from a
 * literal or from a ConfigMap in the inventory is substituted; anything else (the node name, a
 * Secret) is reported for the operator to fill in.
 */
/** Setting or variable names that hold secrets; their values are never substituted. */
const CREDENTIAL = /passw|secret|token|api[_-]?key|credential|auth/i;

function environment(index: InventoryIndex, w: Workload): Map<string, string> {
  const env = new Map<string, string>();
  for (const c of allContainers(w.template.spec)) {
    for (const e of c.env ?? []) {
      if (env.has(e.name)) continue;
      if (e.value !== undefined) env.set(e.name, e.value);
      const ref = e.valueFrom?.configMapKeyRef;
      const value = ref ? index.configMap(w.metadata.namespace, ref.name)?.data[ref.key] : undefined;
      if (value !== undefined) env.set(e.name, value);
    }
  }
  return env;
}

function derive(index: InventoryIndex, w: Workload, cluster: { name: string; region: string | null } | null): Derived {
  const names = [...new Set((w.template.spec.volumes ?? []).flatMap((v) => (v.configMap?.name ? [v.configMap.name] : [])))];
  const env = environment(index, w);
  const unsupported = new Set<string>();
  const rewritten = new Set<string>();
  const outputs = new Map<string, LogOutput>();
  const filters = new Map<string, LogOutput>();
  const found: string[] = [];
  const missing: string[] = [];
  const texts: string[] = [];
  const defined = new Map<string, LogOutput>();
  for (const name of names) {
    const cm = index.configMap(w.metadata.namespace, name);
    if (!cm) missing.push(`${w.metadata.namespace}/${name}`);
    else
      for (const text of Object.values(cm.data)) {
        for (const parser of parseFluentBitSections(text, 'PARSER')) if (!defined.has(parser.plugin)) defined.set(parser.plugin, parser);
        if (!/^\s*\[(OUTPUT|FILTER|INPUT)\]/im.test(text)) continue;
        texts.push(text);
        if (!found.includes(name)) found.push(name);
      }
  }
  // The agent tags container logs by its own inputs; Fargate's router tags them kube.* (aws-facts §2 Logging row).
  const prefixes = containerTagPrefixes(texts.flatMap((t) => parseFluentBitSections(t, 'INPUT')));
  const substitute = (plugin: string, key: string, value: string) =>
    value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, variable: string) => {
      // Credentials never get copied into the plan: the operator re-enters them where they belong.
      // A region the agent read from its node's metadata is the cluster's: Fargate has no instance metadata.
      // Container Insights' cluster name and Region are the cluster's even when their ConfigMap is not in the inventory.
      const resolved =
        CREDENTIAL.test(key) || CREDENTIAL.test(variable)
          ? undefined
          : (env.get(variable) ?? clusterVariable(variable, cluster) ?? (key === 'region' ? clusterVariable('AWS_REGION', cluster) : undefined));
      if (resolved === undefined && !/^log_stream_(prefix|name)$/.test(key)) unsupported.add(`\${${variable}} in ${plugin} ${key}`);
      return resolved ?? whole;
    });
  const forFargate = (section: LogOutput, what: string): LogOutput | null => {
    const plugin = section.plugin.toLowerCase();
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(section.params)) params[key] = substitute(plugin, key, value);
    const match = params['match'] ?? '*';
    const kube = fargateMatch(match, prefixes);
    if (kube === null) {
      unsupported.add(`${what} ${plugin} (Match ${match}: node logs, which Fargate has no equivalent for)`);
      return null;
    }
    if (kube !== match) rewritten.add(`Match ${match} becomes ${kube}`);
    params['match'] = kube;
    for (const key of ['log_stream_prefix', 'log_stream_name']) {
      const value = params[key];
      if (value === undefined || !/\$\{/.test(value)) continue;
      params[key] = literalStreamPrefix(value);
      rewritten.add(`${plugin} ${key} ${value} becomes the literal ${params[key]} (Fargate expands no variables)`);
    }
    return { plugin, params };
  };
  for (const text of texts) {
    for (const f of filterNames(text)) if (!AWS_LOGGING.filters.includes(f)) unsupported.add(`filter ${f}`);
    for (const filter of parseFluentBitSections(text, 'FILTER')) {
      const plugin = filter.plugin.toLowerCase();
      if (!AWS_LOGGING.filters.includes(plugin)) continue;
      // The agent's kubernetes filter talks to the kubelet of its node; Fargate's router uses AWS's documented form.
      const carried = plugin === 'kubernetes' ? FARGATE_KUBERNETES_FILTER : forFargate(filter, 'filter');
      if (carried) filters.set(JSON.stringify([carried.plugin, Object.entries(carried.params)]), carried);
    }
    for (const out of parseFluentBitOutputs(text)) {
      const plugin = out.plugin.toLowerCase();
      if (!AWS_LOGGING.outputs.includes(plugin)) {
        unsupported.add(`output ${out.plugin}`);
        continue;
      }
      const o = forFargate(out, 'output');
      if (o) outputs.set(JSON.stringify([o.plugin, Object.entries(o.params).sort()]), o);
    }
  }
  // A parser filter needs its parser on Fargate too: parsers.conf takes the ones the carried filters name.
  const parsers = new Map<string, LogOutput>();
  for (const f of filters.values()) {
    const name = f.plugin === 'parser' ? f.params['parser'] : undefined;
    if (name === undefined || parsers.has(name)) continue;
    const parser = defined.get(name);
    if (parser) parsers.set(name, parser);
    else
      unsupported.add(`parser ${name}: its [PARSER] section is in none of the agent's ConfigMaps (it may come with the agent's image); add it to parsers.conf`);
  }
  if (found.length === 0) {
    unsupported.add(
      missing.length > 0
        ? `the Fluent Bit configuration: ConfigMap ${listOf(missing)} is not in the inventory`
        : 'the Fluent Bit configuration: no mounted ConfigMap has classic [OUTPUT] sections',
    );
  }
  return {
    outputs: [...outputs.values()],
    filters: [...filters.values()],
    parsers: [...parsers.values()],
    rewritten: [...rewritten].sort(),
    unsupported: [...unsupported].sort(),
    configMaps: found,
    missing,
  };
}

/**
 * Log shippers are replaced by Fargate's built-in Fluent Bit router. Their Fluent Bit outputs are
 * carried into aws-observability/aws-logging; what the router cannot take is listed, not dropped
 * silently. Windows DaemonSets stay with their nodes (fargate-windows).
 */
export const fargateLogAgentsRule: Rule = {
  id: 'fargate-log-agents',
  title: 'Log agents',
  capability: 'logging',
  targets: ['fargate'],
  check(ctx) {
    return daemonSets(ctx).flatMap((w) => {
      if (windowsEvidence(w.template.spec)) return [];
      const agent = classifyAgent(w);
      if (agent.role !== 'log-shipper') return [];
      const name = describeWorkload(w);
      const derived = agent.fluentBit
        ? derive(ctx.index, w, ctx.inventory.cluster)
        : {
            outputs: [],
            filters: [],
            parsers: [],
            rewritten: [],
            unsupported: [`${agent.agent} configuration (not Fluent Bit): rewrite its destinations as Fluent Bit [OUTPUT] sections`],
            configMaps: [],
            missing: [],
          };
      const carried =
        derived.outputs.length > 0
          ? `its ${listOf([...new Set(derived.outputs.map((o) => o.plugin))])} output${derived.outputs.length > 1 ? 's' : ''} (${derived.outputs.length}) move`
          : 'its destinations must be re-created';
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${name} runs ${agent.agent}, a log shipper; Fargate runs no DaemonSets but has a built-in Fluent Bit log router, so ${carried} into ConfigMap ${AWS_LOGGING.namespace}/${AWS_LOGGING.configMap}${derived.filters.length > 0 ? ` with its filters (${listOf(derived.filters.map((f) => f.plugin))})${derived.parsers.length > 0 ? ` and the parsers they use (${listOf(derived.parsers.map((p) => p.plugin))})` : ''}` : ''}.${derived.rewritten.length > 0 ? ` Rewritten for Fargate: ${derived.rewritten.join('; ')}.` : ''}${derived.unsupported.length > 0 ? ` Not carried over: ${derived.unsupported.join('; ')}.` : ''}`,
          remediation: `Create namespace ${AWS_LOGGING.namespace} (label aws-observability: enabled) and the ${AWS_LOGGING.configMap} ConfigMap (only [FILTER], [OUTPUT] and [PARSER] sections, at most ${AWS_LOGGING.maxChars} characters, no \${ENV} references; outputs: ${AWS_LOGGING.outputs.join(', ')}), and give the pod execution role permission to write there. Node and systemd log inputs have no Fargate equivalent. Changes apply to new pods only; keep the DaemonSet while any EC2 nodes remain.`,
          action: {
            type: 'node-agent' as const,
            change: {
              kind: 'aws-logging-configmap' as const,
              outputs: derived.outputs,
              filters: derived.filters,
              ...(derived.parsers.length > 0 ? { parsers: derived.parsers } : {}),
              unsupported: derived.unsupported,
            },
          },
        },
      ];
    });
  },
};
