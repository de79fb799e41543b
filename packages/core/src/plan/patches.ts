import type { WorkloadEdit } from '@modeshift/plan';
import { isWorkloadKind } from '../inventory/kinds.js';
import type { BuiltInWorkloadKind, Workload } from '../inventory/types.js';
import type { Toleration } from '../kube.js';
import { assertNever } from '../util/never.js';
import { sh, shellComment } from '../util/shell.js';

/** Where the pod template lives in each kind, for building patches (empty for a bare Pod and for operators' kinds). */
export function templatePath(workload: Workload): string[] {
  const kind = workload.kind;
  // An operator's template sits at a place of its own (operator.templatePath), said in words: see patchCommands.
  if (!isWorkloadKind(kind)) return [];
  switch (kind) {
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    case 'Pod':
      return [];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicaSet':
      return ['spec', 'template'];
    default:
      return assertNever(kind, 'workload kind');
  }
}

function nest(path: string[], value: Record<string, unknown>): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value);
}

/** The same toleration, an operator left out read as Equal (its default). */
export function sameToleration(a: Toleration, b: Toleration): boolean {
  return a.key === b.key && a.value === b.value && a.effect === b.effect && (a.operator ?? 'Equal') === (b.operator ?? 'Equal');
}

/**
 * One strategic-merge patch for all edits to a workload. Maps are merged key by key (null deletes);
 * tolerations have no merge key, so the full resulting list is written.
 */
export function strategicPatch(workload: Workload, edits: WorkloadEdit[]): Record<string, unknown> | null {
  if (edits.length === 0) return null;
  const spec = workload.template.spec;
  const annotations: Record<string, string | null> = {};
  const nodeSelector: Record<string, string | null> = {};
  const podSpec: Record<string, unknown> = {};
  const containers = new Map<string, Record<string, unknown>>();
  const initContainers = new Map<string, Record<string, unknown>>();
  // Only container edits need it; most patches (one per moving workload) have none.
  let initNames: Set<string> | null = null;
  let tolerations: Toleration[] | null = null;
  // Strategic merge patches merge containers by name, but init containers live in their own list.
  const container = (name: string) => {
    initNames ??= new Set((spec.initContainers ?? []).map((c) => c.name));
    const list = initNames.has(name) && !spec.containers.some((c) => c.name === name) ? initContainers : containers;
    let c = list.get(name);
    if (!c) list.set(name, (c = { name }));
    return c;
  };
  for (const edit of edits) {
    switch (edit.op) {
      case 'set-pod-annotation':
        annotations[edit.key] = edit.value;
        break;
      case 'remove-pod-annotation':
        annotations[edit.key] = null;
        break;
      case 'set-node-selector':
        nodeSelector[edit.key] = edit.value;
        break;
      case 'remove-node-selector':
        nodeSelector[edit.key] = null;
        break;
      case 'add-toleration': {
        const current: Toleration[] = tolerations ?? [...(spec.tolerations ?? [])];
        if (!current.some((t) => sameToleration(t, edit.toleration))) current.push(edit.toleration);
        tolerations = current;
        break;
      }
      case 'remove-tolerations':
        tolerations = (tolerations ?? spec.tolerations ?? []).filter((t) => !edit.keys.includes(t.key ?? ''));
        break;
      case 'remove-node-affinity':
        podSpec.affinity = { nodeAffinity: null };
        break;
      case 'remove-topology-spread':
        podSpec.topologySpreadConstraints = null;
        break;
      case 'set-resources':
        container(edit.container).resources = { requests: edit.requests, limits: edit.limits };
        break;
      case 'remove-host-ports': {
        const c = [...spec.containers, ...(spec.initContainers ?? [])].find((x) => x.name === edit.container);
        // Ports merge by containerPort, so a list without hostPort would keep it: the directive replaces the list.
        container(edit.container).ports = [{ $patch: 'replace' }, ...(c?.ports ?? []).map(({ hostPort: _h, hostIP: _i, ...rest }) => rest)];
        break;
      }
      case 'remove-added-capabilities':
        container(edit.container).securityContext = { capabilities: { add: null } };
        break;
    }
  }
  if (Object.keys(nodeSelector).length > 0) podSpec.nodeSelector = nodeSelector;
  if (tolerations) podSpec.tolerations = tolerations;
  if (containers.size > 0) podSpec.containers = [...containers.values()];
  if (initContainers.size > 0) podSpec.initContainers = [...initContainers.values()];
  const template: Record<string, unknown> = {};
  if (Object.keys(annotations).length > 0) template.metadata = { annotations };
  if (Object.keys(podSpec).length > 0) template.spec = podSpec;
  return nest(templatePath(workload), template);
}

