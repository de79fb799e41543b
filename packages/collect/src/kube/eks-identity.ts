/**
 * What a kube context says about the EKS cluster behind it, so `collect` needs no --cluster/--region in
 * the common case. `aws eks update-kubeconfig` names contexts and clusters by the cluster ARN and passes
 * `--cluster-name`/`--region` (and AWS_PROFILE) to `aws eks get-token`; eksctl and aws-iam-authenticator
 * use `-i`/`--cluster-id`. The API endpoint host also carries the region.
 */
export interface EksIdentity {
  clusterName: string | null;
  region: string | null;
  /** The AWS profile the kubeconfig's exec plugin authenticates with, if it sets one. */
  profile: string | null;
}

const ARN = /^arn:aws[a-z-]*:eks:([a-z0-9-]+):\d{12}:cluster\/([A-Za-z0-9][A-Za-z0-9_-]*)$/;
const ENDPOINT = /\.([a-z]{2}(?:-[a-z]+)+-\d)\.eks\.amazonaws\.com(?:\.cn)?$/;

export function parseEksArn(value: string | undefined): { clusterName: string; region: string } | null {
  const match = value === undefined ? null : ARN.exec(value);
  return match?.[1] !== undefined && match[2] !== undefined ? { region: match[1], clusterName: match[2] } : null;
}

export function regionFromServer(server: string | undefined): string | null {
  if (server === undefined) return null;
  try {
    return ENDPOINT.exec(new URL(server).hostname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The value after `--flag value` or `--flag=value` in an argument list. */
function argValue(args: readonly string[], flags: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    for (const flag of flags) {
      if (arg === flag && args[i + 1] !== undefined) return args[i + 1] ?? null;
      if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    }
  }
  return null;
}

interface ExecConfig {
  args?: unknown;
  env?: unknown;
}

function execArgs(exec: ExecConfig | undefined): string[] {
  return Array.isArray(exec?.args) ? exec.args.filter((a): a is string => typeof a === 'string') : [];
}

function execEnv(exec: ExecConfig | undefined, name: string): string | null {
  if (!Array.isArray(exec?.env)) return null;
  for (const entry of exec.env as unknown[]) {
    if (typeof entry === 'object' && entry !== null) {
      const { name: key, value } = entry as { name?: unknown; value?: unknown };
      if (key === name && typeof value === 'string' && value !== '') return value;
    }
  }
  return null;
}

export function eksIdentity(input: {
  contextName: string;
  clusterRef: string | undefined;
  server: string | undefined;
  exec: ExecConfig | undefined;
}): EksIdentity {
  const arn = parseEksArn(input.contextName) ?? parseEksArn(input.clusterRef);
  const args = execArgs(input.exec);
  return {
    clusterName: arn?.clusterName ?? argValue(args, ['--cluster-name', '--cluster-id', '-i']),
    region:
      arn?.region ??
      argValue(args, ['--region']) ??
      execEnv(input.exec, 'AWS_REGION') ??
      execEnv(input.exec, 'AWS_DEFAULT_REGION') ??
      regionFromServer(input.server),
    profile: argValue(args, ['--profile']) ?? execEnv(input.exec, 'AWS_PROFILE'),
  };
}
