import { type SecurityGroupChange, slug, type Step } from '@modeshift/plan';
import { allowLoadBalancerManifest, allowLoadBalancerName, nodeClassManifest, nodePoolManifest } from './manifests/index.js';
import { fargateSubnets, roleOf } from './stage-capacity.js';
import { applyEffects } from './effect-builders.js';
import { groupBy, ids, withAction, type PlanInput } from './plan-input.js';
import { assertNever } from '../util/never.js';
import { makeStep } from './step.js';
import { networkPolicyControllerStep } from './network-policy-controller.js';
import { fargatePolicyAttachments } from './fargate-security-group-policies.js';
import { sh } from '../util/shell.js';

type Change<K extends SecurityGroupChange['kind']> = Extract<SecurityGroupChange, { kind: K }>;

export function securityGroupSteps(input: PlanInput, after: string[]): Step[] {
  const items = withAction(input, 'security-groups');
  const steps: Step[] = [];
  const clusterSg = input.ctx.inventory.cluster?.clusterSecurityGroupId ?? '<cluster-security-group-id>';
  const byTarget = groupBy(items, (x) => {
    const ch = x.action.change;
    switch (ch.kind) {
      case 'node-class-pod-security-groups':
        return `pool/${ch.nodePool}`;
      case 'security-group-policy':
        return `sgp/${ch.namespace}/${[...ch.groupIds].sort().join(',')}/${JSON.stringify(ch.podSelector)}`;
      case 'verify-security-group-policy':
        return 'verify';
      case 'allow-load-balancer':
        return `allow-lb/${ch.namespace}`;
      default:
        return assertNever(ch, 'security group change');
    }
  });
  for (const group of byTarget.values()) {
    const change = group[0]!.action.change;
    const findings = ids(group);
    switch (change.kind) {
      case 'node-class-pod-security-groups': {
        const name = change.nodePool;
        const hash = name.replace(/^sg-/, '');
        const nodeClass = nodeClassManifest({
          name,
          role: roleOf(input),
          subnetIds: fargateSubnets(input),
          securityGroupIds: [clusterSg],
          podSecurityGroupIds: change.groupIds,
        });
        const nodePool = nodePoolManifest(
          {
            kind: 'node-pool',
            name,
            purpose: 'security-groups',
            requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }],
            taints: [{ key: 'modeshift.io/security-groups', value: hash, effect: 'NoSchedule' }],
            podSecurityGroupIds: change.groupIds,
            limits: {},
          },
          name,
        );
        steps.push(
          makeStep({
            id: `security-groups/${slug(name)}`,
            title: `Re-home security groups ${change.groupIds.join(', ')} to NodeClass ${name}`,
            kind: 'security-group-node-class',
            why: 'Below Kubernetes 1.36 Auto Mode ignores SecurityGroupPolicy; a NodeClass gives every pod on its nodes these groups, and a taint keeps other pods off.',
            findings,
            dependsOn: after,
            commands: [sh`kubectl apply -f nodeclass-${slug(name)}.yaml`],
            manifests: [{ file: `nodeclass-${slug(name)}.yaml`, object: { apiVersion: 'v1', kind: 'List', items: [nodeClass, nodePool] } }],
            effects: applyEffects({ file: `nodeclass-${slug(name)}.yaml`, object: { apiVersion: 'v1', kind: 'List', items: [nodeClass, nodePool] } }),
            verify: { command: sh`kubectl get nodeclass ${name} -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'`, expect: 'True' },
            rollback: {
              description: 'Delete the NodePool and NodeClass (after moving pinned workloads back).',
              commands: [sh`kubectl delete nodepool ${name}`, sh`kubectl delete nodeclass ${name}`],
            },
          }),
        );
        break;
      }
      case 'verify-security-group-policy':
        steps.push(
          makeStep({
            id: 'security-groups/verify-security-group-policies',
            title: 'Check SecurityGroupPolicies on Auto Mode',
            kind: 'review',
            why: 'On Kubernetes 1.36 or later Auto Mode applies SecurityGroupPolicy itself; check each policy on one moved pod before the rest follow.',
            findings,
            dependsOn: after,
            commands: ['kubectl get securitygrouppolicies -A'],
            verify: {
              command: 'kubectl get pod <moved-pod> -n <namespace> -o yaml | grep -i vpc.amazonaws.com/pod-eni',
              expect: 'the branch ENI annotation with the policy’s groups',
            },
          }),
        );
        break;
      case 'security-group-policy':
        // Applied in the wave that moves the namespace's pods (fargate-security-group-policies.ts); a step here only when no wave does.
        for (const a of fargatePolicyAttachments(input).filter((p) => !p.inWave && findings.some((f) => p.findings.includes(f))))
          steps.push(
            makeStep({
              id: `security-groups/${slug(change.namespace)}-${slug(change.groupIds.join('-'))}`,
              title: `SecurityGroupPolicy for namespace ${change.namespace}`,
              kind: 'security-group-policy',
              why: 'Fargate has no NodeClass; a SecurityGroupPolicy gives the pods the security groups their Auto Mode nodes had (plus the cluster security group for control-plane traffic).',
              findings: a.findings,
              dependsOn: after,
              commands: [sh`kubectl apply -f ${a.manifest.file}`],
              manifests: [a.manifest],
              effects: applyEffects(a.manifest),
              verify: {
                command: sh`kubectl get securitygrouppolicy ${a.name} -n ${change.namespace}`,
                expect: 'the policy exists; pods started after it carry the vpc.amazonaws.com/pod-eni annotation',
              },
              rollback: {
                description: 'Delete the policy; only pods created afterwards are affected.',
                commands: [sh`kubectl delete securitygrouppolicy ${a.name} -n ${change.namespace}`],
              },
            }),
          );
        break;
      case 'allow-load-balancer':
        // The group is keyed by this kind, so every change in it is one; the check narrows without a cast.
        steps.push(
          allowLoadBalancerStep(
            change.namespace,
            group.flatMap((x) => (x.action.change.kind === 'allow-load-balancer' ? [x.action.change] : [])),
            findings,
            after,
          ),
        );
        break;
      default:
        assertNever(change, 'security group change');
    }
  }
  const netpols = input.findings.filter((f) => f.capability === 'network-policy' && f.action.type === 'review' && f.severity === 'change');
  if (netpols.length > 0) {
    steps.push(
      makeStep({
        id: 'security-groups/review-network-policies',
        title: 'Review NetworkPolicies before workloads move',
        kind: 'review',
        why:
          input.ctx.target === 'auto-mode'
            ? 'Fargate never enforced these NetworkPolicies; Auto Mode will, and a policy nobody tested can cut traffic the moment a pod moves.'
            : 'Fargate does not enforce NetworkPolicies (VPC CNI network policies cannot be applied to Fargate pods): the isolation these give is gone the moment their pods land on Fargate. Before the waves, enforce it another way (a SecurityGroupPolicy per workload, which Fargate supports); where that cannot be done, do not run the plan as it stands: it moves these pods and later removes the EC2 capacity they could have stayed on.',
        findings: netpols.map((f) => f.id),
        dependsOn: after,
        commands: ['kubectl get networkpolicies -A', 'kubectl describe networkpolicies -A'],
        verify: {
          command: 'kubectl get networkpolicies -A',
          expect:
            input.ctx.target === 'auto-mode'
              ? 'every listed policy reviewed and either kept, fixed or removed'
              : 'for every listed policy, the isolation it gives enforced another way (SecurityGroupPolicies in place)',
        },
      }),
    );
  }
  const controller = networkPolicyControllerStep(
    input,
    netpols.map((f) => f.id),
    steps.filter((s) => s.kind === 'network-policy' || s.id === 'security-groups/review-network-policies'),
  );
  if (controller) steps.push(controller);
  return steps;
}

