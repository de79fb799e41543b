import { orPlaceholder, partitionOf } from './meta.js';

// IAM policy documents the plan prints beside `aws iam create-role --assume-role-policy-document`.
// Keys follow the order AWS's own examples use, so a diff against the console's JSON is quiet.

const VERSION = '2012-10-17';

/** Trust for the Fargate pod execution role, scoped to this cluster's profiles (aws-facts §4.6). */
export function podExecutionRoleTrustPolicy(input: { region: string; accountId: string; clusterName: string }): Record<string, unknown> {
  const region = orPlaceholder(input.region, 'region');
  const account = orPlaceholder(input.accountId, 'account-id');
  const cluster = orPlaceholder(input.clusterName, 'cluster-name');
  return {
    Version: VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Condition: { ArnLike: { 'aws:SourceArn': `arn:${partitionOf(region)}:eks:${region}:${account}:fargateprofile/${cluster}/*` } },
        Principal: { Service: 'eks-fargate-pods.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

/** Auto Mode's cluster role must also allow sts:TagSession (aws-facts §7.3). */
export function autoModeClusterRoleTrustPolicy(): Record<string, unknown> {
  return serviceTrust('eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']);
}

/** The node role custom NodeClasses name (aws-facts §7.3). */
export function autoModeNodeRoleTrustPolicy(): Record<string, unknown> {
  return serviceTrust('ec2.amazonaws.com', 'sts:AssumeRole');
}

/**
 * IRSA trust for one service account: the only identity Fargate pods can use (no Pod Identity there).
 * Both `sub` and `aud` are pinned; without `aud`, tokens minted for other audiences would be accepted.
 */
export function irsaTrustPolicy(input: { accountId: string; oidcIssuer: string; namespace: string; serviceAccount: string }): Record<string, unknown> {
  const issuer = orPlaceholder(input.oidcIssuer.replace(/^https:\/\//, '').replace(/\/+$/, ''), 'oidc-issuer');
  const account = orPlaceholder(input.accountId, 'account-id');
  return {
    Version: VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:${issuerPartition(issuer)}:iam::${account}:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${issuer}:sub`]: `system:serviceaccount:${orPlaceholder(input.namespace, 'namespace')}:${orPlaceholder(input.serviceAccount, 'service-account')}`,
            [`${issuer}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  };
}

function serviceTrust(service: string, action: string | string[]): Record<string, unknown> {
  return { Version: VERSION, Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: action }] };
}

// The issuer host names its region (oidc.eks.<region>.amazonaws.com[.cn]/id/...), which gives the partition.
function issuerPartition(issuer: string): string {
  const region = /^oidc\.eks\.([a-z0-9-]+)\./.exec(issuer)?.[1];
  return region ? partitionOf(region) : 'aws';
}
