import type { Ec2Collected } from '../aws/collect-ec2.js';
import type { EksCollected } from '../aws/collect-eks.js';
import type { KindOutcome } from '../kube/list-kind.js';
import type { NotCollectedEntry } from '../types.js';
import { byString } from '../util/order.js';

export interface Collected {
  kube: readonly KindOutcome[];
  eks: EksCollected;
  ec2: Ec2Collected;
  notCollected: readonly NotCollectedEntry[];
  /** When the cluster was read: the inventory's date on every plan made from it. */
  collectedAt: Date;
}

export const NOT_COLLECTED_FILE = 'not-collected.json';
export const COLLECTION_FILE = 'collection.json';

/** Whole seconds: the date appears in change tickets, where milliseconds are noise. */
export const collectionDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** EKS names are already file-safe; this only makes sure no name can climb out of its directory. */
export function fileSafe(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '' || /^\.+$/.test(safe) ? `_${safe}` : safe;
}

export function compareNotCollected(a: NotCollectedEntry, b: NotCollectedEntry): number {
  return byString(a.kind, b.kind) || byString(a.namespace ?? '', b.namespace ?? '') || byString(a.reason, b.reason);
}

/**
 * The inventory directory as relative path → content. Pure and deterministic: the same cluster gives
 * byte-identical files (but for collection.json's date), so two collects can be diffed. A kind that was not collected gets no file
 * (an empty List would claim "there are none"); it is named in not-collected.json instead.
 */
export function layout(collected: Collected): Map<string, string> {
  const files = new Map<string, string>();
  for (const outcome of collected.kube) {
    if (outcome.items === null) continue;
    files.set(`kubernetes/${outcome.spec.file}.json`, json({ apiVersion: 'v1', kind: 'List', items: outcome.items }));
  }
  const { cluster, fargateProfiles, nodegroups } = collected.eks;
  if (cluster !== null) files.set('aws/describe-cluster.json', json({ cluster }));
  for (const fargateProfile of fargateProfiles ?? []) {
    files.set(`aws/fargate-profiles/${fileSafe(fargateProfile.fargateProfileName ?? '')}.json`, json({ fargateProfile }));
  }
  for (const nodegroup of nodegroups ?? []) {
    files.set(`aws/nodegroups/${fileSafe(nodegroup.nodegroupName ?? '')}.json`, json({ nodegroup }));
  }
  if (collected.ec2.securityGroups !== null) files.set('aws/security-groups.json', json({ SecurityGroups: collected.ec2.securityGroups }));
  if (collected.ec2.subnets !== null) files.set('aws/subnets.json', json({ Subnets: collected.ec2.subnets }));
  files.set(COLLECTION_FILE, json({ collection: { collectedAt: collectionDate(collected.collectedAt) } }));
  files.set(NOT_COLLECTED_FILE, json({ notCollected: [...collected.notCollected].sort(compareNotCollected) }));
  return new Map([...files.entries()].sort(([a], [b]) => byString(a, b)));
}
