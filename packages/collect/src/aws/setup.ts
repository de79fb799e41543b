import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import type { EksIdentity } from '../kube/eks-identity.js';
import type { Waiting } from '../util/waiting.js';

/** Where and as whom the AWS calls go, resolved the way the AWS CLI would, from the env we were given. */
export interface AwsSetup {
  region: string | undefined;
  profile: string | undefined;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  endpoints: { eks: string | undefined; ec2: string | undefined };
}

const set = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

export function resolveAwsSetup(options: { region?: string; profile?: string }, env: NodeJS.ProcessEnv, identity: EksIdentity): AwsSetup {
  const ignoreEndpoints = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true';
  const endpoint = (service: string) => (ignoreEndpoints ? undefined : (set(env[`AWS_ENDPOINT_URL_${service}`]) ?? set(env.AWS_ENDPOINT_URL)));
  const accessKeyId = set(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = set(env.AWS_SECRET_ACCESS_KEY);
  // As in the AWS CLI: --profile beats environment keys, which beat AWS_PROFILE. The kubeconfig's own
  // exec-plugin profile comes last: it is the profile that already reaches this cluster.
  const useEnvKeys = options.profile === undefined && accessKeyId !== undefined && secretAccessKey !== undefined;
  const sessionToken = set(env.AWS_SESSION_TOKEN);
  return {
    // The context's EKS ARN names the cluster's own region, which beats an ambient AWS_REGION.
    region: set(options.region) ?? identity.region ?? set(env.AWS_REGION) ?? set(env.AWS_DEFAULT_REGION),
    profile: useEnvKeys ? undefined : (set(options.profile) ?? set(env.AWS_PROFILE) ?? identity.profile ?? undefined),
    credentials:
      useEnvKeys && accessKeyId !== undefined && secretAccessKey !== undefined
        ? { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) }
        : undefined,
    endpoints: { eks: endpoint('EKS'), ec2: endpoint('EC2') },
  };
}

export interface AwsClients {
  eks: EKSClient;
  ec2: EC2Client;
}

export function makeClients(setup: AwsSetup, timeoutMs: number): AwsClients {
  const common = {
    ...(setup.region === undefined ? {} : { region: setup.region }),
    ...(setup.credentials === undefined ? (setup.profile === undefined ? {} : { profile: setup.profile }) : { credentials: setup.credentials }),
    // The SDK's standard retry mode backs off on throttling, 5xx and dropped connections; 4 tries bound it.
    maxAttempts: 4,
    requestHandler: { connectionTimeout: Math.min(timeoutMs, 5_000), requestTimeout: timeoutMs, throwOnRequestTimeout: true },
  };
  return {
    eks: new EKSClient({ ...common, ...(setup.endpoints.eks === undefined ? {} : { endpoint: setup.endpoints.eks }) }),
    ec2: new EC2Client({ ...common, ...(setup.endpoints.ec2 === undefined ? {} : { endpoint: setup.endpoints.ec2 }) }),
  };
}

/** Registers every AWS call ("EKS DescribeCluster") while it lasts, retries included, so a deadline can name it. */
export function trackAwsRequests(clients: AwsClients, waiting: Waiting): void {
  clients.eks.middlewareStack.add((next, context) => (args) => waiting.around(`EKS ${context.commandName ?? 'request'}`, () => next(args)), {
    step: 'initialize',
    name: 'modeshiftWaiting',
  });
  clients.ec2.middlewareStack.add((next, context) => (args) => waiting.around(`EC2 ${context.commandName ?? 'request'}`, () => next(args)), {
    step: 'initialize',
    name: 'modeshiftWaiting',
  });
}
