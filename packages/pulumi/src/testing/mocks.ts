// Pulumi's mocks runtime for tests: records every registered resource and answers the invokes the
// components make. No Pulumi CLI or provider plugin is involved (toolchain.md §3).
import * as pulumi from '@pulumi/pulumi';

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
  provider?: string;
}

export const ACCOUNT_ID = '123456789012';
export const REGION = 'eu-west-1';
export const OIDC_ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE0123456789';

export const registered: Registered[] = [];

const mocks: pulumi.runtime.Mocks = {
  newResource(args) {
    registered.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider });
    const state: Record<string, unknown> = { ...args.inputs };
    if (args.type === 'aws:iam/role:Role') state['arn'] = `arn:aws:iam::${ACCOUNT_ID}:role/${String(args.inputs.name ?? args.name)}`;
    // eks.Cluster is a remote component: the mock is its implementation, so the outputs we read are made up here (G11).
    if (args.type === 'eks:index:Cluster') {
      const name = String(args.inputs.name ?? args.name);
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
        const name = String(args.inputs.name);
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
