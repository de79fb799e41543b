// Copied from @modeshift/pulumi 0.1.0 (src/components/kubernetes-objects.ts) by `modeshift stack`. Regenerate rather than edit.
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { placeholdersIn } from '../plan/index.js';
import type { KubernetesObjectModel } from '../model/types.js';

/** On a cluster this stack creates, custom NodeClasses must name that cluster's node role and security group. */
export interface NodeClassOverrides {
  role?: pulumi.Input<string>;
  securityGroupIds?: pulumi.Input<string>[];
}

export interface KubernetesObjectsArgs {
  objects: KubernetesObjectModel[];
  provider: k8s.Provider;
  nodeClassOverrides?: NodeClassOverrides;
}

// The plan's objects are the resources' args verbatim; their shape was checked against the CRDs by tests.
const as = <T>(object: object): T => object as T;

type Make = (name: string, object: Record<string, unknown>, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

// Typed resources for built-in kinds register their proper type tokens (kubernetes:core/v1:Namespace);
// CustomResource would derive `kubernetes:v1:Namespace` from a core apiVersion, which is not a type.
const BUILT_IN: Readonly<Record<string, Make>> = {
  'v1/Namespace': (n, o, opts) => new k8s.core.v1.Namespace(n, as<k8s.core.v1.NamespaceArgs>(o), opts),
  'v1/ServiceAccount': (n, o, opts) => new k8s.core.v1.ServiceAccount(n, as<k8s.core.v1.ServiceAccountArgs>(o), opts),
  'v1/ConfigMap': (n, o, opts) => new k8s.core.v1.ConfigMap(n, as<k8s.core.v1.ConfigMapArgs>(o), opts),
  'v1/Service': (n, o, opts) => new k8s.core.v1.Service(n, as<k8s.core.v1.ServiceArgs>(o), opts),
  'apps/v1/DaemonSet': (n, o, opts) => new k8s.apps.v1.DaemonSet(n, as<k8s.apps.v1.DaemonSetArgs>(o), opts),
  'apps/v1/Deployment': (n, o, opts) => new k8s.apps.v1.Deployment(n, as<k8s.apps.v1.DeploymentArgs>(o), opts),
  'rbac.authorization.k8s.io/v1/ClusterRole': (n, o, opts) => new k8s.rbac.v1.ClusterRole(n, as<k8s.rbac.v1.ClusterRoleArgs>(o), opts),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': (n, o, opts) => new k8s.rbac.v1.ClusterRoleBinding(n, as<k8s.rbac.v1.ClusterRoleBindingArgs>(o), opts),
  'storage.k8s.io/v1/StorageClass': (n, o, opts) => new k8s.storage.v1.StorageClass(n, as<k8s.storage.v1.StorageClassArgs>(o), opts),
  'networking.k8s.io/v1/IngressClass': (n, o, opts) => new k8s.networking.v1.IngressClass(n, as<k8s.networking.v1.IngressClassArgs>(o), opts),
  'networking.k8s.io/v1/Ingress': (n, o, opts) => new k8s.networking.v1.Ingress(n, as<k8s.networking.v1.IngressArgs>(o), opts),
};

// Objects others refer to by name go first: a NodePool whose NodeClass does not exist yet stays NotReady, an
// object in a missing namespace is rejected, an IngressClass without its params has no configuration.
const RANK: Readonly<Record<string, number>> = { Namespace: 0, NodeClass: 1, IngressClassParams: 1, ConfigMap: 1, ServiceAccount: 1, ClusterRole: 1 };

/** The Kubernetes objects of a plan's capacity, node-agent and security-group steps, one resource each. */
export class KubernetesObjects extends pulumi.ComponentResource {
  /** Resources by logical name, for tests and for dependsOn in the program. */
  readonly resources: Record<string, pulumi.CustomResource> = {};

  constructor(name: string, args: KubernetesObjectsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('modeshift:kubernetes:Objects', name, {}, opts);
    const left = placeholdersIn(args.objects.map((o) => o.object));
    if (left.length > 0) {
      throw new pulumi.RunError(`The plan left ${left.join(', ')} in Kubernetes objects; set values for them under "placeholders" in the stack configuration.`);
    }
    const byRank = new Map<number, pulumi.CustomResource[]>();
    const ordered = [...args.objects].sort((a, b) => rank(a) - rank(b));
    for (const item of ordered) {
      const r = rank(item);
      const before = [...byRank.entries()].filter(([k]) => k < r).flatMap(([, list]) => list);
      const object = item.object['kind'] === 'NodeClass' ? withOverrides(item.object, args.nodeClassOverrides) : item.object;
      const resource = make(item.logicalName, object, { parent: this, provider: args.provider, dependsOn: before });
      this.resources[item.logicalName] = resource;
      byRank.set(r, [...(byRank.get(r) ?? []), resource]);
    }
    this.registerOutputs({});
  }
}

function rank(item: KubernetesObjectModel): number {
  return RANK[String(item.object['kind'])] ?? 2;
}

function make(name: string, object: Record<string, unknown>, opts: pulumi.CustomResourceOptions): pulumi.CustomResource {
  const apiVersion = String(object['apiVersion']);
  const builtIn = BUILT_IN[`${apiVersion}/${String(object['kind'])}`];
  if (builtIn) return builtIn(name, object, opts);
  // Only API groups (group/version) can be custom resources; an unknown core kind is a gap in BUILT_IN.
  if (!apiVersion.includes('/') || apiVersion.startsWith('apps/'))
    throw new pulumi.RunError(`No resource type for ${apiVersion} ${String(object['kind'])} (${name}).`);
  return new k8s.apiextensions.CustomResource(name, object as k8s.apiextensions.CustomResourceArgs, opts);
}

function withOverrides(object: Record<string, unknown>, overrides: NodeClassOverrides | undefined): Record<string, unknown> {
  if (!overrides) return object;
  const spec: Record<string, unknown> = { ...(object['spec'] as Record<string, unknown>) };
  if (overrides.role !== undefined) spec['role'] = overrides.role;
  if (overrides.securityGroupIds !== undefined) spec['securityGroupSelectorTerms'] = overrides.securityGroupIds.map((id) => ({ id }));
  return { ...object, spec };
}
