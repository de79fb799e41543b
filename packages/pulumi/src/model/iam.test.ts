import { autoModeNodeRoleTrustPolicy, irsaTrustPolicy, podExecutionRoleTrustPolicy } from '@modeshift/core';
import { describe, expect, it } from 'vitest';
import { actionsAndResources } from '../testing/checks.js';
import type { PolicyDocument } from '../testing/mocks.js';
import { accessPolicyArn, autoModeNodeRoleTrust, irsaRoleTrust, managedPolicyArn, podExecutionRoleTrust } from './iam.js';

describe('trust policies', () => {
  it('match the documents the plan prints (core), so `pulumi up` and the commands agree', () => {
    expect(podExecutionRoleTrust({ partition: 'aws', region: 'eu-west-1', accountId: '111122223333', clusterName: 'c1' })).toEqual(
      podExecutionRoleTrustPolicy({ region: 'eu-west-1', accountId: '111122223333', clusterName: 'c1' }),
    );
    expect(autoModeNodeRoleTrust()).toEqual(autoModeNodeRoleTrustPolicy());
    expect(irsaRoleTrust({ partition: 'aws', accountId: '111122223333', oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC/', namespace: 'api', serviceAccount: 'orders' })).toEqual(
      irsaTrustPolicy({ accountId: '111122223333', oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC', namespace: 'api', serviceAccount: 'orders' }),
    );
  });

  it('limit the Fargate role to this cluster\'s profiles and trust one service', () => {
    const doc = podExecutionRoleTrust({ partition: 'aws-cn', region: 'cn-north-1', accountId: '1', clusterName: 'c1' }) as unknown as PolicyDocument;
    expect(doc.Statement).toHaveLength(1);
    expect(doc.Statement[0]?.Principal).toEqual({ Service: 'eks-fargate-pods.amazonaws.com' });
    expect(doc.Statement[0]?.Condition?.ArnLike?.['aws:SourceArn']).toBe('arn:aws-cn:eks:cn-north-1:1:fargateprofile/c1/*');
  });

  it('grant no wildcard action or resource', () => {
    const docs = [
      podExecutionRoleTrust({ partition: 'aws', region: 'r', accountId: '1', clusterName: 'c' }),
      autoModeNodeRoleTrust(),
      irsaRoleTrust({ partition: 'aws', accountId: '1', oidcIssuer: 'o', namespace: 'n', serviceAccount: 's' }),
    ];
    for (const doc of docs) for (const value of actionsAndResources(doc)) expect(value).not.toContain('*');
  });

  it('name AWS managed policies by partition', () => {
    expect(managedPolicyArn('aws', 'AmazonEKSFargatePodExecutionRolePolicy')).toBe('arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy');
    expect(accessPolicyArn('aws-us-gov', 'AmazonEKSAutoNodePolicy')).toBe('arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy');
  });
});
