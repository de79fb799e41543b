import { SOURCES } from '../../capabilities/sources.js';
import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import type { Workload } from '../../inventory/types.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { describeWorkload } from '../../analysis/workload.js';
import { PROPOSED } from '../../analysis/proposed-names.js';
import { STORAGE_DRIVERS } from '../../analysis/storage-drivers.js';
import { volumeUses } from '../../analysis/volumes.js';

/** Whether the claim is one of a StatefulSet's volumeClaimTemplates (`<template>-<set>-<ordinal>`, or `-*` when unlisted). */
function fromTemplate(w: Workload, claim: string): boolean {
  const name = claim.split('/')[1] ?? '';
  return w.kind === 'StatefulSet' && w.volumeClaimTemplates.some((t) => name.startsWith(`${t.name}-${w.metadata.name}-`));
}

const isOldEbs = (driver: string | null) => driver !== null && (STORAGE_DRIVERS.ebs as readonly string[]).includes(driver);

/**
 * Auto Mode's EBS provisioner cannot mount volumes of the EBS CSI add-on, and AWS does not support
 * migrating them: the data is copied into new claims (aws-facts §0.8, §7.2). Only workloads on EC2
 * nodes can have them, since Fargate cannot mount EBS.
 */
export const autoModeEbsVolumeRule: Rule = {
  id: 'auto-mode-ebs-volume',
  title: 'EBS volumes',
  capability: 'ebs-volume',
  targets: ['auto-mode'],
  check(ctx) {
    const claims = new Map<string, { w: Workload; driver: string }>();
    for (const w of movers(ctx)) {
      for (const use of volumeUses(ctx.index, w)) {
        if (use.claim !== null && isOldEbs(use.driver) && !claims.has(use.claim)) claims.set(use.claim, { w, driver: use.driver as string });
      }
    }
    if (claims.size === 0) return [];
    const existing = ctx.inventory.storageClasses.find((s) => s.provisioner === AUTO_MODE_FACTS.ebsProvisioner);
    const storageClass = existing?.metadata.name ?? PROPOSED.storageClass;
    const out: FindingDraft[] = [];
    for (const [claim, { w, driver }] of claims) {
      const [namespace = '', name = ''] = claim.split('/');
      // Claims of a StatefulSet the inventory does not list are reported on the StatefulSet itself.
      const template = name.endsWith('-*');
      out.push({
        severity: 'change',
        resource: template ? workloadRef(w) : { kind: 'PersistentVolumeClaim', namespace, name },
        discriminator: template ? `claims-${name.slice(0, -2)}` : undefined,
        message: `PersistentVolumeClaim ${claim} (used by ${describeWorkload(w)}) is provisioned by ${driver}; Auto Mode's ${AUTO_MODE_FACTS.ebsProvisioner} cannot mount it, and AWS does not support migrating it in place.`,
        remediation:
          `Re-create the claim on StorageClass ${storageClass} (provisioner ${AUTO_MODE_FACTS.ebsProvisioner}) and copy the data: re-create the PVC/PV with ${STORAGE_DRIVERS.ebsMigrationTool}, or back up and restore. Plan downtime or a replica handover for the workload.` +
          (fromTemplate(w, claim)
            ? ` Its StatefulSet's volumeClaimTemplates cannot be patched (the API rejects changes to them): delete the StatefulSet with --cascade=orphan, which keeps the claims, and create it again with storageClassName ${storageClass} in the claim template, after the data has moved.`
            : ''),
        sources: [SOURCES.autoPrepare],
        action: { type: 'prerequisite', task: { kind: 'move-data', claim } },
      });
    }
    if (!existing) {
      out.push({
        severity: 'change',
        resource: null,
        message: `Auto Mode creates no StorageClass; the re-created claims need one with provisioner ${AUTO_MODE_FACTS.ebsProvisioner}.`,
        remediation: `Create StorageClass ${storageClass} (provisioner ${AUTO_MODE_FACTS.ebsProvisioner}, volumeBindingMode WaitForFirstConsumer, parameters type gp3, encrypted "true").`,
        action: { type: 'capacity', request: { kind: 'storage-class', name: storageClass, provisioner: AUTO_MODE_FACTS.ebsProvisioner } },
      });
    }
    return out;
  },
};
