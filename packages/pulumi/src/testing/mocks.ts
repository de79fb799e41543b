// Pulumi's mocks runtime for tests: records every registered resource and answers the invokes the
// components make. No Pulumi CLI or provider plugin is involved (toolchain.md §3).
import * as pulumi from '@pulumi/pulumi';

/**
 * What the tests read of a resource's inputs, as the components pass them. Pulumi's mock hands the inputs
 * over untyped; a test that reads a field a resource does not have gets undefined and fails its expectation.
 */
export interface ResourceInputs {
  [key: string]: unknown;
  name?: string;
  /** IAM documents and the kubeconfig are passed as JSON text. */
  assumeRolePolicy?: string;
  kubeconfig?: string;
  fargateProfileName?: string;
  selectors?: { namespace: string; labels?: Record<string, string> }[];
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    template?: { spec?: { requirements?: unknown[]; nodeClassRef?: unknown; taints?: unknown[] } };
    limits?: Record<string, string>;
    role?: string;
    securityGroupSelectorTerms?: unknown[];
    securityGroups?: { groupIds: string[] };
  };
}

/** An IAM policy document as the tests read it. */
export interface PolicyDocument {
  Statement: { Principal?: unknown; Condition?: Record<string, Record<string, unknown>> }[];
}

/** A kubeconfig as the tests read it. */
export interface Kubeconfig {
  clusters: { name: string; cluster: { server: string } }[];
  users: { user: { exec: { args: string[] } } }[];
}

/** A JSON-text input parsed as the shape the test reads; throws (failing the test) when the input is missing. */
export function jsonInput<T>(r: Registered, key: 'assumeRolePolicy' | 'kubeconfig'): T {
  const text = r.inputs[key];
  if (text === undefined) throw new Error(`${r.type} ${r.name} has no ${key}`);
  return JSON.parse(text) as T;
}

export interface Registered {
  type: string;
  name: string;
  inputs: ResourceInputs;
  provider?: string;
}

export const ACCOUNT_ID = '123456789012';
export const REGION = 'eu-west-1';
export const OIDC_ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE0123456789';

export const registered: Registered[] = [];

const mocks: pulumi.runtime.Mocks = {
  newResource(args) {
    const inputs = args.inputs as ResourceInputs; // Pulumi hands the mock untyped inputs
    registered.push({ type: args.type, name: args.name, inputs, provider: args.provider });
    const state: Record<string, unknown> = { ...inputs };
    if (args.type === 'aws:iam/role:Role') state['arn'] = `arn:aws:iam::${ACCOUNT_ID}:role/${inputs.name ?? args.name}`;
    // eks.Cluster is a remote component: the mock is its implementation, so the outputs we read are made up here (G11).
    if (args.type === 'eks:index:Cluster') {
      const name = inputs.name ?? args.name;
      state['eksCluster'] = { name, arn: `arn:aws:eks:${REGION}:${ACCOUNT_ID}:cluster/${name}` };
      state['kubeconfigJson'] = JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name }] });
      state['clusterSecurityGroupId'] = 'sg-0123456789abcdef0';
      state['autoModeNodeRoleName'] = `${name}-auto-node`;
    }
    return { id: `${args.name}_id`, state };
  },
  call(args) {
    switch (args.token) {
      case 'aws:index/getPartition:getPartition':
        return { partition: 'aws', dnsSuffix: 'amazonaws.com', id: 'aws' };
      case 'aws:index/getRegion:getRegion':
        return { region: REGION, name: REGION, id: REGION };
      case 'aws:index/getCallerIdentity:getCallerIdentity':
        return { accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:user/test`, userId: 'AIDTEST', id: ACCOUNT_ID };
      case 'aws:eks/getCluster:getCluster': {
        const name = String((args.inputs as ResourceInputs).name);
        return {
          name,
          endpoint: `https://${name}.example.eks.amazonaws.com`,
          certificateAuthorities: [{ data: 'Q0E=' }],
          identities: [{ oidcs: [{ issuer: OIDC_ISSUER }] }],
        };
      }
      default:
        return {};
    }
  },
};

/** Install the mocks (before the program under test is imported) with the given stack config. */
export async function installMocks(config: Record<string, string> = {}, project = 'modeshift-test'): Promise<void> {
  pulumi.runtime.setAllConfig(config);
  await pulumi.runtime.setMocks(mocks, project, 'test', false);
}

/** Resolves once no resource has been registered for `quietMs`: registrations trail constructors through promises. */
export async function settle(quietMs = 150, maxMs = 20_000): Promise<Registered[]> {
  const start = Date.now();
  let count = -1;
  while (count !== registered.length && Date.now() - start < maxMs) {
    count = registered.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
  return [...registered];
}

export function clearRegistered(): void {
  registered.length = 0;
}

export function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}
