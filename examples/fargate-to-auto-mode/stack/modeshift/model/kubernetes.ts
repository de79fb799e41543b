// Copied from @modeshift/pulumi 0.1.0 (src/model/kubernetes.ts) by `modeshift stack`. Regenerate rather than edit.
import { isBlockedStep, type Blocked } from './blockers.js';
import { kubernetesLogicalName, type Plan, type StageId } from '../plan/index.js';
import type { KubernetesObjectModel, LeftOut } from './types.js';

/** Stages whose manifests are target infrastructure; wave objects (blue/green copies) follow DNS moves by hand. */
export const KUBERNETES_STAGES: readonly StageId[] = ['prerequisites', 'capacity', 'node-agents', 'security-groups'];

function flatten(object: Record<string, unknown>): Record<string, unknown>[] {
  if (object['kind'] === 'List' && Array.isArray(object['items'])) return (object['items'] as Record<string, unknown>[]).flatMap(flatten);
  return [object];
}

function identity(object: Record<string, unknown>): string {
  const meta = (object['metadata'] ?? {}) as { name?: string; namespace?: string };
  return [object['apiVersion'], object['kind'], meta.namespace ?? '', meta.name ?? ''].join('/');
}

/**
 * The Kubernetes objects the plan's capacity, node-agent and security-group steps apply. IAM documents
 * (`*.json` manifests) are not Kubernetes objects; the AWS side builds them from `infrastructure`.
 */
export function kubernetesObjects(plan: Plan, blocked: Blocked): { objects: KubernetesObjectModel[]; leftOut: LeftOut[] } {
  const objects: KubernetesObjectModel[] = [];
  const leftOut: LeftOut[] = [];
  const seen = new Map<string, { stepId: string; json: string }>();
  for (const stage of plan.stages) {
    if (!KUBERNETES_STAGES.includes(stage.id)) continue;
    for (const step of stage.steps) {
      if (isBlockedStep(step, blocked)) continue;
      for (const manifest of step.manifests) {
        if (manifest.file.endsWith('.json')) continue;
        for (const object of flatten(manifest.object)) {
          const meta = (object['metadata'] ?? {}) as { name?: string; namespace?: string };
          const subject = `${String(object['kind'])} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name ?? ''}`;
          if (meta.namespace !== undefined && blocked.namespaces.has(meta.namespace)) {
            leftOut.push({
              subject,
              reason: `every workload in namespace ${meta.namespace} stays where it is (see the blockers), so step ${step.id} has nothing to serve there.`,
            });
            continue;
          }
          const key = identity(object);
          const json = JSON.stringify(object);
          const earlier = seen.get(key);
          if (earlier) {
            // The same object twice is one resource; two different objects under one name would fight.
            if (earlier.json !== json)
              leftOut.push({ subject, reason: `step ${step.id} gives a different ${subject} than step ${earlier.stepId}; the first is kept.` });
            continue;
          }
          seen.set(key, { stepId: step.id, json });
          objects.push({ logicalName: kubernetesLogicalName(object), stepId: step.id, object });
        }
      }
    }
  }
  return { objects, leftOut };
}
