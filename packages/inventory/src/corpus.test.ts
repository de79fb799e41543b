// Every file of the shared corpus (real manifests and AWS outputs from public repositories, see
// ../shared/corpus/PROVENANCE.md) must load. The counts were checked against the files by hand.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Inventory } from '@modeshift/core';
import { describe, expect, it } from 'vitest';
import { loadInventory } from './load.js';

// The repository is checked out with shared/ beside it, here and in CI.
const corpus = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));
const folder = (name: string) => join(corpus, name);

/** Non-empty buckets with their sizes; workloads and unknown kinds broken down by kind. */
function summary(inventory: Inventory): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byKind = (items: { kind: string }[]) => {
    const counts: Record<string, number> = {};
    for (const { kind } of items) counts[kind] = (counts[kind] ?? 0) + 1;
    return counts;
  };
  for (const [bucket, value] of Object.entries(inventory)) {
    if (bucket === 'workloads' || bucket === 'other') {
      if ((value as unknown[]).length > 0) out[bucket] = byKind(value as { kind: string }[]);
    } else if (Array.isArray(value)) {
      if (value.length > 0) out[bucket] = value.length;
    } else if (value !== null) {
      out[bucket] = 1;
    }
  }
  return out;
}

describe('the shared corpus', () => {
  it('is where the tests expect it', () => {
    expect(existsSync(join(corpus, 'PROVENANCE.md')), `expected the corpus at ${corpus}`).toBe(true);
  });

  it('loads as a whole with no errors, only the one repeated key reported', async () => {
    const result = await loadInventory([corpus]);
    expect(result.files).toHaveLength(29);
    expect(result.problems).toEqual([
      {
        file: join(corpus, 'retail-store-sample-app/deploy.yaml'),
        line: 249,
        severity: 'warning',
        message: 'the same key appears twice in one mapping; the later value is used',
      },
    ]);
    expect(result.inventory.workloads).toHaveLength(41);
  });

  it('microservices-demo: 12 Deployments, 12 Services, 11 ServiceAccounts, all in default', async () => {
    const { inventory, problems } = await loadInventory([folder('microservices-demo')]);
    expect(problems).toEqual([]);
    expect(summary(inventory)).toEqual({ workloads: { Deployment: 12 }, services: 12, serviceAccounts: 11 });
    expect(new Set(inventory.workloads.map((w) => w.metadata.namespace))).toEqual(new Set(['default']));
    expect(inventory.services.filter((s) => s.spec.type === 'LoadBalancer').map((s) => s.metadata.name)).toEqual(['frontend-external']);
  });

  it('retail-store-sample-app: 8 Deployments and 3 StatefulSets; Secrets by name only', async () => {
    const { inventory } = await loadInventory([folder('retail-store-sample-app')]);
    expect(summary(inventory)).toEqual({
      workloads: { Deployment: 8, StatefulSet: 3 },
      services: 11,
      serviceAccounts: 6,
      configMaps: 6,
      secrets: 3,
    });
    expect(inventory.secrets.map((s) => s.name)).toEqual(['catalog-db', 'orders-db', 'orders-rabbitmq']);
    // The repeated key resolves the way kubectl resolves it.
    expect(inventory.configMaps.find((c) => c.metadata.name === 'carts')?.data.CARTS_DYNAMODB_CREATETABLE).toBe('true');
    // catalog-db's password, base64 as in the file.
    expect(JSON.stringify(inventory)).not.toContain('NVlGTWRva2taTWVDeWhpaw==');
  });

  it('node-agents-daemonsets: five DaemonSets, the Datadog one included', async () => {
    const { inventory, problems } = await loadInventory([folder('node-agents-daemonsets')]);
    expect(problems).toEqual([]);
    expect(summary(inventory)).toEqual({
      workloads: { DaemonSet: 5, Deployment: 2 },
      services: 3,
      serviceAccounts: 5,
      configMaps: 7,
      secrets: 1,
      other: { ClusterRole: 7, ClusterRoleBinding: 7, Role: 2, RoleBinding: 2, PodMonitor: 1 },
    });
    const datadog = inventory.workloads.find((w) => w.key === 'DaemonSet/datadog-agent/datadog');
    expect(datadog?.template.spec.hostPID).toBe(true);
    expect(datadog?.origin).toEqual({ file: join(corpus, 'node-agents-daemonsets/datadog-system_probe_daemonset_default.yaml'), line: 1839 });
  });

  it('aws-api-outputs: the placebo DescribeCluster of an Auto Mode cluster; the .rst is not read', async () => {
    const { inventory, problems, files } = await loadInventory([folder('aws-api-outputs')]);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.file)).toEqual([join(corpus, 'aws-api-outputs/automode-cluster.eks.DescribeCluster_1.json')]);
    expect(inventory.cluster).toMatchObject({
      name: 'serious-bluegrass-ladybug',
      region: 'us-east-1',
      version: '1.35',
      vpcId: 'vpc-036aee1d9a0ab841c',
      clusterSecurityGroupId: 'sg-043afa2e5acd4754c',
      authenticationMode: 'API',
      autoMode: {
        enabled: true,
        nodePools: ['general-purpose', 'system'],
        nodeRoleArn: 'arn:aws:iam::644160558196:role/AmazonEKSAutoNodeRole',
        blockStorage: true,
        elasticLoadBalancing: true,
      },
    });

    const rst = join(corpus, 'aws-api-outputs/describe-fargate-profile.rst');
    const explicit = await loadInventory([rst]);
    expect(explicit.problems.map((p) => [p.file, p.severity])).toEqual([
      [rst, 'skipped'],
      [rst, 'error'],
    ]);
  });

  it('the other folders, bucket by bucket', async () => {
    const expected: Record<string, Record<string, unknown>> = {
      'automode-custom-nodepools': {
        workloads: { StatefulSet: 1 },
        services: 1,
        ingresses: 1,
        ingressClasses: 1,
        ingressClassParams: 1,
        storageClasses: 1,
        nodePools: 1,
        nodeClasses: 1,
      },
      'automode-gpu-spot-inference': { namespaces: 1, workloads: { Deployment: 2 }, services: 1 },
      'fargate-efs-static-pv': { workloads: { Pod: 1 }, storageClasses: 1, persistentVolumeClaims: 2, persistentVolumes: 2 },
      'fargate-game2048-logging': {
        namespaces: 2,
        workloads: { Deployment: 2 },
        services: 1,
        ingresses: 1,
        configMaps: 3,
        other: { ClusterRole: 1, ClusterRoleBinding: 1 },
      },
      'fargate-workshop-sgp-irsa': { workloads: { CronJob: 1 }, ingresses: 1, serviceAccounts: 1, securityGroupPolicies: 1 },
      'karpenter-spot-gpu': {
        namespaces: 1,
        workloads: { DaemonSet: 1 },
        serviceAccounts: 1,
        nodePools: 2,
        nodeClasses: 1,
        other: { Role: 1, RoleBinding: 1 },
      },
      'windows-workloads': { workloads: { DaemonSet: 2, Deployment: 1 }, configMaps: 1 },
    };
    for (const [name, counts] of Object.entries(expected)) {
      const { inventory, problems } = await loadInventory([folder(name)]);
      expect(problems, name).toEqual([]);
      expect(summary(inventory), name).toEqual(counts);
    }
  });

  it('keeps what rules need from the Auto Mode sample: volume claims, class references', async () => {
    const { inventory } = await loadInventory([folder('automode-custom-nodepools')]);
    const [httpd] = inventory.workloads;
    expect(httpd?.key).toBe('StatefulSet/default/httpd');
    expect(httpd?.replicas).toBe(2);
    expect(httpd?.volumeClaimTemplates.map((c) => [c.name, c.spec.storageClassName])).toEqual([['httpd-logs', 'auto-ebs-sc']]);
    expect(inventory.storageClasses[0]?.provisioner).toBe('ebs.csi.eks.amazonaws.com');
    expect(inventory.nodePools[0]?.spec.template?.spec?.nodeClassRef?.group).toBe('eks.amazonaws.com');
  });
});
