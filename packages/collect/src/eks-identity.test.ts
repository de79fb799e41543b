import { describe, expect, it } from 'vitest';
import { eksIdentity, parseEksArn, regionFromServer } from './kube/eks-identity.js';

describe('what a kube context says about its EKS cluster', () => {
  it('reads cluster and region from an EKS ARN, in any partition', () => {
    expect(parseEksArn('arn:aws:eks:eu-west-1:111122223333:cluster/demo')).toEqual({ clusterName: 'demo', region: 'eu-west-1' });
    expect(parseEksArn('arn:aws-cn:eks:cn-north-1:111122223333:cluster/prod_1')).toEqual({ clusterName: 'prod_1', region: 'cn-north-1' });
    expect(parseEksArn('arn:aws:iam::111122223333:role/demo')).toBeNull();
    expect(parseEksArn('kind-dev')).toBeNull();
  });

  it('prefers the ARN in the context name, then the one in the cluster reference', () => {
    const identity = eksIdentity({
      contextName: 'dev',
      clusterRef: 'arn:aws:eks:us-east-2:111122223333:cluster/dev-cluster',
      server: undefined,
      exec: undefined,
    });
    expect(identity).toEqual({ clusterName: 'dev-cluster', region: 'us-east-2', profile: null });
  });

  it('reads `aws eks get-token` arguments and the profile that update-kubeconfig puts in the exec env', () => {
    const identity = eksIdentity({
      contextName: 'admin@demo.eu-west-1.eksctl.io',
      clusterRef: 'demo.eu-west-1.eksctl.io',
      server: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
      exec: { args: ['--region', 'eu-west-1', 'eks', 'get-token', '--cluster-name=demo', '--output', 'json'], env: [{ name: 'AWS_PROFILE', value: 'ops' }] },
    });
    expect(identity).toEqual({ clusterName: 'demo', region: 'eu-west-1', profile: 'ops' });
  });

  it('reads aws-iam-authenticator arguments, and the region from the endpoint host', () => {
    const identity = eksIdentity({
      contextName: 'legacy',
      clusterRef: 'legacy',
      server: 'https://0123456789ABCDEF.yl4.ap-southeast-2.eks.amazonaws.com',
      exec: { args: ['token', '-i', 'legacy-cluster'] },
    });
    expect(identity).toEqual({ clusterName: 'legacy-cluster', region: 'ap-southeast-2', profile: null });
  });

  it('knows nothing about a cluster that is not EKS', () => {
    expect(eksIdentity({ contextName: 'kind-dev', clusterRef: 'kind-dev', server: 'https://127.0.0.1:6443', exec: undefined })).toEqual({
      clusterName: null,
      region: null,
      profile: null,
    });
    expect(regionFromServer('not a url')).toBeNull();
  });
});
