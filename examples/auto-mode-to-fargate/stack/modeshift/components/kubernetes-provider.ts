// Copied from @modeshift/pulumi 0.1.0 (src/components/kubernetes-provider.ts) by `modeshift stack`. Regenerate rather than edit.
import * as aws from '@pulumi/aws';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

export interface KubernetesProviderArgs {
  clusterName: pulumi.Input<string>;
  region: pulumi.Input<string>;
  /** A kubeconfig to use instead of the one derived from the cluster (e.g. for a bastion or proxy). */
  kubeconfig?: pulumi.Input<string>;
}

/**
 * A Kubernetes provider bound to the named EKS cluster. The kubeconfig is built from the cluster's endpoint
 * and CA, with a token from `aws eks get-token` on each run: no credential is stored in the stack, and
 * objects can never land on whatever cluster the ambient kubeconfig happens to point at.
 */
export function kubernetesProvider(name: string, args: KubernetesProviderArgs, opts?: pulumi.CustomResourceOptions): k8s.Provider {
  const kubeconfig =
    args.kubeconfig ??
    pulumi
      .all([aws.eks.getClusterOutput({ name: args.clusterName }, { parent: opts?.parent }), args.region])
      .apply(([cluster, region]) =>
        eksKubeconfig({ name: cluster.name, endpoint: cluster.endpoint, caData: cluster.certificateAuthorities[0]?.data ?? '', region }),
      );
  return new k8s.Provider(name, { kubeconfig }, opts);
}

/** The kubeconfig `aws eks update-kubeconfig` writes, as JSON. */
export function eksKubeconfig(input: { name: string; endpoint: string; caData: string; region: string }): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: input.name, cluster: { server: input.endpoint, 'certificate-authority-data': input.caData } }],
    contexts: [{ name: input.name, context: { cluster: input.name, user: input.name } }],
    'current-context': input.name,
    users: [
      {
        name: input.name,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: 'aws',
            args: ['eks', 'get-token', '--cluster-name', input.name, '--region', input.region, '--output', 'json'],
          },
        },
      },
    ],
  });
}
