import { describe, expect, it } from 'vitest';
import type { WorkloadKind } from '../inventory/types.js';
import { aWorkload } from '../testing/builders.js';
import { podLocalData } from './pod-local-data.js';

const resources = { requests: { cpu: '250m', memory: '512Mi' } };
function workload(image: string, options: { kind?: WorkloadKind; scratchAt?: string } = {}) {
  return aWorkload({
    kind: options.kind ?? 'Deployment',
    containers: [{ name: 'main', image, resources, ...(options.scratchAt ? { volumeMounts: [{ name: 'scratch', mountPath: options.scratchAt }] } : {}) }],
    spec: options.scratchAt ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {},
  });
}

describe('data a workload keeps in its pods', () => {
  it.each([
    ['a Redis with /data on emptyDir', workload('redis:7', { scratchAt: '/data' })],
    ['a Redis cluster image without a volume', workload('bitnami/redis-cluster:7.2')],
    ['TimescaleDB without a volume', workload('timescale/timescaledb:latest-pg16')],
    ['Kafka from Confluent without a volume', workload('confluentinc/cp-kafka:7.6.0')],
    ['any image keeping /var/lib/mysql on emptyDir', workload('registry.example.com/shop/catalog-db:3', { scratchAt: '/var/lib/mysql' })],
  ])('finds %s', (_, w) => {
    expect(podLocalData(w)).not.toBeNull();
  });

  it.each([
    ['an uploader using /data on emptyDir as scratch', workload('myco/uploader:1', { scratchAt: '/data' })],
    ['a CronJob running pg_dump with the postgres image', workload('postgres:16', { kind: 'CronJob' })],
    ["a datastore's exporter", workload('prometheuscommunity/postgres-exporter:v0.15.0')],
    ['a Redis client', workload('myco/redis-cli:1')],
    ['nginx with a cache on emptyDir', workload('nginx:1.27', { scratchAt: '/var/cache/nginx' })],
  ])('passes %s', (_, w) => {
    expect(podLocalData(w)).toBeNull();
  });
});
