import type { LabelSelector } from '../../kube.js';
import { idSet, managedLabels, sortedMap } from './meta.js';

/**
 * A `vpcresources.k8s.aws/v1beta1` SecurityGroupPolicy (aws-facts §4.5). An empty podSelector selects every
 * pod in the namespace. AWS accepts 1-5 group IDs per policy (ENI quota); more is left for schema validation
 * and the planner to report rather than silently truncated, since dropping a group changes reachability.
 */
export function securityGroupPolicyManifest(input: {
  name: string;
  namespace: string;
  groupIds: string[];
  podSelector: LabelSelector;
}): Record<string, unknown> {
  return {
    apiVersion: 'vpcresources.k8s.aws/v1beta1',
    kind: 'SecurityGroupPolicy',
    metadata: { name: input.name, namespace: input.namespace, labels: managedLabels() },
    spec: {
      podSelector: labelSelector(input.podSelector),
      securityGroups: { groupIds: idSet(input.groupIds) },
    },
  };
}

function labelSelector(selector: LabelSelector): LabelSelector {
  const out: LabelSelector = {};
  if (selector.matchLabels && Object.keys(selector.matchLabels).length > 0) out.matchLabels = sortedMap(selector.matchLabels);
  if (selector.matchExpressions && selector.matchExpressions.length > 0) {
    out.matchExpressions = selector.matchExpressions.map((e) =>
      e.values === undefined || e.values.length === 0 ? { key: e.key, operator: e.operator } : { key: e.key, operator: e.operator, values: [...e.values] },
    );
  }
  return out;
}
