// Facts the network-policy rules compare against (aws-facts.md in the shared reference).

/** §2 network policies row. */
export const NETWORK_POLICY_CONTROLLER = {
  namespace: 'kube-system',
  configMap: 'amazon-vpc-cni',
  key: 'enable-network-policy-controller',
} as const;
