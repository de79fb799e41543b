import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { UserError } from '@modeshift/core';
import { eksIdentity, type EksIdentity } from './eks-identity.js';

export interface KubeTarget {
  config: KubeConfig;
  context: string;
  server: string;
  identity: EksIdentity;
}

const HOW_TO_GET_ONE = 'pass --kubeconfig <file>, set KUBECONFIG, or run `aws eks update-kubeconfig`';

function loadFile(file: string): KubeConfig {
  // client-node reads an empty file (KUBECONFIG=/dev/null) as nothing and then fails on a property of that
  // nothing ("Cannot read properties of undefined"); the operator needs to hear what is wrong with the file.
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError('input', `Cannot read kubeconfig ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (text.trim() === '') throw new UserError('input', `Cannot read kubeconfig ${file}: the file is empty; ${HOW_TO_GET_ONE}.`);
  const config = new KubeConfig();
  try {
    config.loadFromFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    // A kubeconfig that exists but cannot be parsed is bad input (exit 2), not an unreachable API.
    throw new UserError('input', `Cannot read kubeconfig ${file}: ${reason}`);
  }
  return config;
}

/**
 * kubectl's merge rule for a KUBECONFIG path list: the first file to define a name (or the current
 * context) wins. client-node's own merge throws on duplicates and reads process.env, so it is redone
 * here against the env we were given.
 */
function merge(configs: KubeConfig[]): KubeConfig {
  const byName = <T extends { name: string }>(lists: T[][]): T[] => {
    const seen = new Map<string, T>();
    for (const item of lists.flat()) if (!seen.has(item.name)) seen.set(item.name, item);
    return [...seen.values()];
  };
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: byName<Cluster>(configs.map((c) => c.clusters)),
    users: byName<User>(configs.map((c) => c.users)),
    contexts: byName<Context>(configs.map((c) => c.contexts)),
    currentContext: configs.map((c) => c.currentContext).find((name) => name) ?? '',
  });
  return merged;
}

function loadConfig(kubeconfig: string | undefined, env: NodeJS.ProcessEnv): { config: KubeConfig; source: string } {
  if (kubeconfig !== undefined) return { config: loadFile(kubeconfig), source: kubeconfig };
  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter((file) => file !== '');
  if (listed.length > 0) {
    const present = listed.filter((file) => existsSync(file));
    if (present.length === 0) {
      throw new UserError('api', `No kubeconfig found: none of the files in KUBECONFIG exist (${listed.join(', ')}).`);
    }
    return { config: merge(present.map((file) => loadFile(file))), source: present.join(path.delimiter) };
  }
  const home = env.HOME ?? env.USERPROFILE;
  const file = home === undefined ? undefined : path.join(home, '.kube', 'config');
  if (file === undefined || !existsSync(file)) {
    throw new UserError('api', `No kubeconfig found: ${HOW_TO_GET_ONE}.`);
  }
  return { config: loadFile(file), source: file };
}

export function resolveKubeTarget(options: { kubeconfig?: string; context?: string }, env: NodeJS.ProcessEnv): KubeTarget {
  const { config, source } = loadConfig(options.kubeconfig, env);
  const contextName = options.context ?? config.getCurrentContext();
  if (!contextName) throw new UserError('usage', `The kubeconfig (${source}) has no current context: pass --context.`);
  const context = config.getContextObject(contextName);
  if (context === null) throw new UserError('usage', `Context "${contextName}" is not in the kubeconfig (${source}).`);
  config.setCurrentContext(contextName);
  const cluster = config.getCluster(context.cluster);
  if (cluster === null || !cluster.server) {
    throw new UserError('input', `Context "${contextName}" names cluster "${context.cluster}", which has no server in ${source}.`);
  }
  const user = config.getUser(context.user);
  return {
    config,
    context: contextName,
    server: cluster.server,
    identity: eksIdentity({
      contextName,
      clusterRef: context.cluster,
      server: cluster.server,
      exec: (user?.exec ?? undefined) as { args?: unknown; env?: unknown } | undefined,
    }),
  };
}
