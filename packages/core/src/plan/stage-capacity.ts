import { AUTO_MODE_FACTS } from '../capabilities/limits.js';
import { type CapacityRequest, slug, type Step } from '@modeshift/plan';
import { autoModeIngressClassManifests, autoModeNodeRoleTrustPolicy, autoModeStorageClassManifest, nodePoolManifest } from './manifests/index.js';
import { resourceKey } from '../rules/engine/run.js';
import { patchCommands, rollbackCommands } from './patches.js';
import { collectMoves } from './moves.js';
import { COMPUTE_TYPE_ANNOTATION } from '../placement/fargate-profiles.js';
import { applyEffects, editEffect } from './effect-builders.js';
import type { Effect } from '@modeshift/plan';
import { groupBy, ids, roleName, withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { clusterUpdate } from './wait-for-update.js';
import { assertNever } from '../util/never.js';
import { sh } from '../util/shell.js';
import { corednsReplicas } from './coredns-steps.js';
import { MIGRATION_TAINT } from '../placement/karpenter-pools.js';
import { NODEGROUP_LABEL } from '../placement/node-pools.js';

type Request<K extends CapacityRequest['kind']> = Extract<CapacityRequest, { kind: K }>;

/** Private subnets for new Fargate profiles: the ones existing profiles use, else the inventory's private subnets. */
export function fargateSubnets(input: PlanInput): string[] {
  const inv = input.ctx.inventory;
  const fromProfiles = [...new Set(inv.fargateProfiles.flatMap((p) => p.subnets))].sort();
  if (fromProfiles.length > 0) return fromProfiles;
  const clusterSubnets = new Set(inv.cluster?.subnetIds ?? []);
  const privateSubnets = inv.subnets.filter((s) => !s.public && (clusterSubnets.size === 0 || clusterSubnets.has(s.id))).map((s) => s.id);
  return privateSubnets.length > 0 ? privateSubnets.sort() : ['<private-subnet-ids>'];
}

/** IAM role names are at most 64 characters. */
const MAX_ROLE_NAME = 64;

/**
 * The node role the plan creates: named after the cluster, like the pod execution role. AWS's suggested
 * name AmazonEKSAutoNodeRole is one per account, so `create-role` (and the stack) would fail on the
 * second cluster, or reuse a role another cluster's nodes depend on.
 */
export function newAutoModeNodeRoleName(cluster: string): string {
  return clusterRoleName(cluster, '-eks-auto-node');
}

/** A role the plan creates, named after the cluster (cut to IAM's 64 characters), so another cluster's of the same purpose is never reused. */
export function clusterRoleName(cluster: string, suffix: string): string {
  return `${slug(cluster)
    .slice(0, MAX_ROLE_NAME - suffix.length)
    .replace(/-+$/, '')}${suffix}`;
}

function enableAutoModeStep(input: PlanInput, findings: string[], pools: string[]): Step {
  const c = input.cluster;
  const listed = pools.join(' and ');
  const nodeRole = newAutoModeNodeRoleName(c);
  const nodeRoleArn = `arn:aws:iam::${input.accountId}:role/${nodeRole}`;
  return makeStep({
    id: 'capacity/enable-auto-mode',
    title: pools.length === 2 ? 'Enable EKS Auto Mode with the built-in node pools' : `Enable EKS Auto Mode with the built-in ${listed} pool only`,
    kind: 'enable-auto-mode',
    why: pools.includes('general-purpose')
      ? 'Auto Mode and Fargate run side by side: enabling it first gives workloads somewhere to go while Fargate keeps running them.'
      : "Auto Mode and self-managed Karpenter run side by side; the general-purpose pool stays off (AWS: it is not selective and would take pods Karpenter places), and the NodePools that replace Karpenter's give the moved workloads somewhere to go.",
    findings,
    commands: [
      sh`aws iam create-role --role-name ${nodeRole} --assume-role-policy-document file://auto-mode-node-role-trust.json`,
      ...AUTO_MODE_FACTS.nodeRolePolicies.map((p) => sh`aws iam attach-role-policy --role-name ${nodeRole} --policy-arn arn:aws:iam::aws:policy/${p}`),
      ...clusterUpdate(
        c,
        sh`aws eks update-cluster-config --name ${c} --compute-config enabled=true,nodeRoleArn=${nodeRoleArn},nodePools=${pools.join(',')} --kubernetes-network-config '{"elasticLoadBalancing":{"enabled":true}}' --storage-config '{"blockStorage":{"enabled":true}}'`,
      ),
    ],
    manifests: [{ file: 'auto-mode-node-role-trust.json', object: autoModeNodeRoleTrustPolicy() }],
    infrastructure: [
      { kind: 'auto-mode-node-role', roleName: nodeRole },
      { kind: 'enable-auto-mode', nodePools: pools },
    ],
    effects: [
      { type: 'create-role', role: nodeRole, trustPolicy: 'auto-mode-node-role-trust.json' },
      { type: 'attach-role-policies', role: nodeRole, policies: [...AUTO_MODE_FACTS.nodeRolePolicies] },
      { type: 'enable-auto-mode', nodePools: pools, loadBalancing: true, blockStorage: true },
    ],
    verify: { command: 'kubectl get nodepools', expect: `${listed} ${pools.length === 1 ? 'is' : 'are'} listed (NodeClass default)` },
    rollback: {
      description: 'Before any workload has moved, disabling Auto Mode again is safe.',
      commands: [
        sh`aws eks update-cluster-config --name ${c} --compute-config enabled=false --kubernetes-network-config '{"elasticLoadBalancing":{"enabled":false}}' --storage-config '{"blockStorage":{"enabled":false}}'`,
      ],
    },
  });
}

function nodePoolStep(input: PlanInput, req: Request<'node-pool'>, findings: string[], after: string[]): Step {
  const manifest = nodePoolManifest(req, 'default');
  const karpenter = req.purpose === 'karpenter';
  return makeStep({
    id: `capacity/node-pool-${slug(req.name)}`,
    title: karpenter ? `Create NodePool ${req.name}, the Auto Mode replacement of a Karpenter NodePool` : `Create the ${req.name} NodePool (${req.purpose})`,
    kind: 'node-pool',
    why: karpenter
      ? `AWS's migration from Karpenter runs both side by side: this Auto Mode NodePool has the Karpenter pool's requirements, labels and taints, and the taint ${MIGRATION_TAINT.key}:${MIGRATION_TAINT.effect}, so only the workloads the waves move (with its toleration) land on it.`
      : `Workloads that need ${req.purpose} capacity get a NodePool of their own; the built-in pools are on-demand C/M/R instances only.`,
    findings,
    dependsOn: after,
    commands: [sh`kubectl apply -f nodepool-${slug(req.name)}.yaml`],
    manifests: [{ file: `nodepool-${slug(req.name)}.yaml`, object: manifest }],
    effects: applyEffects({ file: `nodepool-${slug(req.name)}.yaml`, object: manifest }),
    verify: { command: sh`kubectl get nodepool ${req.name} -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'`, expect: 'True' },
    rollback: { description: 'Delete the NodePool; its nodes are drained and removed.', commands: [sh`kubectl delete nodepool ${req.name}`] },
  });
}

/** The role existing profiles use (it already has the pull and logging permissions), else the one the prerequisites create. */
export function podExecutionRoleArn(input: PlanInput): string {
  const existing = input.ctx.inventory.fargateProfiles.find((p) => p.podExecutionRoleArn)?.podExecutionRoleArn;
  return existing ?? `arn:aws:iam::${input.accountId}:role/${slug(input.cluster)}-fargate-pod-execution`;
}

function fargateProfileStep(input: PlanInput, req: Request<'fargate-profile'>, findings: string[], after: string[]): Step {
  const c = input.cluster;
  const subnets = fargateSubnets(input);
  const role = podExecutionRoleArn(input);
  const selectors = req.selectors.map(
    (s) =>
      `namespace=${s.namespace}${
        Object.keys(s.labels).length
          ? `,labels={${Object.entries(s.labels)
              .map(([k, v]) => `${k}=${v}`)
              .join(',')}}`
          : ''
      }`,
  );
  return makeStep({
    id: `capacity/fargate-profile-${slug(req.name)}`,
    title: `Create Fargate profile ${req.name}`,
    kind: 'fargate-profile',
    why: `Pods run on Fargate only when a profile selects them; ${req.selectors.map((s) => s.namespace).join(', ')} has none yet.`,
    findings,
    dependsOn: after,
    commands: [
      sh`aws eks create-fargate-profile --cluster-name ${c} --fargate-profile-name ${req.name} --pod-execution-role-arn ${role} --subnets ${subnets} --selectors ${selectors}`,
      sh`aws eks wait fargate-profile-active --cluster-name ${c} --fargate-profile-name ${req.name}`,
    ],
    infrastructure: [{ kind: 'fargate-profile', request: req, subnets, podExecutionRoleArn: role }],
    effects: [{ type: 'create-fargate-profile', name: req.name, selectors: req.selectors }],
    verify: {
      command: sh`aws eks describe-fargate-profile --cluster-name ${c} --fargate-profile-name ${req.name} --query fargateProfile.status --output text`,
      expect: 'ACTIVE',
    },
    rollback: {
      description: 'Delete the profile; nothing runs on it until workloads are restarted.',
      commands: [sh`aws eks delete-fargate-profile --cluster-name ${c} --fargate-profile-name ${req.name}`],
    },
  });
}

function roleOf(input: PlanInput): string {
  return roleName(input.ctx.inventory.cluster?.autoMode.nodeRoleArn, newAutoModeNodeRoleName(input.cluster));
}

/**
 * Workloads that stay in a namespace a new Fargate profile will select must be pinned to EC2 first,
 * or their next restart hands them to Fargate, where they cannot run.
 */
function pinStayingStep(input: PlanInput): Step | null {
  const items = withAction(input, 'workload').filter((x) => x.finding.resource && input.staying.has(resourceKey(x.finding.resource)));
  if (items.length === 0) return null;
  const commands: string[] = [];
  const rollback: string[] = [];
  const workloads: string[] = [];
  const effects: Effect[] = [];
  for (const { finding, action } of items) {
    const w = input.ctx.index.workload(resourceKey(finding.resource));
    if (!w) continue;
    workloads.push(w.key);
    commands.push(...patchCommands(w, action.edits));
    const effect = editEffect(w, action.edits);
    if (effect) effects.push(effect);
    rollback.push(...rollbackCommands(w, action.edits));
  }
  return makeStep({
    id: 'capacity/pin-staying-workloads',
    title: `Pin ${workloads.length} staying workload${workloads.length === 1 ? '' : 's'} to EC2 before Fargate profiles exist`,
    kind: 'wave',
    why: 'A Fargate profile takes every new pod it selects unless the pod template says eks.amazonaws.com/compute-type: ec2; without the annotation, the next restart of these workloads would leave them Pending on Fargate.',
    findings: ids(items),
    commands,
    verify: { command: 'kubectl get pods -A -o wide', expect: 'the pinned workloads still Running on EC2 nodes (i-…)' },
    rollback: { description: 'Remove the annotation again (only while no profile selects them).', commands: rollback },
    effects,
    workloads,
  });
}

/**
 * Workloads that move to a profile the plan creates are pinned to EC2 before it exists: until their
 * wave they lack the pod-spec fixes, and the security groups, log router and sidecars of the stages
 * between, so a restart that handed them to Fargate early would leave them Pending or running without
 * those. Their wave's patch removes the annotation with the fixes, in one rollout (aws-facts §0.2).
 */
function pinMovingStep(input: PlanInput): Step | null {
  if (input.ctx.target !== 'fargate') return null;
  const pin = [{ op: 'set-pod-annotation' as const, key: COMPUTE_TYPE_ANNOTATION, value: 'ec2' }];
  const moves = collectMoves(input).filter(
    (m) =>
      m.workload.template.metadata.annotations[COMPUTE_TYPE_ANNOTATION] !== 'ec2' &&
      m.edits.some((e) => e.op === 'remove-pod-annotation' && e.key === COMPUTE_TYPE_ANNOTATION),
  );
  if (moves.length === 0) return null;
  return makeStep({
    id: 'capacity/pin-moving-workloads',
    title: `Pin ${moves.length} moving workload${moves.length === 1 ? '' : 's'} to EC2 until ${moves.length === 1 ? 'its' : 'their'} wave`,
    kind: 'wave',
    why: 'A new Fargate profile takes every pod it selects at its next restart, before the wave has fixed its pod spec and before its security groups and log router exist; the pod annotation eks.amazonaws.com/compute-type: ec2 keeps the pods on EC2 until the wave removes it. Setting it restarts the pods once, on the nodes they run on.',
    findings: moves.flatMap((m) => m.findings),
    commands: moves.flatMap((m) => patchCommands(m.workload, pin)),
    effects: moves.flatMap((m) => editEffect(m.workload, pin) ?? []),
    verify: { command: 'kubectl get pods -A -o wide', expect: 'the pinned workloads still Running on EC2 nodes (i-…)' },
    rollback: {
      description: 'Remove the annotation again (only while no new profile selects them).',
      commands: moves.flatMap((m) => rollbackCommands(m.workload, pin)),
    },
    workloads: moves.map((m) => m.workload.key),
  });
}

/**
 * Workloads that stay on a managed node group and must not land on Auto Mode's nodes (their pod
 * security groups would be lost) are pinned to their node group before Auto Mode is enabled.
 */
function pinToNodeGroupsStep(input: PlanInput): Step | null {
  if (input.ctx.target !== 'auto-mode') return null;
  const items = withAction(input, 'workload').filter((x) => x.action.edits.some((e) => e.op === 'set-node-selector' && e.key === NODEGROUP_LABEL));
  const pinned = items.flatMap(({ finding, action }) => {
    const w = input.ctx.index.workload(resourceKey(finding.resource));
    return w ? [{ w, edits: action.edits }] : [];
  });
  if (pinned.length === 0) return null;
  return makeStep({
    id: 'capacity/pin-to-node-groups',
    title: `Pin ${pinned.length} workload${pinned.length === 1 ? '' : 's'} with pod security groups to ${pinned.length === 1 ? 'its' : 'their'} node group before Auto Mode is enabled`,
    kind: 'wave',
    why: "Once Auto Mode's general-purpose pool exists, a restarted pod may be scheduled on an Auto Mode node, which does not apply SecurityGroupPolicy: these pods would lose their security groups. The node selector keeps them on the node group they run on; setting it restarts them once, there.",
    findings: ids(items),
    commands: pinned.flatMap(({ w, edits }) => patchCommands(w, edits)),
    effects: pinned.flatMap(({ w, edits }) => editEffect(w, edits) ?? []),
    verify: { command: 'kubectl get pods -A -o wide', expect: 'the pinned workloads still Running on their node group' },
    rollback: {
      description: 'Remove the node selector again (only while Auto Mode is not enabled).',
      commands: pinned.flatMap(({ w, edits }) => rollbackCommands(w, edits)),
    },
    workloads: pinned.map(({ w }) => w.key),
  });
}

export function capacitySteps(input: PlanInput): Step[] {
  const steps: Step[] = [];
  const enable = withAction(input, 'prerequisite').filter((x) => x.action.task.kind === 'enable-auto-mode');
  const first = enable[0]?.action.task;
  const pinToNodeGroups = pinToNodeGroupsStep(input);
  if (pinToNodeGroups) steps.push(pinToNodeGroups);
  if (enable.length > 0)
    steps.push({
      ...enableAutoModeStep(input, ids(enable), (first?.kind === 'enable-auto-mode' ? first.nodePools : undefined) ?? ['general-purpose', 'system']),
      dependsOn: pinToNodeGroups ? [pinToNodeGroups.id] : [],
    });
  for (const pin of [pinStayingStep(input), pinMovingStep(input)]) if (pin) steps.push(pin);
  const base = steps.map((s) => s.id);
  const requests = withAction(input, 'capacity');
  const corednsFindings: string[] = [];
  const byName = groupBy(requests, (x) => `${x.action.request.kind}/${'name' in x.action.request ? x.action.request.name : ''}`);
  for (const items of byName.values()) {
    const req = items[0]!.action.request;
    const findings = ids(items);
    switch (req.kind) {
      case 'node-pool':
        steps.push(nodePoolStep(input, req, findings, base));
        break;
      case 'fargate-profile':
        steps.push(fargateProfileStep(input, req, findings, base));
        break;
      case 'storage-class':
        steps.push(
          makeStep({
            id: `capacity/storage-class-${slug(req.name)}`,
            title: `Create StorageClass ${req.name} (${req.provisioner})`,
            kind: 'storage-class',
            why: 'Auto Mode creates no StorageClass; its EBS provisioner is ebs.csi.eks.amazonaws.com.',
            findings,
            dependsOn: base,
            commands: [sh`kubectl apply -f storageclass-${slug(req.name)}.yaml`],
            manifests: [{ file: `storageclass-${slug(req.name)}.yaml`, object: autoModeStorageClassManifest(req.name) }],
            effects: applyEffects({ file: `storageclass-${slug(req.name)}.yaml`, object: autoModeStorageClassManifest(req.name) }),
            verify: { command: sh`kubectl get storageclass ${req.name}`, expect: `provisioner ${req.provisioner}` },
            rollback: { description: 'Delete the StorageClass (only while no claim uses it).', commands: [sh`kubectl delete storageclass ${req.name}`] },
          }),
        );
        break;
      case 'ingress-class':
        steps.push(
          makeStep({
            id: `capacity/ingress-class-${slug(req.name)}`,
            title: `Create IngressClass ${req.name} for Auto Mode's ALB`,
            kind: 'ingress-class',
            why: `Blue/green Ingresses need an IngressClass whose controller is eks.amazonaws.com/alb.${req.params?.groupName ? ` Its IngressClassParams set group.name ${req.params.groupName}, which Auto Mode reads instead of the group.name annotation, so the group's Ingresses share one ALB again.` : ''}`,
            findings,
            dependsOn: base,
            commands: [sh`kubectl apply -f ingressclass-${slug(req.name)}.yaml`],
            manifests: [
              {
                file: `ingressclass-${slug(req.name)}.yaml`,
                object: { apiVersion: 'v1', kind: 'List', items: autoModeIngressClassManifests(req.name, req.params) },
              },
            ],
            effects: applyEffects({
              file: `ingressclass-${slug(req.name)}.yaml`,
              object: { apiVersion: 'v1', kind: 'List', items: autoModeIngressClassManifests(req.name, req.params) },
            }),
            verify: { command: sh`kubectl get ingressclass ${req.name} -o jsonpath='{.spec.controller}'`, expect: req.controller },
            rollback: {
              description: 'Delete the IngressClass and its parameters.',
              commands: [sh`kubectl delete ingressclass ${req.name}`, sh`kubectl delete ingressclassparams ${req.name}`],
            },
          }),
        );
        break;
      case 'coredns-on-fargate':
        corednsFindings.push(...findings);
        break;
      default:
        assertNever(req, 'capacity request');
    }
  }
  // EKS creates one Fargate profile at a time, so CoreDNS's kube-system profile comes after the others.
  if (corednsFindings.length > 0)
    steps.push(corednsOnFargateStep(input, corednsFindings, [...base, ...steps.filter((s) => s.kind === 'fargate-profile').map((s) => s.id)]));
  return steps;
}

const COREDNS = 'Deployment/kube-system/coredns';

function corednsOnFargateStep(input: PlanInput, findings: string[], after: string[]): Step {
  const c = input.cluster;
  const hasProfile = input.ctx.inventory.fargateProfiles.some((p) => p.selectors.some((s) => s.namespace === 'kube-system'));
  const subnets = fargateSubnets(input);
  const role = podExecutionRoleArn(input);
  const before = corednsReplicas(input);
  return makeStep({
    id: 'capacity/coredns-on-fargate',
    title: 'Run CoreDNS on Fargate',
    kind: 'coredns-on-fargate',
    why: 'Pods on Fargate resolve names through the CoreDNS Deployment; on Auto Mode nodes DNS is node-local, so CoreDNS may be scaled to 0 today.',
    findings,
    dependsOn: after,
    commands: [
      ...(hasProfile
        ? []
        : [
            sh`aws eks create-fargate-profile --cluster-name ${c} --fargate-profile-name kube-system --pod-execution-role-arn ${role} --subnets ${subnets} --selectors namespace=kube-system,labels={k8s-app=kube-dns}`,
            sh`aws eks wait fargate-profile-active --cluster-name ${c} --fargate-profile-name kube-system`,
          ]),
      sh`kubectl patch deployment coredns -n kube-system --type json -p '[{"op":"remove","path":"/spec/template/metadata/annotations/eks.amazonaws.com~1compute-type"}]' || true`,
      sh`kubectl scale deployment coredns -n kube-system --replicas=${String(Math.max(before ?? 0, 2))}`,
      'kubectl rollout restart deployment coredns -n kube-system',
    ],
    infrastructure: hasProfile
      ? []
      : [
          {
            kind: 'fargate-profile',
            request: { kind: 'fargate-profile', name: 'kube-system', selectors: [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }] },
            subnets,
            podExecutionRoleArn: role,
          },
        ],
    effects: [
      ...(hasProfile
        ? []
        : [{ type: 'create-fargate-profile' as const, name: 'kube-system', selectors: [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }] }]),
      { type: 'patch-pod-template', workload: COREDNS, edits: [{ op: 'remove-pod-annotation', key: COMPUTE_TYPE_ANNOTATION }] },
      { type: 'scale-workload', workload: COREDNS, replicas: 2 },
      { type: 'restart-workload', workload: COREDNS },
    ],
    verify: { command: 'kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide', expect: 'two Running pods on nodes named fargate-ip-…' },
    // rollout undo restores the pod template only, never the replica count: that is scaled back on its own.
    rollback: {
      description: `Put CoreDNS back as it was: its pod template, and ${before === null ? 'the replica count it had' : `${before} replica${before === 1 ? '' : 's'}, as the inventory shows`}.`,
      commands: [
        'kubectl rollout undo deployment coredns -n kube-system',
        sh`kubectl scale deployment coredns -n kube-system --replicas=${before === null ? '<replicas-before>' : String(before)}`,
      ],
    },
  });
}

export { roleOf };
