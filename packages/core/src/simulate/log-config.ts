// Where the model's pods' logs go is read from ConfigMaps: Fargate's built-in router reads
// aws-observability/aws-logging, a node agent (a DaemonSet) reads the Fluent Bit configuration it mounts.
import type { LogOutput } from '@modeshift/plan';
import { parseFluentBitOutputs, parseFluentBitSections } from '../analysis/fluent-bit.js';
import { tailsContainerLogs } from '../analysis/fargate-log-tags.js';
import { nsName, type ClusterModel } from './model.js';

/** A node agent's log output, with its inputs that tail container log files (none seen: every container's logs may reach it). */
export interface NodeLogOutput {
  output: LogOutput;
  containerInputs: LogOutput[];
}

/** Fargate's built-in log router reads this ConfigMap (`namespace/name`). */
const FARGATE_LOGGING = 'aws-observability/aws-logging';

/**
 * Whether a ConfigMap can be log configuration: Fargate's router's, or one a DaemonSet mounts (as log
 * agents read theirs). Only those change where logs go; other ConfigMaps (the VPC CNI's, an app's) change
 * nothing the simulator checks, and re-checking every pod's logs for each of them was about an eighth of the replay's checks.
 */
export function isLogConfig(model: ClusterModel, namespace: string | null, name: string): boolean {
  if (nsName(namespace, name) === FARGATE_LOGGING) return true;
  for (const ds of model.daemonSets.values()) if (ds.namespace === (namespace ?? '') && ds.configMaps.includes(name)) return true;
  return false;
}

/** Log outputs of Fargate's built-in router (aws-observability/aws-logging), or none. */
export function fargateLogOutputs(model: ClusterModel): LogOutput[] {
  const data = model.configMaps.get(FARGATE_LOGGING);
  if (!data) return [];
  return Object.entries(data)
    .filter(([key]) => key.endsWith('.conf'))
    .flatMap(([, text]) => parseFluentBitOutputs(text));
}

/**
 * Outputs of every DaemonSet that ships logs from the nodes it runs on (its mounted Fluent Bit configuration),
 * each with the agent's inputs that tail container log files: they decide which pods' logs reach it.
 */
export function nodeLogOutputs(model: ClusterModel): NodeLogOutput[] {
  const out: NodeLogOutput[] = [];
  for (const ds of model.daemonSets.values()) {
    const texts = ds.configMaps.flatMap((name) => Object.values(model.configMaps.get(nsName(ds.namespace, name)) ?? {}));
    const containerInputs = texts.flatMap((text) => parseFluentBitSections(text, 'INPUT')).filter(tailsContainerLogs);
    for (const text of texts) for (const output of parseFluentBitOutputs(text)) out.push({ output, containerInputs });
  }
  return out;
}