const RESOURCE: Record<BuiltInWorkloadKind, string> = {
  Deployment: 'deployment',
  StatefulSet: 'statefulset',
  DaemonSet: 'daemonset',
  Job: 'job',
  CronJob: 'cronjob',
  ReplicaSet: 'replicaset',
  Pod: 'pod',
};

export function kubectlResource(workload: Workload): string {
  const resource = workload.operator?.resource ?? (isWorkloadKind(workload.kind) ? RESOURCE[workload.kind] : workload.kind.toLowerCase());
  return `${resource}/${workload.metadata.name}`;
}

/**
 * Operators own their pods' templates in their own shapes (lists of groups, fields they build pods
 * from), which neither a strategic nor a merge patch can edit safely: the change is said in words, at its place.
 */
function operatorInstruction(workload: Workload, patch: Record<string, unknown>): string {
  const at = workload.operator?.templatePath ?? 'its pod template';
  const ns = workload.metadata.namespace;
  return shellComment(
    `${workload.kind} ${ns}/${workload.metadata.name}${workload.operator?.part ? ` (${workload.operator.part})` : ''}: its operator makes these pods from ${at}; edit it there (kubectl edit ${kubectlResource(workload)} -n ${ns}, or its manifest in Git) with this change to the pod template: ${JSON.stringify(patch)}`,
  );
}

/** The commands that apply the edits; kinds whose template cannot be patched get instructions instead. */
export function patchCommands(workload: Workload, edits: WorkloadEdit[]): string[] {
  const patch = strategicPatch(workload, edits);
  if (!patch) return [];
  const resource = kubectlResource(workload);
  const ns = workload.metadata.namespace;
  const kind = workload.kind;
  if (!isWorkloadKind(kind)) return [operatorInstruction(workload, patch)];
  switch (kind) {
    case 'Job':
    case 'Pod':
      // Pod templates of Jobs and bare Pods are immutable: the object must be re-created.
      return [
        shellComment(
          `${workload.kind} ${workload.metadata.namespace}/${workload.metadata.name}: its pod template is immutable; re-create it from its manifest with this change: ${JSON.stringify(patch)}`,
        ),
      ];
    case 'ReplicaSet':
      return [sh`kubectl patch ${resource} -n ${ns} -p ${JSON.stringify(patch)}`, sh`kubectl delete pods -n ${ns} -l ${selectorArg(workload)}`];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'CronJob':
      return [sh`kubectl patch ${resource} -n ${ns} -p ${JSON.stringify(patch)}`];
    default:
      return assertNever(kind, 'workload kind');
  }
}

function selectorArg(workload: Workload): string {
  return Object.entries(workload.template.metadata.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** How to undo a patch: Deployments, StatefulSets and DaemonSets keep revision history. */
export function rollbackCommands(workload: Workload, edits: WorkloadEdit[]): string[] {
  const resource = kubectlResource(workload);
  const ns = workload.metadata.namespace;
  const kind = workload.kind;
  if (!isWorkloadKind(kind)) return [shellComment(`re-apply the original manifest of ${kind} ${ns}/${workload.metadata.name}`)];
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
      return [sh`kubectl rollout undo ${resource} -n ${ns}`];
    case 'CronJob':
    case 'Job':
    case 'Pod':
    case 'ReplicaSet': {
      const inverse: WorkloadEdit[] = edits.flatMap((e): WorkloadEdit[] =>
        e.op === 'set-pod-annotation'
          ? [{ op: 'remove-pod-annotation', key: e.key }]
          : e.op === 'set-node-selector'
            ? [{ op: 'remove-node-selector', key: e.key }]
            : [],
      );
      const patch = strategicPatch(workload, inverse);
      if (!patch || workload.kind === 'Job' || workload.kind === 'Pod')
        return [shellComment(`re-apply the original manifest of ${workload.kind} ${workload.metadata.namespace}/${workload.metadata.name}`)];
      return [sh`kubectl patch ${resource} -n ${ns} -p ${JSON.stringify(patch)}`];
    }
    default:
      return assertNever(kind, 'workload kind');
  }
}
