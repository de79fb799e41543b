import { sh, shellQuote } from '../util/shell.js';

/**
 * Moving a service account from EKS Pod Identity to IRSA, as one shell function the step defines once and
 * calls per service account. Whether an account has an association, and which role it names, is in the EKS
 * API, not in the inventory, so the function reads both when it runs:
 *
 * - no association: nothing is created or annotated (most accounts checked are `default`s that use none);
 * - an association: the IRSA role is created with the trust policy file (or, when a role of that name
 *   already trusts this account through this cluster's OIDC provider, reused with its trust as it is,
 *   since it may trust others too), given the associated role's permissions boundary and its managed and
 *   inline policies, and only then named on the service account;
 * - a cross-account association (a target role): stopped with a word, since its access is the target's.
 *
 * The annotation must come last. SDKs try web identity (IRSA) before the container credentials Pod
 * Identity gives, so a pod restarted after the annotation uses the IRSA role even on EC2 capacity: a role
 * without the associated role's permissions cut pods off before any of them moved.
 */
export const IRSA_FROM_POD_IDENTITY = 'irsa_from_pod_identity';

/**
 * The function's definition, on one line (a step's commands are lines), in POSIX shell: its variables are
 * prefixed rather than `local`, which not every shell has. Every AWS call's failure stops it before the
 * annotation, so an account is never handed a role that did not get its permissions.
 */
export function irsaFromPodIdentityDefinition(cluster: string, oidcIssuer: string): string {
  // What the trust policy of this cluster's roles names: the provider is the issuer without its scheme.
  const provider = oidcIssuer.replace(/^https:\/\//, '');
  const body = [
    '_ms_ns="$1"; _ms_sa="$2"; _ms_role="$3"; _ms_trust="$4"; _ms_arn="$5"',
    `_ms_id=$(${sh`aws eks list-pod-identity-associations --cluster-name ${cluster}`} --namespace "$_ms_ns" --service-account "$_ms_sa" --query 'associations[0].associationId' --output text) || return 1`,
    'if [ -z "$_ms_id" ] || [ "$_ms_id" = None ]; then echo "$_ms_ns/$_ms_sa: no Pod Identity association, nothing to do"; return 0; fi',
    `_ms_assoc=$(${sh`aws eks describe-pod-identity-association --cluster-name ${cluster}`} --association-id "$_ms_id" --query '[association.roleArn, association.targetRoleArn]' --output text) || return 1`,
    // A cross-account association hands pods its target role's access, which no policy of the role here gives.
    'set -- $_ms_assoc; _ms_src="${1##*/}"',
    'if [ -n "$2" ] && [ "$2" != None ]; then echo "$_ms_ns/$_ms_sa: its association assumes $2 in another account; give the IRSA role that access by hand"; return 1; fi',
    // A role of that name is reused only when it is this account's through this cluster's OIDC provider (a
    // leftover of an earlier run, or the stack's); another cluster's, in another Region, is never touched.
    `if aws iam get-role --role-name "$_ms_role" >/dev/null 2>&1; then _ms_doc=$(aws iam get-role --role-name "$_ms_role" --query Role.AssumeRolePolicyDocument --output json) || return 1; printf '%s' "$_ms_doc" | grep -qF "system:serviceaccount:$_ms_ns:$_ms_sa" && printf '%s' "$_ms_doc" | grep -qF ${shellQuote(provider)} || { echo "$_ms_role exists and trusts no $_ms_ns/$_ms_sa of this cluster: not touched"; return 1; }; else aws iam create-role --role-name "$_ms_role" --assume-role-policy-document file://"$_ms_trust" >/dev/null && aws iam wait role-exists --role-name "$_ms_role" || return 1; fi`,
    `_ms_boundary=$(aws iam get-role --role-name "$_ms_src" --query Role.PermissionsBoundary.PermissionsBoundaryArn --output text) || return 1`,
    'if [ "$_ms_boundary" != None ]; then aws iam put-role-permissions-boundary --role-name "$_ms_role" --permissions-boundary "$_ms_boundary" || return 1; fi',
    `_ms_list=$(aws iam list-attached-role-policies --role-name "$_ms_src" --query 'AttachedPolicies[].PolicyArn' --output text) || return 1`,
    'for _ms_p in $_ms_list; do aws iam attach-role-policy --role-name "$_ms_role" --policy-arn "$_ms_p" || return 1; done',
    `_ms_list=$(aws iam list-role-policies --role-name "$_ms_src" --query 'PolicyNames[]' --output text) || return 1`,
    'for _ms_p in $_ms_list; do _ms_doc=$(aws iam get-role-policy --role-name "$_ms_src" --policy-name "$_ms_p" --query PolicyDocument --output json) && aws iam put-role-policy --role-name "$_ms_role" --policy-name "$_ms_p" --policy-document "$_ms_doc" || return 1; done',
    'kubectl annotate --overwrite serviceaccount "$_ms_sa" -n "$_ms_ns" "eks.amazonaws.com/role-arn=$_ms_arn"',
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
