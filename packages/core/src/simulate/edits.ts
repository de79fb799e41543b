import type { WorkloadEdit } from '@modeshift/plan';
import type { Workload } from '../inventory/types.js';
import type { Container, PodSpec, Toleration } from '../kube.js';

const sameToleration = (a: Toleration, b: Toleration) =>
  a.key === b.key && a.value === b.value && a.effect === b.effect && (a.operator ?? 'Equal') === (b.operator ?? 'Equal');

function editContainer(spec: PodSpec, name: string, change: (c: Container) => Container): PodSpec {
  const apply = (list: Container[] | undefined) => list?.map((c) => (c.name === name ? change(c) : c));
  return { ...spec, containers: apply(spec.containers) ?? [], ...(spec.initContainers ? { initContainers: apply(spec.initContainers) } : {}) };
}

function editSpec(spec: PodSpec, edit: WorkloadEdit): PodSpec {
  switch (edit.op) {
    case 'set-pod-annotation':
    case 'remove-pod-annotation':
      return spec;
    case 'set-node-selector':
      return { ...spec, nodeSelector: { ...spec.nodeSelector, [edit.key]: edit.value } };
    case 'remove-node-selector': {
      const { [edit.key]: _removed, ...rest } = spec.nodeSelector ?? {};
      return { ...spec, nodeSelector: rest };
    }
    case 'add-toleration': {
      const current = spec.tolerations ?? [];
      return current.some((t) => sameToleration(t, edit.toleration)) ? spec : { ...spec, tolerations: [...current, edit.toleration] };
    }
    case 'remove-tolerations':
      return { ...spec, tolerations: (spec.tolerations ?? []).filter((t) => !edit.keys.includes(t.key ?? '')) };
    case 'remove-node-affinity': {
      if (!spec.affinity?.nodeAffinity) return spec;
      const { nodeAffinity: _removed, ...rest } = spec.affinity;
      return { ...spec, affinity: rest };
    }
    case 'remove-topology-spread': {
      const { topologySpreadConstraints: _removed, ...rest } = spec;
      return rest;
    }
    case 'set-resources':
      return editContainer(spec, edit.container, (c) => ({ ...c, resources: { requests: edit.requests, limits: edit.limits } }));
    case 'remove-host-ports':
      return editContainer(spec, edit.container, (c) => ({ ...c, ports: (c.ports ?? []).map(({ hostPort: _h, hostIP: _i, ...rest }) => rest) }));
    case 'remove-added-capabilities':
      return editContainer(spec, edit.container, (c) => {
        const caps = c.securityContext?.capabilities;
        if (!caps?.add) return c;
        const { add: _removed, ...rest } = caps;
        return { ...c, securityContext: { ...c.securityContext, capabilities: rest } };
      });
  }
}

/** The workload with the edits applied to its pod template, as the patch in the plan would leave it. */
export function applyEdits(workload: Workload, edits: readonly WorkloadEdit[]): Workload {
  let spec = workload.template.spec;
  let annotations = workload.template.metadata.annotations;
  for (const edit of edits) {
    if (edit.op === 'set-pod-annotation') annotations = { ...annotations, [edit.key]: edit.value };
    else if (edit.op === 'remove-pod-annotation') {
      const { [edit.key]: _removed, ...rest } = annotations;
      annotations = rest;
    } else spec = editSpec(spec, edit);
  }
  return { ...workload, template: { metadata: { labels: workload.template.metadata.labels, annotations }, spec } };
}
