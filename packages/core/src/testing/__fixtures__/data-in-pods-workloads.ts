// Workloads that keep their data in their pods, or not: the data-in-pods rules' cases in both directions.
import { expect } from 'vitest';
import type { Finding } from '@modeshift/plan';
import type { Workload } from '../../inventory/types.js';
import { aWorkload } from '../builders.js';

const resources = { requests: { cpu: '250m', memory: '512Mi' } };
const mysqlOnEmptyDir = aWorkload({
  kind: 'StatefulSet',
  name: 'catalog-mysql',
  replicas: 1,
  containers: [{ name: 'mysql', image: 'mysql:8.0', resources, volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] }],
  spec: { volumes: [{ name: 'data', emptyDir: {} }] },
});
const redisInContainer = aWorkload({
  name: 'checkout-redis',
  replicas: 1,
  containers: [{ name: 'redis', image: 'docker.io/library/redis:6.0-alpine', resources }],
});
const postgresOnClaim: Workload = {
  ...aWorkload({
    kind: 'StatefulSet',
    name: 'orders-db',
    replicas: 1,
    containers: [{ name: 'db', image: 'postgres:16', resources, volumeMounts: [{ name: 'pgdata', mountPath: '/var/lib/postgresql/data' }] }],
  }),
  volumeClaimTemplates: [{ name: 'pgdata', spec: { storageClassName: 'efs-sc', accessModes: ['ReadWriteMany'] } }],
};
const nginxCache = aWorkload({
  name: 'web',
  containers: [{ name: 'nginx', image: 'nginx:1.27', resources, volumeMounts: [{ name: 'cache', mountPath: '/var/cache/nginx' }] }],
  spec: { volumes: [{ name: 'cache', emptyDir: {} }] },
});
/** A MySQL on emptyDir and a Redis without a volume keep data in pods; a PostgreSQL on a claim and an nginx cache do not. */
export const DATA_IN_PODS_WORKLOADS: Workload[] = [mysqlOnEmptyDir, redisInContainer, postgresOnClaim, nginxCache];

/** What either rule finds in DATA_IN_PODS_WORKLOADS: the two that keep data, each saying where. */
export function expectDataInPods(found: readonly Finding[]): void {
  const by = (name: string) => found.find((f) => f.resource?.name === name);
  expect(found.map((f) => f.resource?.name).sort()).toEqual(['catalog-mysql', 'checkout-redis']);
  expect(by('catalog-mysql')).toMatchObject({ severity: 'change', capability: 'ephemeral-storage', action: { type: 'review' } });
  expect(by('catalog-mysql')?.message).toContain('/var/lib/mysql on emptyDir volume data');
  expect(by('checkout-redis')?.message).toContain('redis:6.0-alpine with no persistent volume');
}
