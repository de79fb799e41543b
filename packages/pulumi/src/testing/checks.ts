// Checks shared by the tests: real CRD schemas for emitted objects, and IAM documents without wildcards.
import { autoModeNodeClassSchema, validateAgainstCrd, validateAgainstSchema } from '@modeshift/core/testing';

export const nodeClassSchema = autoModeNodeClassSchema();

/** Errors of one object against the real schema of its kind; built-in kinds are Kubernetes' own. */
export function schemaErrors(object: Record<string, unknown>): string[] {
  switch (`${String(object['apiVersion'])}/${String(object['kind'])}`) {
    case 'karpenter.sh/v1/NodePool':
      return validateAgainstCrd(object, 'karpenter.sh_nodepools.yaml');
    case 'eks.amazonaws.com/v1/NodeClass':
      return validateAgainstSchema(object, nodeClassSchema);
    case 'eks.amazonaws.com/v1/IngressClassParams':
      return validateAgainstCrd(object, 'eks.amazonaws.com_ingressclassparams_v1.schema.json');
    case 'vpcresources.k8s.aws/v1beta1/SecurityGroupPolicy':
      // The upstream CRD, and the older schema that still has AWS's documented limit of 5 groups.
      return [
        ...validateAgainstCrd(object, 'vpcresources.k8s.aws_securitygrouppolicies.yaml'),
        ...validateAgainstCrd(object, 'vpcresources.k8s.aws_securitygrouppolicy_v1beta1.schema.json'),
      ];
    default:
      return BUILT_IN.has(`${String(object['apiVersion'])}/${String(object['kind'])}`)
        ? []
        : [`no schema for ${String(object['apiVersion'])} ${String(object['kind'])}`];
  }
}

const BUILT_IN = new Set([
  'v1/Namespace',
  'v1/ServiceAccount',
  'v1/ConfigMap',
  'apps/v1/DaemonSet',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'storage.k8s.io/v1/StorageClass',
  'networking.k8s.io/v1/IngressClass',
  'networking.k8s.io/v1/NetworkPolicy',
]);

/** Every Action / Resource / NotAction value in a policy document, flattened. */
export function actionsAndResources(doc: unknown): string[] {
  const statements = ((doc as { Statement?: unknown[] }).Statement ?? []) as Record<string, unknown>[];
  return statements.flatMap((s) =>
    ['Action', 'NotAction', 'Resource', 'NotResource'].flatMap((k) => (s[k] === undefined ? [] : ([] as string[]).concat(s[k] as string | string[]))),
  );
}
