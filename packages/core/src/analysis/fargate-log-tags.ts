import type { LogOutput } from '@modeshift/plan';

/**
 * Fargate's built-in Fluent Bit tags container logs `kube.var.log.containers.<pod>_<namespace>_<container>-<id>.log`
 * and AWS's examples match them with `kube.*` ([UG-fg-log] fargate-logging; the exported aws-logging in the corpus,
 * fargate-game2048-logging/defaultCM.yaml). A node agent tags the same files by its tail input's `Tag`
 * (`application.*` in Container Insights), and a Match written for that tag matches nothing on Fargate.
 */
export const FARGATE_TAG_PREFIX = 'kube.';

/** A tail [INPUT] that reads container log files. */
export const tailsContainerLogs = (input: LogOutput): boolean =>
  input.plugin.toLowerCase() === 'tail' && (input.params['path'] ?? '').includes('/var/log/containers');

const globs = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);

/**
 * The tags a node agent's tail inputs give the log file at `path` (`/var/log/containers/<pod>_…log`): an input
 * reads it when one of its Path globs matches and no Exclude_Path glob does, and its Tag's `*` becomes the
 * path with dots for slashes (Fluent Bit's tail). None when no input reads the file.
 */
export function tagsOfLogFile(inputs: readonly LogOutput[], path: string, matches: (glob: string, value: string) => boolean): string[] {
  const expanded = path.replace(/^\//, '').replace(/\//g, '.');
  return inputs
    .filter((i) => globs(i.params['path']).some((g) => matches(g, path)) && !globs(i.params['exclude_path']).some((g) => matches(g, path)))
    .map((i) => (i.params['tag'] ?? '').replace('*', expanded));
}

/** Tag prefixes (`application.`) of the agent's tail inputs that read container logs. */
export function containerTagPrefixes(inputs: readonly LogOutput[]): string[] {
  const prefixes = inputs
    .filter(tailsContainerLogs)
    .map((i) => (i.params['tag'] ?? '').replace(/\*$/, ''))
    .filter((t) => t !== '');
  return [...new Set(prefixes)];
}

/**
 * The Match for Fargate: `*` stays, a pattern under a container-log tag moves under `kube.`, anything else (node,
 * systemd or host logs) has no counterpart on Fargate: null. Without known inputs, the pattern is kept: nothing says what it matched.
 */
export function fargateMatch(match: string, prefixes: readonly string[]): string | null {
  if (match === '*' || match.startsWith(FARGATE_TAG_PREFIX) || prefixes.length === 0) return match;
  const prefix = prefixes.find((p) => match.startsWith(p));
  return prefix === undefined ? null : `${FARGATE_TAG_PREFIX}${match.slice(prefix.length)}`;
}

/**
 * A stream prefix without the variables Fargate cannot expand. `${HOST_NAME}-` named the node; on Fargate each pod
 * is its own node and the stream name goes on with the log's tag, which names the pod, so a literal prefix loses nothing.
 */
export function literalStreamPrefix(value: string): string {
  const rest = value.replace(/\$\{[^}]*\}/g, '');
  return /[A-Za-z0-9]/.test(rest) ? rest : 'fargate-';
}

/** The kubernetes filter as AWS documents it for Fargate's router ([UG-fg-log]). */
export const FARGATE_KUBERNETES_FILTER: LogOutput = {
  plugin: 'kubernetes',
  params: { match: 'kube.*', merge_log: 'On', keep_log: 'Off', buffer_size: '0', kube_meta_cache_ttl: '300s' },
};