/**
 * One step per namespace: applied while the pods are still on Fargate, where policies are not enforced,
 * the new policies change nothing until the pods land on Auto Mode, and then the load balancer still gets in.
 */
function allowLoadBalancerStep(namespace: string, changes: Change<'allow-load-balancer'>[], findings: string[], after: string[]): Step {
  const sorted = [...changes].sort((a, b) => (a.workload < b.workload ? -1 : a.workload > b.workload ? 1 : 0));
  const file = `netpol-allow-load-balancer-${slug(namespace)}.yaml`;
  const names = sorted.map((c) => allowLoadBalancerName(c.workload));
  const placeholder = sorted.some((c) => c.cidrs.length === 0);
  return makeStep({
    id: `security-groups/allow-load-balancer-${slug(namespace)}`,
    title: `Let load balancers through the NetworkPolicies of namespace ${namespace}`,
    kind: 'network-policy',
    why: `Fargate never enforced these namespaces' NetworkPolicies; on Auto Mode they would drop the traffic and health checks of ${[...new Set(sorted.flatMap((c) => c.via))].sort().join(', ')}, which come from the load balancer's subnets, not from pods.${placeholder ? ' The inventory has no subnets: replace <vpc-cidr> with the VPC CIDR first.' : ''}`,
    findings,
    dependsOn: after,
    commands: [sh`kubectl apply -f ${file}`],
    manifests: [{ file, object: { apiVersion: 'v1', kind: 'List', items: sorted.map((c) => allowLoadBalancerManifest(c)) } }],
    effects: applyEffects({ file, object: { apiVersion: 'v1', kind: 'List', items: sorted.map((c) => allowLoadBalancerManifest(c)) } }),
    verify: {
      command: sh`kubectl get networkpolicy -n ${namespace} ${names}`,
      expect: `${names.length === 1 ? 'the policy is' : `all ${names.length} policies are`} listed; after the move, the load balancer's targets report healthy`,
    },
    rollback: { description: 'Delete the added policies; the existing ones are untouched.', commands: [sh`kubectl delete -f ${file}`] },
  });
}
