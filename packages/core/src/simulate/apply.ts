import type { FargateProfile, Namespaced } from '../inventory/types.js';
import type { IngressSpec, KubeObject, NodePoolSpec, ServiceSpec, StringMap } from '../kube.js';
import { manifestObjects } from '../plan/effect-builders.js';
import type { Effect, ObjectRef } from '@modeshift/plan';
import { wildcardMatch } from '../placement/fargate-profiles.js';
import type { Step } from '@modeshift/plan';
import { nodeClassGroups } from './capacity.js';
import { applyEdits } from './edits.js';
import { ingressCopyLoses, serviceCopyLoses, serviceUsers } from './load-balancers.js';
import { isLogConfig } from './log-config.js';
import { COREDNS, daemonSetFromManifest, inner, isDefaultClass, isRunning, nsName, ranBefore, type ClusterModel, type SimWorkload } from './model.js';
import { installAddon } from './addons.js';
import { isKarpenterController } from '../analysis/karpenter.js';
import { mergePatch } from './merge-patch.js';
import type { Invariant } from './types.js';

/** What an effect changed that the checks must look at again, and what it broke by itself. */
export interface Impact {
  workloads: Set<string>;
  /** Capacity, logs or credentials changed for every pod: re-check them all. */
  all: boolean;
  /** EC2 capacity (Auto Mode, pools, NodeClasses) changed: re-check the pods no Fargate profile takes. */
  ec2: boolean;
  /** Log routing changed: re-check the pods whose logs were shipped. */
  logs: boolean;
  /** Load balancer controllers changed: re-check every Service and Ingress. */
  loadBalancers: boolean;
  /** Services and Ingresses (`Kind/namespace/name`) created or changed. */
  objects: Set<string>;
  direct: { invariant: Invariant; resource: string; breaks: string; because: string }[];
}

export const emptyImpact = (): Impact => ({ workloads: new Set(), all: false, ec2: false, logs: false, loadBalancers: false, objects: new Set(), direct: [] });

