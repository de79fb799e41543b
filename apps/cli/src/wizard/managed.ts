import { describeOwner, detectOwner, whereToChange, type Inventory, type Owner, type Step } from '@modeshift/core/base';
import type { WizardModel } from './model.js';

const owners = new WeakMap<Inventory, Map<string, Owner>>();

/** Who manages each workload (Helm, Argo CD, Flux), by workload key; worked out once per inventory. */
function ownersOf(inventory: Inventory): Map<string, Owner> {
  let map = owners.get(inventory);
  if (!map) {
    map = new Map();
    for (const w of inventory.workloads) {
      const owner = detectOwner(w.metadata);
      if (owner) map.set(w.key, owner);
    }
    owners.set(inventory, map);
  }
  return map;
}

const SHORT: Record<Owner['tool'], string> = { helm: 'Helm', 'argo-cd': 'Argo CD', 'flux-kustomization': 'Flux', 'flux-helm-release': 'Flux' };

/** The workloads a step changes that a tool manages: those a wave moves, those whose Argo CD or Flux sync a step pauses or resumes. */
function changedWorkloads(step: Step): string[] {
  if (step.kind === 'wave') return step.workloads;
  if (step.kind !== 'pause-sync' && step.kind !== 'resume-sync') return [];
  const keys = step.effects.flatMap((e) => (e.type === 'suspend-reconciliation' || e.type === 'resume-reconciliation' ? e.workloads : []));
  return [...new Set(keys)].sort();
}

/** The managed workloads a step changes, each with where its change belongs: the wizard marks these steps. */
export function managedWorkloads(m: WizardModel, step: Step): { workload: string; owner: Owner }[] {
  const inventory = m.source.result?.inventory;
  const workloads = changedWorkloads(step);
  if (!inventory || workloads.length === 0) return [];
  const map = ownersOf(inventory);
  return workloads.flatMap((workload) => {
    const owner = map.get(workload);
    return owner ? [{ workload, owner }] : [];
  });
}

/** " · Helm, Argo CD" after a step's title in the list, or nothing. */
export function managedSuffix(m: WizardModel, step: Step): string {
  const tools = [...new Set(managedWorkloads(m, step).map((x) => SHORT[x.owner.tool]))];
  return tools.length > 0 ? ` · managed by ${tools.join(', ')}` : '';
}

/** The detail pane's sentences for a step's managed workloads. */
export function managedNotes(m: WizardModel, step: Step): string[] {
  return managedWorkloads(m, step).map(({ workload, owner }) => `${workload} is managed by ${describeOwner(owner)}: ${whereToChange(owner)}.`);
}
