// The edits a strategic-merge patch cannot say exactly, as JSON 6902 operations. Tolerations are an
// atomic list: a strategic-merge patch can only restate the whole list, which overwrites whatever the
// operator's own manifest holds. A host port sits inside a port of a list merged by containerPort, and
// taking it out needs the whole list replaced. A JSON patch names the one element instead, and a
// `test` operation first checks that it is the element the plan means, so an overlay on a manifest
// that has changed since the inventory fails to build rather than removing the wrong thing.
import type { WorkloadEdit } from '@modeshift/plan';
import { isRecord } from '../inventory/shape.js';
import type { Toleration } from '../kube.js';
import { sameToleration } from '../plan/patches.js';
import { assertNever } from '../util/never.js';

export type JsonPatchOp = { op: 'test'; path: string; value: unknown } | { op: 'remove'; path: string } | { op: 'add'; path: string; value: unknown };

/** Whether an edit is a list-element change (a JSON patch) or one a strategic-merge patch says exactly. */
export function needsJsonPatch(edit: WorkloadEdit): boolean {
  switch (edit.op) {
    case 'add-toleration':
    case 'remove-tolerations':
    case 'remove-host-ports':
      return true;
    case 'set-pod-annotation':
    case 'remove-pod-annotation':
    case 'set-node-selector':
    case 'remove-node-selector':
    case 'remove-node-affinity':
    case 'remove-topology-spread':
    case 'set-resources':
    case 'remove-added-capabilities':
      return false;
    default:
      return assertNever(edit, 'workload edit');
  }
}

const holds = (list: readonly unknown[] | null, t: Toleration): boolean => (list ?? []).some((x) => isRecord(x) && sameToleration(x, t));

/**
 * The operations for the list edits, against the pod spec at `specPath` (a JSON pointer) of `object`:
 * the object the overlay's base holds, so every `test` compares with what is really there.
 */
export function jsonPatchOps(object: Record<string, unknown>, specPath: string, edits: readonly WorkloadEdit[]): JsonPatchOp[] {
  const spec = specPath
    .split('/')
    .slice(1)
    .reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), object);
  if (!isRecord(spec)) return [];
  const ops: JsonPatchOp[] = [];
  // The list as the operations so far leave it, so later indices stay right.
  let tolerations: unknown[] | null = Array.isArray(spec.tolerations) ? [...(spec.tolerations as unknown[])] : null;
  for (const edit of edits) {
    if (edit.op === 'remove-tolerations') {
      for (let i = (tolerations ?? []).length - 1; i >= 0; i--) {
        const t = tolerations![i];
        if (!isRecord(t) || !edit.keys.includes(typeof t.key === 'string' ? t.key : '')) continue;
        ops.push({ op: 'test', path: `${specPath}/tolerations/${i}`, value: t }, { op: 'remove', path: `${specPath}/tolerations/${i}` });
        tolerations!.splice(i, 1);
      }
    } else if (edit.op === 'add-toleration') {
      if (holds(tolerations, edit.toleration)) continue;
      if (tolerations === null) ops.push({ op: 'add', path: `${specPath}/tolerations`, value: [edit.toleration] });
      else ops.push({ op: 'add', path: `${specPath}/tolerations/-`, value: edit.toleration });
      tolerations = [...(tolerations ?? []), edit.toleration];
    } else if (edit.op === 'remove-host-ports') {
      ops.push(...hostPortOps(spec, specPath, edit.container));
    }
  }
  return ops;
}

/** Each port of the container that has a hostPort (or hostIP) loses it; the containerPort is tested first. */
function hostPortOps(spec: Record<string, unknown>, specPath: string, name: string): JsonPatchOp[] {
  // As the strategic patch finds a container: among the containers first, then the init containers.
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = Array.isArray(spec[list]) ? (spec[list] as unknown[]) : [];
    const index = containers.findIndex((c) => isRecord(c) && c.name === name);
    if (index === -1) continue;
    const ports = (containers[index] as Record<string, unknown>).ports;
    const ops: JsonPatchOp[] = [];
    (Array.isArray(ports) ? (ports as unknown[]) : []).forEach((port, j) => {
      if (!isRecord(port) || (port.hostPort === undefined && port.hostIP === undefined)) return;
      const at = `${specPath}/${list}/${index}/ports/${j}`;
      ops.push({ op: 'test', path: `${at}/containerPort`, value: port.containerPort });
      if (port.hostPort !== undefined) ops.push({ op: 'remove', path: `${at}/hostPort` });
      if (port.hostIP !== undefined) ops.push({ op: 'remove', path: `${at}/hostIP` });
    });
    return ops;
  }
  return [];
}
