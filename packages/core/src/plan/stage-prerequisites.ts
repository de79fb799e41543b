import { slug, type Step } from '@modeshift/plan';
import { autoModeClusterRoleTrustPolicy, irsaTrustPolicy, podExecutionRoleTrustPolicy } from './manifests/index.js';
import { assertNever } from '../util/never.js';
import { groupBy, ids, ofKind, roleName, withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { sh, shellComment } from '../util/shell.js';
import { AUTO_MODE_FACTS } from '../capabilities/limits.js';

/** Where the cluster role step records the policies the role had before it. */
const BEFORE = 'cluster-role-policies-before.txt';

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
            commands: [sh`aws eks update-cluster-config --name ${c} --access-config authenticationMode=API_AND_CONFIG_MAP`, sh`aws eks wait cluster-active --name ${c}`],
            infrastructure: [{ kind: 'authentication-mode', mode: 'API_AND_CONFIG_MAP' }],
            verify: { command: sh`aws eks describe-cluster --name ${c} --query cluster.accessConfig.authenticationMode --output text`, expect: 'API_AND_CONFIG_MAP' },
            rollback: { description: 'The authentication mode cannot be switched back to CONFIG_MAP; API_AND_CONFIG_MAP keeps the aws-auth ConfigMap working, so nothing breaks.', commands: [] },
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
            why: 'Auto Mode launches instances, volumes and load balancers with the cluster IAM role, which must also be trusted for sts:TagSession.',
            findings,
            commands: [
              // The inventory does not show IAM: what the role has now is recorded, so a rollback detaches only what this step added.
              sh`aws iam list-attached-role-policies --role-name ${role} --query 'AttachedPolicies[].PolicyName' --output text > ${BEFORE}`,
              ...policies.map((p) => sh`aws iam attach-role-policy --role-name ${role} --policy-arn arn:aws:iam::aws:policy/${p}`),
              sh`aws iam update-assume-role-policy --role-name ${role} --policy-document file://cluster-role-trust.json`,
            ],
            manifests: [{ file: 'cluster-role-trust.json', object: autoModeClusterRoleTrustPolicy() }],
            infrastructure: [{ kind: 'cluster-role-policies', policies, roleName: role }],
            verify: { command: sh`aws iam list-attached-role-policies --role-name ${role} --query 'AttachedPolicies[].PolicyName'`, expect: [...policies, AUTO_MODE_FACTS.baseClusterRolePolicy].sort().join(', ') },
            rollback: {
              description: `Detach the policies this step added, not those listed in ${BEFORE} (only before Auto Mode is enabled); ${AUTO_MODE_FACTS.baseClusterRolePolicy}, which every cluster role needs, is never detached.`,
              commands: [`for p in ${policies.join(' ')}; do grep -qw "$p" ${BEFORE} || ${sh`aws iam detach-role-policy --role-name ${role}`} --policy-arn "arn:aws:iam::aws:policy/$p"; done`],
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
            commands: [sh`aws eks create-addon --cluster-name ${c} --addon-name aws-efs-csi-driver`, sh`aws eks wait addon-active --cluster-name ${c} --addon-name aws-efs-csi-driver`],
            verify: { command: 'kubectl get csidriver efs.csi.aws.com', expect: 'the driver is listed' },
            rollback: { description: 'Remove the add-on (only while no pod on EC2 mounts EFS).', commands: [sh`aws eks delete-addon --cluster-name ${c} --addon-name aws-efs-csi-driver`] },
          }),
        );
        break;
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
            manifests: [{ file: 'pod-execution-role-trust.json', object: podExecutionRoleTrustPolicy({ region: input.region, accountId: input.accountId, clusterName: c }) }],
            infrastructure: [{ kind: 'pod-execution-role', roleName: role }],
            verify: { command: sh`aws iam list-attached-role-policies --role-name ${role}`, expect: 'AmazonEKSFargatePodExecutionRolePolicy' },
            rollback: { description: 'Delete the role once no Fargate profile uses it.', commands: [sh`aws iam detach-role-policy --role-name ${role} --policy-arn arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy`, sh`aws iam delete-role --role-name ${role}`] },
          }),
        );
        break;
      }
      case 'irsa-role': {
        const accounts = [...new Set(ofKind(items, kind).map((i) => i.what.serviceAccount))].sort();
        const issuer = input.ctx.inventory.cluster?.oidcIssuer ?? '<oidc-issuer-url>';
        steps.push(
          makeStep({
            id: 'prerequisites/irsa',
            title: 'Give workloads IAM roles for service accounts (IRSA)',
            kind: 'irsa',
            why: 'EKS Pod Identity does not work on Fargate; workloads that use it need IRSA before they move.',
            findings,
            commands: [
              sh`aws eks describe-cluster --name ${c} --query cluster.identity.oidc.issuer --output text`,
              '# create an IAM OIDC provider for the issuer once, then per service account:',
              ...accounts.flatMap((sa) => {
                const [ns = '', name = ''] = sa.split('/');
                return [
                  sh`aws iam create-role --role-name ${slug(`${c}-${ns}-${name}`)} --assume-role-policy-document file://irsa-${slug(`${ns}-${name}`)}.json`,
                  sh`kubectl annotate serviceaccount ${name} -n ${ns} eks.amazonaws.com/role-arn=arn:aws:iam::${input.accountId}:role/${slug(`${c}-${ns}-${name}`)}`,
                ];
              }),
            ],
            manifests: accounts.map((sa) => {
              const [ns = '', name = ''] = sa.split('/');
              return { file: `irsa-${slug(`${ns}-${name}`)}.json`, object: irsaTrustPolicy({ accountId: input.accountId, oidcIssuer: issuer, namespace: ns, serviceAccount: name }) };
            }),
            infrastructure: accounts.map((sa) => {
              const [namespace = '', serviceAccount = ''] = sa.split('/');
              return { kind: 'irsa-role' as const, namespace, serviceAccount, roleName: slug(`${c}-${namespace}-${serviceAccount}`) };
            }),
            verify: { command: 'kubectl get serviceaccounts -A -o jsonpath=\'{range .items[*]}{.metadata.namespace}/{.metadata.name} {.metadata.annotations.eks\\.amazonaws\\.com/role-arn}{"\\n"}{end}\'', expect: `a role ARN next to ${accounts.join(', ')}` },
            rollback: { description: 'Remove the annotations; Pod Identity keeps working on EC2 capacity.', commands: accounts.map((sa) => { const [ns = '', name = ''] = sa.split('/'); return sh`kubectl annotate serviceaccount ${name} -n ${ns} eks.amazonaws.com/role-arn-`; }) },
          }),
        );
        break;
      }
      case 'move-data': {
        const claims = [...new Set(ofKind(items, kind).map((i) => i.what.claim))].sort();
        steps.push(
          makeStep({
            id: 'prerequisites/move-data',
            title: 'Plan the move of data on volumes the target cannot mount',
            kind: 'move-data',
            why: 'AWS does not migrate these volumes between storage drivers; the data must be copied to new volumes.',
            findings,
            commands: claims.map((claim) => shellComment(`${claim}: snapshot, then restore into a claim of the target's StorageClass (or copy the data to EFS)`)),
            verify: { command: 'kubectl get pvc -A', expect: 'a new claim bound for each listed claim' },
            rollback: { description: 'Keep the original volumes until the workload runs on the new ones; nothing is deleted by this step.', commands: [] },
          }),
        );
        break;
      }
      case 'enable-auto-mode':
        break; // a capacity step: Auto Mode itself is the target capacity
      default:
        assertNever(kind, 'prerequisite task');
    }
  }
  return steps;
}
