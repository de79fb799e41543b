import type { Effect, Step } from '@modeshift/plan';
import type { Workload } from '../inventory/types.js';
import { AUTO_MODE_FACTS } from '../capabilities/limits.js';
import { PROPOSED } from '../analysis/proposed-names.js';
import { STORAGE_DRIVERS } from '../analysis/storage-drivers.js';
import { volumeUses } from '../analysis/volumes.js';
import { listOf } from '../analysis/names.js';
import { ofKind, withAction, ids, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { sh, shellComment } from '../util/shell.js';

/** The StorageClass moved claims are restored into: the cluster's Auto Mode one, else the one the plan creates. */
export function autoModeStorageClass(input: PlanInput): string {
  return input.ctx.inventory.storageClasses.find((s) => s.provisioner === AUTO_MODE_FACTS.ebsProvisioner)?.metadata.name ?? PROPOSED.storageClass;
}

/** The claims (namespace/name, `-*` for a StatefulSet's unlisted ones) each workload mounts, for the claims that move. */
function claimsByWorkload(input: PlanInput, claims: ReadonlySet<string>): { w: Workload; claims: { claim: string; template: string | null }[] }[] {
  const namespaces = new Set([...claims].map((c) => c.split('/')[0]));
  const out: { w: Workload; claims: { claim: string; template: string | null }[] }[] = [];
  const taken = new Set<string>();
  for (const w of input.ctx.inventory.workloads) {
    if (!namespaces.has(w.metadata.namespace)) continue;
    const templates = new Set(w.volumeClaimTemplates.map((t) => t.name));
    const mine = volumeUses(input.ctx.index, w)
      .filter((u) => u.claim !== null && claims.has(u.claim) && !taken.has(u.claim))
      .map((u) => ({ claim: u.claim as string, template: templates.has(u.via) ? u.via : null }));
    for (const c of mine) taken.add(c.claim);
    if (mine.length > 0) out.push({ w, claims: mine });
  }
  return out;
}

const nameOf = (claim: string) => claim.split('/')[1] ?? claim;

/**
 * A StatefulSet's volumeClaimTemplates cannot be patched (the API server rejects any change to them), so its
 * claims move with the set re-created around them: saved, scaled to 0, claims restored under their own names on
 * the new StorageClass, the set deleted with --cascade=orphan (its claims stay) and applied again from the saved
 * copy with the new storageClassName. Nothing here patches the set.
 */
function statefulSetLines(w: Workload, claims: { claim: string; template: string | null }[], storageClass: string): string[] {
  const ns = w.metadata.namespace;
  const name = w.metadata.name;
  const file = `statefulset-${ns}-${name}.yaml`;
  const templates = [...new Set(claims.flatMap((c) => (c.template ? [c.template] : [])))].sort();
  const listed = claims.map((c) => nameOf(c.claim)).filter((c) => !c.endsWith('-*'));
  return [
    shellComment(
      `StatefulSet ${ns}/${name}: its volumeClaimTemplates (${templates.join(', ')}) cannot be patched (the API rejects changes to them), so the set is re-created around its moved claims, with downtime:`,
    ),
    sh`kubectl get statefulset ${name} -n ${ns} -o yaml > ${file}`,
    shellComment(`1. kubectl scale statefulset ${name} -n ${ns} --replicas=0, and wait until its pods are gone`),
    shellComment(
      `2. for each claim (${listed.length > 0 ? listOf(listed) : `${templates.map((t) => `${t}-${name}-<ordinal>`).join(', ')}`}): set its PersistentVolume's persistentVolumeReclaimPolicy to Retain, snapshot the EBS volume, delete the claim and create it again under the same name on StorageClass ${storageClass} from the snapshot (${STORAGE_DRIVERS.ebsMigrationTool} does this)`,
    ),
    shellComment(`3. kubectl delete statefulset ${name} -n ${ns} --cascade=orphan (deletes the set only; its claims stay)`),
    shellComment(
      `4. in ${file} set storageClassName: ${storageClass} in volumeClaimTemplates ${templates.join(', ')}, remove status and the server-set metadata (uid, resourceVersion, creationTimestamp, generation, managedFields), then kubectl apply -f ${file}`,
    ),
    shellComment(
      `   before applying, make its pods land on Auto Mode nodes (nodeSelector eks.amazonaws.com/compute-type: auto in the copy): nodes of the EBS CSI add-on cannot mount volumes of ${AUTO_MODE_FACTS.ebsProvisioner}`,
    ),
  ];
}

function otherLines(w: Workload, claims: { claim: string }[], storageClass: string): string[] {
  const ns = w.metadata.namespace;
  const names = listOf(claims.map((c) => nameOf(c.claim)));
  return [
    shellComment(
      `${w.kind} ${ns}/${w.metadata.name}, with downtime: scale it to 0; for claim ${names}, set its PersistentVolume's persistentVolumeReclaimPolicy to Retain, snapshot the EBS volume, delete the claim and create it again under the same name on StorageClass ${storageClass} from the snapshot (${STORAGE_DRIVERS.ebsMigrationTool} does this); scale it back on Auto Mode nodes, which alone can mount volumes of ${AUTO_MODE_FACTS.ebsProvisioner}`,
    ),
  ];
}

/**
 * Data on volumes of the EBS CSI add-on moves into claims of Auto Mode's StorageClass, so the step comes after
 * the one that creates that StorageClass (or enables Auto Mode's block storage, when the class exists already).
 */
export function dataMoveStep(input: PlanInput, capacity: readonly Step[]): Step | null {
  const items = ofKind(
    withAction(input, 'prerequisite').map(({ finding, action }) => ({ finding, what: action.task })),
    'move-data',
  );
  if (items.length === 0) return null;
  const claims = [...new Set(items.map((i) => i.what.claim))].sort();
  const storageClass = autoModeStorageClass(input);
  const creates = capacity.filter((s) => s.kind === 'storage-class').map((s) => s.id);
  const enables = capacity.filter((s) => s.kind === 'enable-auto-mode').map((s) => s.id);
  const byWorkload = claimsByWorkload(input, new Set(claims));
  const placed = new Set(byWorkload.flatMap((b) => b.claims.map((c) => c.claim)));
  const commands = [
    ...byWorkload.flatMap(({ w, claims: mine }) =>
      w.kind === 'StatefulSet' && mine.some((c) => c.template !== null) ? statefulSetLines(w, mine, storageClass) : otherLines(w, mine, storageClass),
    ),
    ...claims.filter((c) => !placed.has(c)).map((c) => shellComment(`${c}: snapshot, then restore into a claim of StorageClass ${storageClass}`)),
  ];
  const byNamespace = new Map<string, string[]>();
  for (const c of claims) {
    const [ns = '', name = ''] = c.split('/');
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), ...(name.endsWith('-*') ? [] : [name])]);
  }
  return makeStep({
    id: 'capacity/move-data',
    title: `Move the data of ${claims.length} claim${claims.length === 1 ? '' : 's'} to StorageClass ${storageClass}`,
    kind: 'move-data',
    why: `AWS does not migrate volumes between storage drivers, and Auto Mode cannot mount volumes of the EBS CSI add-on: the data is copied into claims of StorageClass ${storageClass}, which must exist first.`,
    findings: ids(items),
    dependsOn: creates.length > 0 ? creates : enables,
    commands,
    effects: claims.map((claim): Effect => ({ type: 'move-data', claim })),
    verify: {
      command: [...byNamespace]
        .map(([ns, names]) => sh`kubectl get pvc -n ${ns} ${names} -o custom-columns=NAME:.metadata.name,CLASS:.spec.storageClassName,STATUS:.status.phase`)
        .join('; '),
      expect: `every listed claim Bound on StorageClass ${storageClass}, and the workloads' pods Running on Auto Mode nodes`,
    },
    rollback: {
      description:
        'Keep the original PersistentVolumes (reclaim policy Retain) and the snapshots until the workloads run on the new claims: to go back, bind claims to the retained volumes again (clear their claimRef) and re-create a StatefulSet from the copy saved above.',
      commands: [],
    },
  });
}