const objectKey = (ref: ObjectRef) => `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;

function touchNamespace(model: ClusterModel, impact: Impact, namespace: string): void {
  for (const sim of model.byNamespace.get(namespace) ?? []) impact.workloads.add(sim.key);
}

/** Namespaces a Fargate profile's selectors name, literally or by wildcard. */
function namespacesOf(model: ClusterModel, selectors: readonly { namespace: string }[]): string[] {
  const out = new Set<string>();
  for (const s of selectors) {
    if (!s.namespace.includes('*') && !s.namespace.includes('?')) out.add(s.namespace);
    else for (const ns of model.byNamespace.keys()) if (wildcardMatch(s.namespace, ns)) out.add(ns);
  }
  return [...out];
}

/** Workloads still running on capacity about to be removed (CoreDNS aside: the dns invariant follows it). */
function stillOn(sims: Iterable<SimWorkload>, on: (s: SimWorkload) => boolean): string[] {
  const keys: string[] = [];
  for (const s of sims) if (s.key !== COREDNS && ranBefore(s) && isRunning(s) && on(s)) keys.push(s.key);
  return keys.sort();
}

function removedWhileRunning(impact: Impact, resource: string, keys: string[], what: string): void {
  if (keys.length === 0) return;
  const shown = keys.length > 5 ? `${keys.slice(0, 5).join(', ')} and ${keys.length - 5} more` : keys.join(', ');
  impact.direct.push({
    invariant: 'end-state',
    resource,
    breaks: `${what} while ${shown} still run${keys.length === 1 ? 's' : ''} on it`,
    because: 'capacity may be removed only when nothing runs on it: its pods stop at once, before any wave moved them',
  });
}

function findObject(step: Step, ref: ObjectRef, file: string): Record<string, unknown> | null {
  const manifest = step.manifests.find((m) => m.file === file);
  if (!manifest) return null;
  const hit = manifestObjects(manifest.object).find((o) => o.ref.kind === ref.kind && o.ref.name === ref.name && o.ref.namespace === ref.namespace);
  return hit?.object ?? null;
}

function asNamespaced<S>(object: Record<string, unknown>, namespace: string): Namespaced<S> {
  const meta = (object.metadata ?? {}) as { name?: string; labels?: StringMap; annotations?: StringMap };
  return {
    apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    kind: String(object.kind),
    metadata: { name: String(meta.name), namespace, labels: meta.labels ?? {}, annotations: meta.annotations ?? {} },
    spec: (object.spec ?? {}) as S,
    origin: { file: 'plan', line: 0 },
  };
}

/** A ConfigMap changed: where logs go is checked again only if it can be log configuration. */
function configMapChanged(model: ClusterModel, impact: Impact, namespace: string, name: string): void {
  if (isLogConfig(model, namespace, name)) impact.logs = true;
}

function createObject(model: ClusterModel, step: Step, ref: ObjectRef, file: string, impact: Impact): void {
  const object = findObject(step, ref, file);
  if (!object) return;
  const ns = ref.namespace ?? '';
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  switch (ref.kind) {
    case 'Service':
      inner(model.services, ns).set(ref.name, asNamespaced<ServiceSpec>(object, ns));
      impact.objects.add(objectKey(ref));
      return touchNamespace(model, impact, ns);
    case 'Ingress':
      inner(model.ingresses, ns).set(ref.name, asNamespaced<IngressSpec>(object, ns));
      impact.objects.add(objectKey(ref));
      return touchNamespace(model, impact, ns);
    case 'IngressClass':
      model.ingressClasses.set(ref.name, {
        controller: typeof spec.controller === 'string' ? spec.controller : '',
        params: (spec.parameters as { name?: string } | undefined)?.name ?? null,
        isDefault: isDefaultClass(object),
      });
      impact.loadBalancers = true;
      return;
    case 'IngressClassParams':
      model.ingressClassParams.set(ref.name, spec);
      impact.loadBalancers = true;
      return;
    case 'NetworkPolicy':
      model.policiesIn(ns).set(ref.name, spec);
      return touchNamespace(model, impact, ns);
    case 'SecurityGroupPolicy':
      model.addSecurityGroupPolicy(ns, ref.name, spec);
      return touchNamespace(model, impact, ns);
    case 'NodePool':
      model.capacity.setPool(object as unknown as KubeObject<NodePoolSpec>);
      impact.ec2 = true;
      return;
    case 'NodeClass':
      model.capacity.setNodeClass(ref.name, nodeClassGroups(ref.name, spec, model.capacity.clusterSg));
      impact.ec2 = true;
      return;
    case 'ConfigMap':
      model.configMaps.set(nsName(ns, ref.name), (object.data ?? {}) as StringMap);
      return configMapChanged(model, impact, ns, ref.name);
    case 'DaemonSet':
      model.daemonSets.set(`DaemonSet/${ns}/${ref.name}`, daemonSetFromManifest(ns, ref.name, object));
      impact.logs = true;
      return;
    case 'ServiceAccount':
    case 'Namespace':
    case 'ClusterRole':
    case 'ClusterRoleBinding':
    case 'StorageClass':
    case 'EC2NodeClass': // Karpenter's own NodeClass: the pools that name it are what provision.
      return;
  }
}

function deleteObject(model: ClusterModel, ref: ObjectRef, replacedBy: ObjectRef | null, impact: Impact): void {
  const ns = ref.namespace ?? '';
  const resource = objectKey(ref);
  switch (ref.kind) {
    case 'Service': {
      const original = model.services.get(ns)?.get(ref.name);
      model.services.get(ns)?.delete(ref.name);
      const users = replacedBy?.name === ref.name ? [] : serviceUsers(model, ns, ref.name);
      if (users.length > 0)
        impact.direct.push({
          invariant: 'load-balancers',
          resource,
          breaks: `deleting it takes away its ClusterIP, DNS name and load balancer while ${users.join(', ')} still use${users.length === 1 ? 's' : ''} it`,
          because: 'a Service another object still uses must be kept (set it to type ClusterIP) or replaced under the same name',
        });
      const copy = replacedBy ? model.services.get(replacedBy.namespace ?? '')?.get(replacedBy.name) : undefined;
      const lost = original && copy ? serviceCopyLoses(model, original, copy) : null;
      if (lost)
        impact.direct.push({
          invariant: 'load-balancers',
          resource,
          breaks: `traffic moves to ${replacedBy!.name}, which loses ${lost}`,
          because: 'a blue/green copy must keep what its load balancer had',
        });
      impact.objects.add(resource);
      return touchNamespace(model, impact, ns);
    }
    case 'Ingress': {
      const original = model.ingresses.get(ns)?.get(ref.name);
      const copy = replacedBy ? model.ingresses.get(replacedBy.namespace ?? '')?.get(replacedBy.name) : undefined;
      const lost = original && copy ? ingressCopyLoses(model, original, copy) : null;
      if (lost)
        impact.direct.push({
          invariant: 'load-balancers',
          resource,
          breaks: `traffic moves to ${replacedBy!.name}, which loses ${lost}`,
          because: 'a blue/green copy must keep the scheme, certificates, group and WAF of the load balancer it replaces',
        });
      model.ingresses.get(ns)?.delete(ref.name);
      impact.objects.add(resource);
      return touchNamespace(model, impact, ns);
    }
    case 'NodePool':
      removedWhileRunning(
        impact,
        resource,
        stillOn(model.workloads.values(), (s) => (s.now.type === 'auto-mode' || s.now.type === 'managed-nodes') && s.now.nodePool === ref.name),
        `NodePool ${ref.name} is deleted`,
      );
      model.capacity.removePool(ref.name);
      impact.ec2 = true;
      return;
    case 'NodeClass':
      model.capacity.removeNodeClass(ref.name);
      impact.ec2 = true;
      return;
    case 'NetworkPolicy':
      model.policiesIn(ns).delete(ref.name);
      return touchNamespace(model, impact, ns);
    case 'SecurityGroupPolicy':
      model.removeSecurityGroupPolicy(ns, ref.name);
      return touchNamespace(model, impact, ns);
    case 'ConfigMap':
      model.configMaps.delete(nsName(ns, ref.name));
      return configMapChanged(model, impact, ns, ref.name);
    case 'DaemonSet':
      model.daemonSets.delete(`DaemonSet/${ns}/${ref.name}`);
      impact.logs = true;
      return;
    case 'IngressClass':
      model.ingressClasses.delete(ref.name);
      impact.loadBalancers = true;
      return;
    case 'IngressClassParams':
      model.ingressClassParams.delete(ref.name);
      impact.loadBalancers = true;
      return;
    case 'ServiceAccount':
    case 'Namespace':
    case 'ClusterRole':
    case 'ClusterRoleBinding':
    case 'StorageClass':
    case 'EC2NodeClass': // Karpenter's own NodeClass: the pools that name it are what provision.
      return;
  }
}

/** Without its controller nothing provisions Karpenter's NodePools: what still runs on them loses its nodes. */
function removeKarpenter(model: ClusterModel, impact: Impact): void {
  for (const sim of model.workloads.values()) if (isKarpenterController(sim.workload)) editWorkload(model, sim.key, (s) => (s.deleted = true), impact);
  removedWhileRunning(
    impact,
    'cluster/karpenter',
    stillOn(model.workloads.values(), (s) => s.now.type === 'managed-nodes' && s.now.nodePool !== undefined),
    'the Karpenter controller is removed',
  );
  model.capacity.removeKarpenterPools();
  impact.ec2 = true;
}

/** A merge patch on an object the model follows; kinds it does not follow change nothing it checks. */
function patchObject(model: ClusterModel, ref: ObjectRef, patch: Record<string, unknown>, impact: Impact): void {
  const ns = ref.namespace ?? '';
  switch (ref.kind) {
    case 'ConfigMap': {
      const key = nsName(ns, ref.name);
      const data = mergePatch(model.configMaps.get(key) ?? {}, patch.data ?? {}) as StringMap;
      model.configMaps.set(key, data);
      return configMapChanged(model, impact, ns, ref.name);
    }
    case 'SecurityGroupPolicy': {
      const old = model.securityGroupPolicies.get(ns)?.find((p) => p.name === ref.name);
      if (!old) return;
      const spec = { securityGroups: { groupIds: old.groups }, podSelector: old.podSelector, serviceAccountSelector: old.serviceAccountSelector };
      model.addSecurityGroupPolicy(ns, ref.name, mergePatch(spec, patch.spec ?? {}) as Record<string, unknown>);
      return touchNamespace(model, impact, ns);
    }
    case 'Service': {
      const svc = model.services.get(ns)?.get(ref.name);
      if (!svc) return;
      inner(model.services, ns).set(ref.name, { ...svc, spec: mergePatch(svc.spec, patch.spec ?? {}) as ServiceSpec });
      impact.objects.add(objectKey(ref));
      return touchNamespace(model, impact, ns);
    }
    case 'Ingress':
    case 'IngressClass':
    case 'IngressClassParams':
    case 'NetworkPolicy':
    case 'NodePool':
    case 'NodeClass':
    case 'EC2NodeClass':
    case 'StorageClass':
    case 'ServiceAccount':
    case 'Namespace':
    case 'ClusterRole':
    case 'ClusterRoleBinding':
    case 'DaemonSet':
      return;
  }
}

/** The Service stays (name, ClusterIP, DNS); only its load balancer goes, to the copy when there is one. */
function retireLoadBalancer(model: ClusterModel, ref: ObjectRef, replacedBy: ObjectRef | null, impact: Impact): void {
  const ns = ref.namespace ?? '';
  const original = model.services.get(ns)?.get(ref.name);
  if (!original) return;
  const copy = replacedBy ? model.services.get(replacedBy.namespace ?? '')?.get(replacedBy.name) : undefined;
  const lost = copy ? serviceCopyLoses(model, original, copy) : null;
  if (lost && replacedBy)
    impact.direct.push({
      invariant: 'load-balancers',
      resource: objectKey(ref),
      breaks: `traffic moves to ${replacedBy.name}, which loses ${lost}`,
      because: 'a blue/green copy must keep what its load balancer had',
    });
  inner(model.services, ns).set(ref.name, { ...original, spec: { ...original.spec, type: 'ClusterIP' } });
  impact.objects.add(objectKey(ref));
  touchNamespace(model, impact, ns);
}

function editWorkload(model: ClusterModel, key: string, change: (sim: SimWorkload) => void, impact: Impact): void {
  const sim = model.workloads.get(key);
  if (!sim) return;
  change(sim);
  impact.workloads.add(key);
  if (key === COREDNS || model.lbc.has(key)) impact.loadBalancers = true;
}

export function applyEffect(model: ClusterModel, step: Step, effect: Effect, impact: Impact): void {
  switch (effect.type) {
    case 'patch-pod-template':
      impact.direct.push(...model.reconciliation.undoes(effect.workload));
      return editWorkload(model, effect.workload, (s) => (s.workload = applyEdits(s.workload, effect.edits)), impact);
    case 'recreate-workload':
      impact.direct.push(...model.reconciliation.undoes(effect.workload));
      if (effect.workload.startsWith('Job/'))
        impact.direct.push({
          invariant: 'end-state',
          resource: effect.workload,
          breaks: 'the Job is created again, so it runs again',
          because: 'a one-off Job that already ran must be left as it is, not re-created',
        });
      return editWorkload(model, effect.workload, (s) => (s.workload = applyEdits(s.workload, effect.edits)), impact);
    case 'restart-workload':
      return editWorkload(model, effect.workload, () => undefined, impact);
    case 'scale-workload':
      return editWorkload(model, effect.workload, (s) => (s.replicas = effect.replicas), impact);
    case 'delete-workload':
      if (model.daemonSets.delete(effect.workload)) impact.logs = true;
      return editWorkload(model, effect.workload, (s) => (s.deleted = true), impact);
    case 'create-object':
      return createObject(model, step, effect.object, effect.manifest, impact);
    case 'delete-object':
      return deleteObject(model, effect.object, effect.replacedBy, impact);
    case 'annotate-object': {
      if (effect.object.kind !== 'ServiceAccount') return;
      const key = nsName(effect.object.namespace, effect.object.name);
      const sa = model.serviceAccounts.get(key) ?? { labels: {}, annotations: {} };
      const annotations = { ...sa.annotations };
      for (const [k, v] of Object.entries(effect.annotations))
        if (v === null) delete annotations[k];
        else annotations[k] = v;
      model.serviceAccounts.set(key, { labels: sa.labels, annotations });
      for (const sim of model.byServiceAccount.get(key) ?? []) impact.workloads.add(sim.key);
      return;
    }
    case 'patch-object':
      return patchObject(model, effect.object, effect.patch, impact);
    case 'retire-load-balancer':
      return retireLoadBalancer(model, effect.service, effect.replacedBy, impact);
    case 'associate-web-acl':
      model.webAcls.add(objectKey(effect.object));
      impact.objects.add(objectKey(effect.object));
      return;
    case 'create-fargate-profile': {
      const profile: FargateProfile = {
        name: effect.name,
        clusterName: null,
        podExecutionRoleArn: null,
        subnets: [],
        selectors: effect.selectors,
        status: 'ACTIVE',
        origin: { file: 'plan', line: 0 },
      };
      model.capacity.addProfile(profile);
      for (const ns of namespacesOf(model, effect.selectors)) touchNamespace(model, impact, ns);
      return;
    }
    case 'delete-fargate-profile': {
      const old = model.capacity.profile(effect.name);
      if (!old) return;
      const namespaces = namespacesOf(model, old.selectors);
      const sims = namespaces.flatMap((ns) => model.byNamespace.get(ns) ?? []);
      removedWhileRunning(
        impact,
        `FargateProfile/${effect.name}`,
        stillOn(sims, (s) => s.now.type === 'fargate' && s.now.profile === effect.name),
        `Fargate profile ${effect.name} is deleted`,
      );
      model.capacity.removeProfile(effect.name);
      for (const ns of namespaces) touchNamespace(model, impact, ns);
      return;
    }
    case 'enable-auto-mode':
      model.capacity.setAutoMode(true, effect.nodePools, effect.loadBalancing);
      impact.ec2 = impact.loadBalancers = true;
      return;
    case 'disable-auto-mode':
      removedWhileRunning(
        impact,
        'cluster/auto-mode',
        stillOn(model.workloads.values(), (s) => s.now.type === 'auto-mode'),
        'Auto Mode is disabled',
      );
      model.capacity.setAutoMode(false, [], false);
      impact.ec2 = impact.loadBalancers = true;
      return;
    case 'install-addon':
      return installAddon(model, effect, impact);
    case 'remove-addon':
      if (effect.addon === 'aws-load-balancer-controller') for (const key of model.lbc) editWorkload(model, key, (s) => (s.deleted = true), impact);
      if (effect.addon === 'karpenter') removeKarpenter(model, impact);
      return;
    case 'create-pod-identity-association': {
      const key = nsName(effect.namespace, effect.serviceAccount);
      model.podIdentity.add(key);
      for (const sim of model.byServiceAccount.get(key) ?? []) impact.workloads.add(sim.key);
      return;
    }
    case 'create-oidc-provider':
      model.oidcProvider = true;
      impact.all = true;
      return;
    case 'attach-role-policies':
    case 'detach-role-policies':
    case 'create-role':
    case 'update-role-trust':
    case 'set-authentication-mode':
    case 'upgrade-kubernetes':
    case 'upgrade-addon':
    case 'migrate-web-acl':
    case 'move-data':
      return;
    case 'suspend-reconciliation':
      return model.reconciliation.suspend(effect.reconciler);
    case 'resume-reconciliation':
      return model.reconciliation.resume(effect.reconciler);
  }
}
