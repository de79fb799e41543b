// A self-managed Karpenter cluster for tests: the controller as its Helm chart deploys it (kept off the
// nodes its NodePools make, run on Fargate), a Spot NodePool with its EC2NodeClass, and a workload on it.
import type { Inventory, Workload } from '../inventory/types.js';
import type { KubeObject, NodeClassSpec, NodePoolSpec } from '../kube.js';
import { aCluster, aFargateProfile, anInventory, aWorkload } from './builders.js';
import { aClusterObject, aNodePool } from './kube-objects.js';

export const karpenterController: Workload = (() => {
  const w = aWorkload({
    namespace: 'karpenter',
    name: 'karpenter',
    labels: { 'app.kubernetes.io/name': 'karpenter', 'app.kubernetes.io/managed-by': 'Helm' },
    podLabels: { 'app.kubernetes.io/name': 'karpenter', 'app.kubernetes.io/instance': 'karpenter' },
    containers: [{ name: 'controller', image: 'public.ecr.aws/karpenter/controller:1.1.1', resources: { requests: { cpu: '1', memory: '1Gi' } } }],
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'karpenter.sh/nodepool', operator: 'DoesNotExist' }] }],
          },
        },
      },
    },
  });
  w.metadata.annotations['meta.helm.sh/release-name'] = 'karpenter';
  return w;
})();

export function aSpotKarpenterPool(): KubeObject<NodePoolSpec> {
  const pool = aNodePool('spot', {
    group: 'karpenter.k8s.aws',
    labels: { team: 'web' },
    requirements: [
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
      { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
      { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: ['2'] },
    ],
  });
  pool.spec.weight = 10;
  pool.spec.limits = { cpu: '1000' };
  return pool;
}

export const anEc2NodeClass = (name = 'default'): KubeObject<NodeClassSpec> =>
  aClusterObject<NodeClassSpec>('EC2NodeClass', name, { role: 'KarpenterNodeRole-demo' }, { apiVersion: 'karpenter.k8s.aws/v1' });

/** The web workload, on the Spot pool by name and an instance family in Karpenter's spelling. */
export const webOnKarpenter = aWorkload({
  namespace: 'shop',
  name: 'web',
  spec: { nodeSelector: { 'karpenter.sh/nodepool': 'spot', 'karpenter.k8s.aws/instance-family': 'm5' } },
});

/** A collected cluster, Auto Mode off, Karpenter's controller on a Fargate profile of its own. */
export function aKarpenterCluster(workloads: Workload[] = [webOnKarpenter], parts: Partial<Inventory> = {}): Inventory {
  return anInventory({
    cluster: aCluster(),
    collectedAt: '2026-11-20T09:30:00Z',
    nodes: [{ name: 'fargate-ip-10-0-1-1', labels: { 'eks.amazonaws.com/compute-type': 'fargate' }, taints: [], origin: { file: 'test.yaml', line: 1 } }],
    fargateProfiles: [aFargateProfile('karpenter', [{ namespace: 'karpenter' }])],
    nodePools: [aSpotKarpenterPool()],
    nodeClasses: [anEc2NodeClass()],
    workloads: [karpenterController, ...workloads],
    ...parts,
  });
}
