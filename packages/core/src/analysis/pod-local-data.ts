import type { Workload } from '../inventory/types.js';
import type { FindingDraft } from '../rules/engine/types.js';
import { workloadRef } from './refs.js';
import { describeWorkload } from './workload.js';

/** Where datastores keep their data, as their images are usually run: a datastore's own path on any image. */
const DATA_PATH =
  /^\/(var\/lib\/(mysql|postgresql|pgsql|rabbitmq|redis|mongodb|cassandra|elasticsearch|etcd|zookeeper|kafka|clickhouse|influxdb)|usr\/share\/(elasticsearch|opensearch)\/data)(\/|$)/;
/** Paths common as scratch space too (`/data`): data only on a datastore's image. */
const DATASTORE_DATA_PATH = /^\/(data|bitnami)(\/|$)/;
/**
 * Images of datastores (`redis`, `bitnami/redis-cluster`, `cp-kafka`, `timescaledb`), not their exporters,
 * clients, UIs or operators, which keep no data.
 */
const DATASTORE_IMAGE =
  /(^|[-_])(mysql|mariadb|postgres|postgresql|timescaledb|redis|valkey|rabbitmq|mongo|mongodb|cassandra|elasticsearch|opensearch|etcd|zookeeper|kafka|clickhouse|influxdb|dynamodb-local|neo4j|couchdb|minio)([-_]|$)/;
const NOT_A_STORE = /(^|[-_])(exporter|client|cli|ui|operator|proxy|backup|dump|tools|admin)([-_]|$)/;

const isDatastoreImage = (image: string | undefined): boolean => {
  if (!image) return false;
  const name = imageName(image);
  return DATASTORE_IMAGE.test(name) && !NOT_A_STORE.test(name);
};

/** `docker.io/library/mysql:8.0@sha256:…` → `mysql`. */
function imageName(image: string): string {
  const path = image.split('@')[0]!;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.split(':')[0]!.toLowerCase();
}

/**
 * Why the workload's data would not survive its pods being re-created, or null: a datastore's data path
 * on an emptyDir volume, or a datastore image with no persistent volume mounted at all (its data is in the
 * container's own filesystem). Every move re-creates pods, so that data starts empty on the target.
 */
export function podLocalData(w: Workload): string | null {
  const spec = w.template.spec;
  const emptyDirs = new Set((spec.volumes ?? []).filter((v) => v.emptyDir !== undefined).map((v) => v.name));
  const persistent = new Set([
    ...(spec.volumes ?? []).filter((v) => v.persistentVolumeClaim !== undefined).map((v) => v.name),
    ...w.volumeClaimTemplates.map((t) => t.name),
  ]);
  // A Job or CronJob runs to completion: what it writes in its pod is not kept between runs anyway (a backup job
  // runs a datastore's image for its client tools).
  if (w.kind === 'Job' || w.kind === 'CronJob') return null;
  for (const c of spec.containers) {
    const store = isDatastoreImage(c.image);
    const mount = (c.volumeMounts ?? []).find(
      (m) => emptyDirs.has(m.name) && (DATA_PATH.test(m.mountPath) || (store && DATASTORE_DATA_PATH.test(m.mountPath))),
    );
    if (mount) return `container ${c.name} keeps ${mount.mountPath} on emptyDir volume ${mount.name}`;
  }
  for (const c of spec.containers) {
    if (!isDatastoreImage(c.image)) continue;
    if ((c.volumeMounts ?? []).some((m) => persistent.has(m.name))) continue;
    return `container ${c.name} runs ${c.image} with no persistent volume: its data is in the container or an emptyDir`;
  }
  return null;
}

/**
 * A move re-creates every moving pod; data kept in an emptyDir or in the container itself is gone with the
 * old pod. One finding per such workload, decided before the plan restarts anything (on the way to Fargate,
 * pinning already does), not found after the waves. Both directions' rules give the same finding.
 */
export function dataInPodsFindings(moving: readonly Workload[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const w of moving) {
    const why = podLocalData(w);
    if (why === null) continue;
    out.push({
      severity: 'change',
      resource: workloadRef(w),
      message: `${describeWorkload(w)} keeps data that does not outlive its pods (${why}). The move re-creates its pods, which start empty.`,
      remediation:
        'Before the plan first restarts it, back the data up and restore it once it runs on the target, or move the data to a volume that outlives pods (EFS on Fargate; EBS or EFS on Auto Mode) or to a managed store; if it is a cache, accept that it starts empty.',
      action: { type: 'review' },
    });
  }
  return out;
}
