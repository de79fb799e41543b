// Copied from @modeshift/pulumi 0.1.0 (src/model/iam.ts) by `modeshift stack`. Regenerate rather than edit.
// IAM documents the stack writes. Only trust policies: permissions come from AWS managed policies
// (MANAGED_POLICIES), so nothing here grants an action or resource of ours, let alone a wildcard.
// The Fargate and IRSA documents match the planner's (core's plan/manifests/iam.ts; a test compares them).

const VERSION = '2012-10-17';

export function managedPolicyArn(partition: string, name: string): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

export function accessPolicyArn(partition: string, name: string): string {
  return `arn:${partition}:eks::aws:cluster-access-policy/${name}`;
}

/** Trust for the Fargate pod execution role, limited to this cluster's profiles by aws:SourceArn (aws-facts §4.6). */
export function podExecutionRoleTrust(input: { partition: string; region: string; accountId: string; clusterName: string }): Record<string, unknown> {
  return {
    Version: VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Condition: { ArnLike: { 'aws:SourceArn': `arn:${input.partition}:eks:${input.region}:${input.accountId}:fargateprofile/${input.clusterName}/*` } },
        Principal: { Service: 'eks-fargate-pods.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

/** The Auto Mode node role is assumed by EC2 instances (aws-facts §7.3). */
export function autoModeNodeRoleTrust(): Record<string, unknown> {
  return { Version: VERSION, Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
}

/** IRSA trust for one service account; `aud` is pinned too, or tokens minted for other audiences would do. */
export function irsaRoleTrust(input: {
  partition: string;
  accountId: string;
  oidcIssuer: string;
  namespace: string;
  serviceAccount: string;
}): Record<string, unknown> {
  const issuer = input.oidcIssuer.replace(/^https:\/\//, '').replace(/\/+$/, '');
  return {
    Version: VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:${input.partition}:iam::${input.accountId}:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${issuer}:sub`]: `system:serviceaccount:${input.namespace}:${input.serviceAccount}`,
            [`${issuer}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  };
}
