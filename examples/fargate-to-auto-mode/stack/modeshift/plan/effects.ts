// Part of @modeshift/plan: shipped unchanged into generated projects, so it imports nothing outside this package.
import type { WorkloadEdit } from './findings.js';
import type { StringMap } from './kube.js';

/**
 * What a step changes in the cluster or in AWS, as data. Commands are what an operator types; effects
 * are what those commands do, and the simulator replays them on a model of the cluster. A command
 * that does something none of its step's effects says is a defect (`effectCoverage` finds it).
 */

/** Kubernetes kinds a step creates, deletes or patches besides the workloads that run pods. */
export type ObjectKind =
  | 'Service'
  | 'Ingress'
  | 'IngressClass'
  | 'IngressClassParams'
  | 'NetworkPolicy'
  | 'SecurityGroupPolicy'
  | 'NodePool'
  | 'NodeClass'
  | 'ConfigMap'
  | 'StorageClass'
  | 'ServiceAccount'
  | 'Namespace'
  | 'ClusterRole'
  | 'ClusterRoleBinding'
  | 'DaemonSet';

export interface ObjectRef {
  kind: ObjectKind;
  namespace: string | null;
  name: string;
}

/** Add-ons and controllers a plan installs or removes. */
export type AddonName = 'aws-load-balancer-controller' | 'aws-efs-csi-driver' | 'fluent-bit';

/** Where an add-on's pods run: a Deployment is scheduled like any workload; EKS-managed parts need no capacity of ours. */
export type AddonPlacement =
  | { on: 'deployment'; namespace: string; name: string; labels: StringMap; serviceAccount: string }
  | { on: 'daemonset'; namespace: string; name: string; serviceAccount: string }
  | { on: 'eks-managed' };

/** The AWS credentials an add-on's pods use. */
export type AddonIdentity =
  { via: 'irsa'; serviceAccount: string; role: string } | { via: 'pod-identity'; serviceAccount: string; role: string } | { via: 'none' };

export interface FargateSelector {
  namespace: string;
  labels: StringMap;
}

/**
 * What applies workloads from a source and puts them back when they drift: an Argo CD Application or a
 * Flux Kustomization or HelmRelease. An Argo CD Application is named as its tracking id names it
 * (`<namespace>_<app>` outside Argo CD's own namespace), so `namespace` is null for it.
 */
export interface ReconcilerRef {
  tool: 'argo-cd' | 'flux';
  kind: 'Application' | 'Kustomization' | 'HelmRelease';
  namespace: string | null;
  name: string;
}

export type Effect =
  /** A workload's pod template changes (the edits are the patch); its pods are replaced. */
  | { type: 'patch-pod-template'; workload: string; edits: WorkloadEdit[] }
  /** An immutable workload (Job, bare Pod) is deleted and created again with the edits: it runs again. */
  | { type: 'recreate-workload'; workload: string; edits: WorkloadEdit[] }
  /** Pods are replaced with the same template (rollout restart). */
  | { type: 'restart-workload'; workload: string }
  | { type: 'scale-workload'; workload: string; replicas: number }
  | { type: 'delete-workload'; workload: string }
  /** An object applied from the step's manifest file. */
  | { type: 'create-object'; object: ObjectRef; manifest: string }
  /** `replacedBy`: the object taking over what this one did (a blue/green copy), or null. */
  | { type: 'delete-object'; object: ObjectRef; replacedBy: ObjectRef | null }
  /** Annotations set (string) or removed (null). */
  | { type: 'annotate-object'; object: ObjectRef; annotations: Record<string, string | null> }
  /** A JSON merge patch on an object that is not a workload (ConfigMap data, a SecurityGroupPolicy's selector). */
  | { type: 'patch-object'; object: ObjectRef; patch: Record<string, unknown> }
  /**
   * A LoadBalancer Service becomes type ClusterIP: its load balancer is deleted, its name, ClusterIP and
   * DNS name stay for the clients inside the cluster. `replacedBy`: the copy that took its traffic.
   */
  | { type: 'retire-load-balancer'; service: ObjectRef; replacedBy: ObjectRef | null }
  /** A WAFv2 web ACL built from a WAF Classic one (`classicWebAcl` is its id); nothing in the cluster changes. */
  | { type: 'migrate-web-acl'; classicWebAcl: string }
  /** A WAFv2 web ACL attached to the load balancer of an Ingress or Service. */
  | { type: 'associate-web-acl'; object: ObjectRef; webAcl: string }
  | { type: 'create-fargate-profile'; name: string; selectors: FargateSelector[] }
  | { type: 'delete-fargate-profile'; name: string }
  | { type: 'enable-auto-mode'; nodePools: string[]; loadBalancing: boolean; blockStorage: boolean }
  | { type: 'disable-auto-mode' }
  /** `ingressClass`: the IngressClass the install creates (the load balancer controller's chart), if any. */
  | { type: 'install-addon'; addon: AddonName; runs: AddonPlacement; identity: AddonIdentity; ingressClass?: string }
  | { type: 'remove-addon'; addon: AddonName }
  /** An EKS managed add-on (vpc-cni, kube-proxy…) moved to at least a version; its pods are replaced. */
  | { type: 'upgrade-addon'; addon: string; toAtLeast: string }
  | { type: 'attach-role-policies'; role: string; policies: string[] }
  | { type: 'detach-role-policies'; role: string; policies: string[] }
  /** `trustPolicy`: the manifest file with the role's trust policy. */
  | { type: 'create-role'; role: string; trustPolicy: string }
  | { type: 'update-role-trust'; role: string; trustPolicy: string }
  | { type: 'create-pod-identity-association'; namespace: string; serviceAccount: string; role: string }
  | { type: 'create-oidc-provider'; issuer: string }
  | { type: 'set-authentication-mode'; mode: 'API_AND_CONFIG_MAP' | 'API' }
  | { type: 'upgrade-kubernetes'; toAtLeast: string }
  /**
   * A reconciler stops putting its workloads back (Argo CD automated sync off, Flux suspended), so a live
   * patch of `workloads` holds until it resumes.
   */
  | { type: 'suspend-reconciliation'; reconciler: ReconcilerRef; workloads: string[] }
  /** It applies its source again: what it applies is what `workloads` run from then on. */
  | { type: 'resume-reconciliation'; reconciler: ReconcilerRef; workloads: string[] }
  /** Data copied off volumes the target cannot mount (`claim` is namespace/name). */
  | { type: 'move-data'; claim: string };

export type EffectType = Effect['type'];

export function kubeRef(kind: ObjectKind, namespace: string | null, name: string): ObjectRef {
  return { kind, namespace, name };
}

export function describeObject(ref: ObjectRef): string {
  return ref.namespace === null ? `${ref.kind} ${ref.name}` : `${ref.kind} ${ref.namespace}/${ref.name}`;
}

export function describeReconciler(ref: ReconcilerRef): string {
  const tool = ref.tool === 'argo-cd' ? 'Argo CD' : 'Flux';
  return `${tool} ${ref.kind} ${ref.namespace === null ? ref.name : `${ref.namespace}/${ref.name}`}`;
}
