import type { StringMap } from '../../kube.js';
import { blueGreenName, managedLabels, sortedMap } from './meta.js';

export interface AllowLoadBalancerInput {
  namespace: string;
  workload: string;
  podSelector: StringMap;
  ports: { port: number | string; protocol: string }[];
  /** Empty: the operator must fill in the VPC CIDR, shown as a placeholder rather than a guess. */
  cidrs: string[];
}

export const allowLoadBalancerName = (workload: string) => blueGreenName('allow-load-balancer', workload, 253);

/**
 * A `networking.k8s.io/v1` NetworkPolicy admitting a load balancer's subnets to a workload's ports.
 * It only adds: NetworkPolicies are unioned, so the policies already there keep their meaning for
 * every other source.
 */
export function allowLoadBalancerManifest(input: AllowLoadBalancerInput): Record<string, unknown> {
  const cidrs = input.cidrs.length > 0 ? [...input.cidrs].sort() : ['<vpc-cidr>'];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: allowLoadBalancerName(input.workload), namespace: input.namespace, labels: managedLabels() },
    spec: {
      podSelector: { matchLabels: sortedMap(input.podSelector) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: cidrs.map((cidr) => ({ ipBlock: { cidr } })),
          ports: input.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
        },
      ],
    },
  };
}
