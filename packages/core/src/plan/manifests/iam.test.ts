import { describe, expect, it } from 'vitest';
import { autoModeClusterRoleTrustPolicy, autoModeNodeRoleTrustPolicy, irsaTrustPolicy, podExecutionRoleTrustPolicy } from './iam.js';

describe('trust policies', () => {
  it('scopes the pod execution role to the cluster’s Fargate profiles', () => {
    expect(podExecutionRoleTrustPolicy({ region: 'eu-west-1', accountId: '111122223333', clusterName: 'demo' })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:eks:eu-west-1:111122223333:fargateprofile/demo/*' } },
          Principal: { Service: 'eks-fargate-pods.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
  });

  it('uses the region’s partition and placeholders for what the inventory lacks', () => {
    const cn = podExecutionRoleTrustPolicy({ region: 'cn-north-1', accountId: '', clusterName: 'demo' });
    expect(JSON.stringify(cn)).toContain('arn:aws-cn:eks:cn-north-1:<account-id>:fargateprofile/demo/*');
  });

  it('lets EKS assume and tag the Auto Mode cluster role, and EC2 assume the node role', () => {
    expect(autoModeClusterRoleTrustPolicy()).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
    expect(autoModeNodeRoleTrustPolicy()).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  it('pins IRSA to one service account and the STS audience', () => {
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    expect(irsaTrustPolicy({ accountId: '111122223333', oidcIssuer: `https://${issuer}`, namespace: 'carts', serviceAccount: 'carts' })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:carts:carts', [`${issuer}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    });
  });
});
