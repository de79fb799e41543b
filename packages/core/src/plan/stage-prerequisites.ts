import { irsaNames } from './irsa-names.js';
import { kubeRef, slug, type Effect, type Step } from '@modeshift/plan';
import { autoModeClusterRoleTrustPolicy, irsaTrustPolicy, podExecutionRoleTrustPolicy } from './manifests/index.js';
import { AUTO_MODE_FACTS } from '../capabilities/limits.js';
import { assertNever } from '../util/never.js';
import { groupBy, ids, ofKind, roleName, withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { irsaFromPodIdentityCall, irsaFromPodIdentityDefinition, type IrsaAccount } from './irsa-from-pod-identity.js';
import { clusterUpdate } from './wait-for-update.js';
import { sh, shellComment, shellQuote } from '../util/shell.js';

/**
 * IRSA needs the cluster's OIDC issuer registered as an IAM OIDC provider once (aws-facts §0.9, [UG-fargate]):
 * checked first, created only when missing.
 */
function oidcProviderCommands(input: PlanInput): string[] {
  const c = input.cluster;
  const issuer = input.ctx.inventory.cluster?.oidcIssuer ?? '<oidc-issuer-url>';
  const id = issuer.replace(/\/+$/, '').split('/').pop() ?? '<oidc-id>';
  return [
    sh`aws eks describe-cluster --name ${c} --query cluster.identity.oidc.issuer --output text`,
    `aws iam list-open-id-connect-providers --output text | grep -F ${shellQuote(id)} || ${sh`aws iam create-open-id-connect-provider --url ${issuer} --client-id-list sts.amazonaws.com`}`,
  ];
}

/**
 * IRSA roles for service accounts (`namespace/name`), trusted through the cluster's OIDC provider, with the
 * permissions of the role their Pod Identity association names, and the annotation that hands them to pods.
 * Associations are in the EKS API, not in Kubernetes: the step's shell function (irsa-from-pod-identity.ts)
 * reads each account's when it runs and changes nothing for an account without one. `onlyWithAssociation`:
 * whether the accounts were only suspected (not declared as stack infrastructure) or seen using Pod Identity.
 */
function irsaStep(
  input: PlanInput,
  options: { id: string; title: string; why: string; findings: string[]; accounts: string[]; onlyWithAssociation: boolean },
): Step {
  const c = input.cluster;
  const issuer = input.ctx.inventory.cluster?.oidcIssuer ?? '<oidc-issuer-url>';
  const accounts: IrsaAccount[] = options.accounts.map((key) => {
    const [namespace = '', name = ''] = key.split('/');
    const { role, file } = irsaNames(c, input.region, namespace, name);
    return { namespace, name, role, file, roleArn: `arn:aws:iam::${input.accountId}:role/${role}` };
  });
  return makeStep({
    id: options.id,
    title: options.title,
    kind: 'irsa',
    why: options.why,
    findings: options.findings,
    commands: [...oidcProviderCommands(input), irsaFromPodIdentityDefinition(c, issuer), ...accounts.map(irsaFromPodIdentityCall)],
    manifests: accounts.map(({ namespace, name, file }) => ({
      file,
      object: irsaTrustPolicy({ accountId: input.accountId, oidcIssuer: issuer, namespace, serviceAccount: name }),
    })),
    infrastructure: options.onlyWithAssociation
      ? []
      : accounts.map(({ namespace, name, role }) => ({ kind: 'irsa-role' as const, namespace, serviceAccount: name, roleName: role })),
    effects: [
      { type: 'create-oidc-provider', issuer },
      ...accounts.flatMap(({ namespace, name, role, file, roleArn }): Effect[] => [
        { type: 'create-role', role, trustPolicy: file },
        { type: 'annotate-object', object: kubeRef('ServiceAccount', namespace, name), annotations: { 'eks.amazonaws.com/role-arn': roleArn } },
      ]),
    ],
    verify: {
      command:
        'kubectl get serviceaccounts -A -o jsonpath=\'{range .items[*]}{.metadata.namespace}/{.metadata.name} {.metadata.annotations.eks\\.amazonaws\\.com/role-arn}{"\\n"}{end}\'',
      expect: options.onlyWithAssociation
        ? `a role ARN next to each of ${options.accounts.join(', ')} that has a Pod Identity association`
        : `a role ARN next to ${options.accounts.join(', ')}`,
    },
    rollback: {
      description:
        'Remove the annotations; pods restarted afterwards use their Pod Identity association again (on EC2 capacity: Fargate has no Pod Identity). The IRSA roles stay, unused.',
      commands: accounts.map(({ namespace, name }) => sh`kubectl annotate serviceaccount ${name} -n ${namespace} eks.amazonaws.com/role-arn-`),
    },
  });
}

/** Pod Identity tags its sessions; IRSA does not, so a policy condition on those tags stops matching. */
const SESSION_TAGS =
  'A policy that reads the session tags Pod Identity sets (aws:PrincipalTag/kubernetes-namespace, kubernetes-service-account, eks-cluster-name…) must be rewritten for IRSA, which sets none.';

/** Where the cluster role step records the policies the role had before it. */
const BEFORE = 'cluster-role-policies-before.txt';
/** The cluster role's trust policy as it was before the step replaced it. */
const TRUST_BEFORE = 'cluster-role-trust-before.json';

export function prerequisiteSteps(input: PlanInput): Step[] {
  const tasks = withAction(input, 'prerequisite').map(({ finding, action }) => ({ finding, what: action.task }));
  const steps: Step[] = [];
  const c = input.cluster;
  for (const [kind, items] of groupBy(tasks, (x) => x.what.kind)) {
    const findings = ids(items);
    switch (kind) {
      case 'upgrade-kubernetes': {
        const min = ofKind(items, kind)[0]!.what.minVersion;
        steps.push(
          makeStep({
            id: 'prerequisites/upgrade-kubernetes',
            title: `Upgrade the control plane to Kubernetes ${min} or later`,
            kind: 'upgrade-kubernetes',
            why: `EKS Auto Mode needs Kubernetes ${min} or later.`,
            findings,
            commands: [
              shellComment(`one minor version per upgrade; repeat until the cluster reports ${min} or later`),
              sh`aws eks update-cluster-version --name ${c} --kubernetes-version <next-minor>`,
              sh`aws eks wait cluster-active --name ${c}`,
            ],
            effects: [{ type: 'upgrade-kubernetes', toAtLeast: min }],
            verify: { command: sh`aws eks describe-cluster --name ${c} --query cluster.version --output text`, expect: `${min} or later` },
            rollback: { description: 'Control-plane upgrades cannot be rolled back; test each minor version on a staging cluster first.', commands: [] },
          }),
        );
        break;
      }
      case 'authentication-mode':
        steps.push(
          makeStep({
            id: 'prerequisites/authentication-mode',
            title: 'Allow access entries (authentication mode API_AND_CONFIG_MAP)',
            kind: 'authentication-mode',
            why: 'Auto Mode grants its nodes access through access entries, which the CONFIG_MAP authentication mode does not support.',
            findings,
            commands: clusterUpdate(c, sh`aws eks update-cluster-config --name ${c} --access-config authenticationMode=API_AND_CONFIG_MAP`),
            infrastructure: [{ kind: 'authentication-mode', mode: 'API_AND_CONFIG_MAP' }],
            effects: [{ type: 'set-authentication-mode', mode: 'API_AND_CONFIG_MAP' }],
            verify: {
              command: sh`aws eks describe-cluster --name ${c} --query cluster.accessConfig.authenticationMode --output text`,
              expect: 'API_AND_CONFIG_MAP',
            },
            rollback: {
              description:
                'The authentication mode cannot be switched back to CONFIG_MAP; API_AND_CONFIG_MAP keeps the aws-auth ConfigMap working, so nothing breaks.',
              commands: [],
            },
          }),
        );
        break;
      case 'cluster-role-policies': {
        const role = roleName(input.ctx.inventory.cluster?.roleArn, '<cluster-role-name>');
        const policies = [...new Set(ofKind(items, kind).flatMap((i) => i.what.policies))].sort();
        steps.push(
          makeStep({
            id: 'prerequisites/cluster-role-policies',
            title: 'Give the cluster role the Auto Mode policies',
            kind: 'cluster-role-policies',
            why: `Auto Mode launches instances, volumes and load balancers with the cluster IAM role, which must also be trusted for sts:TagSession. The trust policy is replaced whole, so the step saves the one it replaces in ${TRUST_BEFORE} and the rollback puts it back.`,
            findings,
            commands: [
              // The inventory does not show IAM: what the role has now is recorded, so a rollback detaches only what this step added.
              // Kept from the first run only: run again, the step would record what it had itself set.
              `[ -s ${BEFORE} ] || ${sh`aws iam list-attached-role-policies --role-name ${role} --query 'AttachedPolicies[].PolicyName' --output text`} > ${BEFORE}`,
              // The update replaces the whole trust policy: the one it replaces is kept for the rollback.
              `[ -s ${TRUST_BEFORE} ] || ${sh`aws iam get-role --role-name ${role} --query Role.AssumeRolePolicyDocument --output json`} > ${TRUST_BEFORE}`,
              ...policies.map((p) => sh`aws iam attach-role-policy --role-name ${role} --policy-arn arn:aws:iam::aws:policy/${p}`),
              sh`aws iam update-assume-role-policy --role-name ${role} --policy-document file://cluster-role-trust.json`,
            ],
            manifests: [{ file: 'cluster-role-trust.json', object: autoModeClusterRoleTrustPolicy() }],
            infrastructure: [{ kind: 'cluster-role-policies', policies, roleName: role }],
            effects: [
              { type: 'attach-role-policies', role, policies },
              { type: 'update-role-trust', role, trustPolicy: 'cluster-role-trust.json' },
            ],
            verify: {
              command: sh`aws iam list-attached-role-policies --role-name ${role} --query 'AttachedPolicies[].PolicyName'`,
              expect: [...policies, AUTO_MODE_FACTS.baseClusterRolePolicy].sort().join(', '),
            },
            rollback: {
              description: `Detach the policies this step added, not those listed in ${BEFORE}, and put back the trust policy saved in ${TRUST_BEFORE} (only before Auto Mode is enabled); ${AUTO_MODE_FACTS.baseClusterRolePolicy}, which every cluster role needs, is never detached.`,
              commands: [
                `for p in ${policies.join(' ')}; do grep -qw "$p" ${BEFORE} || ${sh`aws iam detach-role-policy --role-name ${role}`} --policy-arn "arn:aws:iam::aws:policy/$p"; done`,
                sh`aws iam update-assume-role-policy --role-name ${role} --policy-document file://${TRUST_BEFORE}`,
              ],
            },
          }),
        );
        break;
      }
      case 'install-efs-csi-driver':
        steps.push(
          makeStep({
            id: 'prerequisites/efs-csi-driver',
            title: 'Install the Amazon EFS CSI driver add-on',
            kind: 'install-addon',
            why: 'Fargate mounts EFS with a built-in driver; on Auto Mode nodes the EFS CSI driver must be installed.',
            findings,
            commands: [
              sh`aws eks create-addon --cluster-name ${c} --addon-name aws-efs-csi-driver`,
              sh`aws eks wait addon-active --cluster-name ${c} --addon-name aws-efs-csi-driver`,
            ],
            effects: [{ type: 'install-addon', addon: 'aws-efs-csi-driver', runs: { on: 'eks-managed' }, identity: { via: 'none' } }],
            verify: { command: 'kubectl get csidriver efs.csi.aws.com', expect: 'the driver is listed' },
            rollback: {
              description: 'Remove the add-on (only while no pod on EC2 mounts EFS).',
              commands: [sh`aws eks delete-addon --cluster-name ${c} --addon-name aws-efs-csi-driver`],
            },
          }),
        );
        break;
      case 'upgrade-addon': {
        const addons = ofKind(items, kind)
          .map((i) => i.what)
          .sort((a, b) => (a.addon < b.addon ? -1 : a.addon > b.addon ? 1 : 0));
        const version = input.ctx.clusterVersion ? `${input.ctx.clusterVersion.major}.${input.ctx.clusterVersion.minor}` : '<kubernetes-version>';
        steps.push(
          makeStep({
            id: 'prerequisites/upgrade-addons',
            title: `Upgrade ${addons.map((a) => a.addon).join(' and ')} to Auto Mode's minimum version`,
            kind: 'install-addon',
            why: `Auto Mode can be enabled on an existing cluster only when its add-ons meet AWS's minimum versions: ${addons.map((a) => `${a.addon} runs ${a.current}, needs ${a.minimum} or later`).join('; ')}.`,
            findings,
            commands: addons.flatMap((a) => [
              sh`aws eks describe-addon-versions --addon-name ${a.addon} --kubernetes-version ${version} --query 'addons[].addonVersions[].addonVersion' --output text`,
              shellComment(`pick a version at or above ${a.minimum}; if ${a.addon} is self-managed (describe-addon fails), update its DaemonSet image instead`),
              sh`aws eks update-addon --cluster-name ${c} --addon-name ${a.addon} --addon-version ${`<${a.addon}-version>`} --resolve-conflicts PRESERVE`,
              sh`aws eks wait addon-active --cluster-name ${c} --addon-name ${a.addon}`,
            ]),
            verify: {
              command: addons
                .map((a) => sh`aws eks describe-addon --cluster-name ${c} --addon-name ${a.addon} --query addon.addonVersion --output text`)
                .join('; '),
              expect: addons.map((a) => `${a.addon} ${a.minimum} or later`).join(', '),
            },
            effects: addons.map((a): Effect => ({ type: 'upgrade-addon', addon: a.addon, toAtLeast: a.minimum })),
            rollback: { description: 'EKS add-ons cannot be downgraded in place; test the new versions on a staging cluster first.', commands: [] },
          }),
        );
        break;
      }
      case 'pod-execution-role': {
        const role = `${slug(c)}-fargate-pod-execution`;
        steps.push(
          makeStep({
            id: 'prerequisites/pod-execution-role',
            title: 'Create the Fargate pod execution role',
            kind: 'pod-execution-role',
            why: 'Fargate pulls images and ships logs with a pod execution role trusted by eks-fargate-pods.amazonaws.com.',
            findings,
            commands: [
              sh`aws iam create-role --role-name ${role} --assume-role-policy-document file://pod-execution-role-trust.json`,
              sh`aws iam attach-role-policy --role-name ${role} --policy-arn arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy`,
            ],
            manifests: [
              {
                file: 'pod-execution-role-trust.json',
                object: podExecutionRoleTrustPolicy({ region: input.region, accountId: input.accountId, clusterName: c }),
              },
            ],
            infrastructure: [{ kind: 'pod-execution-role', roleName: role }],
            effects: [
              { type: 'create-role', role, trustPolicy: 'pod-execution-role-trust.json' },
              { type: 'attach-role-policies', role, policies: ['AmazonEKSFargatePodExecutionRolePolicy'] },
            ],
            verify: { command: sh`aws iam list-attached-role-policies --role-name ${role}`, expect: 'AmazonEKSFargatePodExecutionRolePolicy' },
            rollback: {
              description: 'Delete the role once no Fargate profile uses it.',
              commands: [
                sh`aws iam detach-role-policy --role-name ${role} --policy-arn arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy`,
                sh`aws iam delete-role --role-name ${role}`,
              ],
            },
          }),
        );
        break;
      }
      case 'irsa-role':
        steps.push(
          irsaStep(input, {
            id: 'prerequisites/irsa',
            title: 'Give workloads IAM roles for service accounts (IRSA)',
            why: `EKS Pod Identity does not work on Fargate; workloads that use it need IRSA before they move. Each role gets the policies of the role the account's association names before the account is annotated (SDKs prefer IRSA once annotated, on EC2 too). ${SESSION_TAGS}`,
            findings,
            accounts: [...new Set(ofKind(items, kind).map((i) => i.what.serviceAccount))].sort(),
            onlyWithAssociation: false,
          }),
        );
        break;
      case 'pod-identity-to-irsa':
        steps.push(
          irsaStep(input, {
            id: 'prerequisites/pod-identity-to-irsa',
            title: 'Move service accounts that use EKS Pod Identity to IRSA',
            why: `EKS Pod Identity does not work on Fargate; a service account that uses it must have an IRSA role before the wave that moves its pods, or they start without AWS credentials. Each account's association is read when the step runs: an account without one is left as it is, and one with an association gets an IRSA role with the associated role's policies before it is annotated (SDKs prefer IRSA once annotated, on EC2 too). ${SESSION_TAGS}`,
            findings,
            accounts: [...new Set(ofKind(items, kind).flatMap((i) => i.what.serviceAccounts))].sort(),
            onlyWithAssociation: true,
          }),
        );
        break;
      case 'fargate-profile-quota':
        break; // counted once the capacity stage is known (fargate-profile-quota-step.ts)
      case 'move-data':
        break; // a capacity step: the data goes into the StorageClass the capacity stage creates (data-moves.ts)
      case 'enable-auto-mode':
        break; // a capacity step: Auto Mode itself is the target capacity
      default:
        assertNever(kind, 'prerequisite task');
    }
  }
  return steps;
}
