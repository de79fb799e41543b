import type { InventoryCollector } from './collector.js';
import { document } from './kube-shapes.js';
import { podTemplate } from './kube-shapes.js';
import { labelOf, namespacedMeta, readObject, type KubeInput } from './kube-object.js';
import { OPERATOR_KINDS } from './operator-templates.js';
import { redactPodSpec } from './redact.js';
import { anyObject, conform, ShapeError } from './shape.js';
import type { Workload } from './types.js';
import { templateOf, type CheckedTemplate } from './workloads.js';

const operatorDocument = document(anyObject, { specRequired: true });

/** "spec.workerGroupSpecs[0].template" as a ShapeError path, so a bad field is named where it is. */
function pathParts(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .flatMap((part: string | undefined, i): (string | number)[] => (part === undefined || part === '' ? [] : i % 2 === 1 ? [Number(part)] : [part]));
}

/**
 * Adds one workload per pod template of a well-known operator's custom resource (see
 * operator-templates.ts). Throws ShapeError when a template is malformed, naming it by its path.
 */
export function addOperatorWorkloads(input: KubeInput, out: InventoryCollector): void {
  const operator = OPERATOR_KINDS.get(`${input.info.group}/${input.kind}`);
  if (!operator) throw new Error(`not an operator workload kind: ${input.info.group}/${input.kind}`);
  const read = readObject(input, operatorDocument);
  const metadata = namespacedMeta(read);
  for (const found of operator.extract(read.doc.spec as Record<string, unknown>)) {
    let checked: CheckedTemplate;
    try {
      checked = conform(podTemplate, found.template) as CheckedTemplate;
    } catch (error) {
      if (error instanceof ShapeError) error.path.unshift(...pathParts(found.path));
      throw error;
    }
    let template = templateOf(checked);
    const redacted = redactPodSpec(template.spec);
    if (redacted !== template.spec) template = { ...template, spec: redacted };
    const key = [operator.kind, metadata.namespace, metadata.name, ...(found.part === null ? [] : [found.part])].join('/');
    const label = labelOf(operator.kind, metadata.namespace, metadata.name) + (found.part === null ? '' : ` (${found.part})`);
    const workload: Workload = {
      key,
      kind: operator.kind,
      apiVersion: input.apiVersion,
      metadata,
      replicas: found.replicas,
      template,
      volumeClaimTemplates: [],
      nodeName: null,
      // An operator's object keeps running as long as it exists; only Jobs and bare Pods finish.
      finished: null,
      operator: { resource: operator.resource, templatePath: found.path, part: found.part },
      origin: input.origin,
    };
    out.add('workloads', workload, { identity: key, label, sortKey: key, origin: input.origin });
  }
}
