import { sh } from '../util/shell.js';

/**
 * Moving a service account from EKS Pod Identity to IRSA, as one shell function the step defines once and
 * calls per service account. Whether an account has an association, and which role it names, is in the EKS
 * API, not in the inventory, so the function reads both when it runs:
 *
 * - no association: nothing is created or annotated (most accounts checked are `default`s that use none);
 * - an association: the IRSA role is created with the trust policy file (unless it exists), given the
 *   associated role's managed and inline policies, and only then named on the service account.
 *
 * The annotation must come last. SDKs try web identity (IRSA) before the container credentials Pod
 * Identity gives, so a pod restarted after the annotation uses the IRSA role even on EC2 capacity: a role
 * without the associated role's permissions cut pods off before any of them moved.
 */
export const IRSA_FROM_POD_IDENTITY = 'irsa_from_pod_identity';

/** The function's definition, on one line (a step's commands are lines). */
export function irsaFromPodIdentityDefinition(cluster: string): string {
  const body = [
    'local ns="$1" sa="$2" role="$3" trust="$4" arn="$5" id src p n',
    `id=$(${sh`aws eks list-pod-identity-associations --cluster-name ${cluster}`} --namespace "$ns" --service-account "$sa" --query 'associations[0].associationId' --output text) || return 1`,
    'if [ -z "$id" ] || [ "$id" = None ]; then echo "$ns/$sa: no Pod Identity association, nothing to do"; return 0; fi',
    `src=$(${sh`aws eks describe-pod-identity-association --cluster-name ${cluster}`} --association-id "$id" --query association.roleArn --output text) || return 1`,
    'src="${src##*/}"',
    // The generated Pulumi stack may have created the role already (without permissions: it cannot read them).
    'aws iam get-role --role-name "$role" >/dev/null 2>&1 || aws iam create-role --role-name "$role" --assume-role-policy-document file://"$trust" >/dev/null || return 1',
    `for p in $(aws iam list-attached-role-policies --role-name "$src" --query 'AttachedPolicies[].PolicyArn' --output text); do aws iam attach-role-policy --role-name "$role" --policy-arn "$p" || return 1; done`,
    `for n in $(aws iam list-role-policies --role-name "$src" --query 'PolicyNames[]' --output text); do aws iam put-role-policy --role-name "$role" --policy-name "$n" --policy-document "$(aws iam get-role-policy --role-name "$src" --policy-name "$n" --query PolicyDocument --output json)" || return 1; done`,
    'kubectl annotate serviceaccount "$sa" -n "$ns" "eks.amazonaws.com/role-arn=$arn"',
  ];
  return `${IRSA_FROM_POD_IDENTITY}() { ${body.join('; ')}; }`;
}

export interface IrsaAccount {
  namespace: string;
  name: string;
  role: string;
  /** The trust policy document's file. */
  file: string;
  roleArn: string;
}

export function irsaFromPodIdentityCall(a: IrsaAccount): string {
  return sh`${IRSA_FROM_POD_IDENTITY} ${a.namespace} ${a.name} ${a.role} ${a.file} ${a.roleArn}`;
}

/** A call's arguments, for the check that every command is covered by an effect; null for any other line. */
export function readIrsaFromPodIdentityCall(words: readonly string[]): { namespace: string; name: string; role: string } | null {
  if (words[0] !== IRSA_FROM_POD_IDENTITY || words.length !== 6) return null;
  const [, namespace = '', name = '', role = ''] = words.map((w) => w.replace(/^'(.*)'$/, '$1'));
  return { namespace, name, role };
}
