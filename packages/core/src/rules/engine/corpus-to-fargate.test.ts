// Real manifests from ../shared/corpus (relative to the repository root), read by the inventory
// normaliser and planned from the recorded Auto Mode cluster to Fargate.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Finding } from '@modeshift/plan';
import { normalizeDocuments } from '../../inventory/normalize.js';
import type { Inventory } from '../../inventory/types.js';
import { aNodePool } from '../../testing/kube-objects.js';
import { buildContext, resourceKey, runRules } from './run.js';
import { RULES } from './registry.js';
import { candidates, movingWorkloads, stays } from '../../analysis/fargate-scope.js';

const CORPUS = fileURLToPath(new URL('../../../../../../shared/corpus/', import.meta.url));
const CLUSTER = 'aws-api-outputs/automode-cluster.eks.DescribeCluster_1.json';

function load(files: string[], extra: Partial<Inventory> = {}): Inventory {
  const docs = [CLUSTER, ...files].flatMap((file) => {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(readFileSync(`${CORPUS}${file}`, 'utf8'), { lineCounter });
    return parsed.map((d) => ({ value: d.toJS() as unknown, origin: { file, line: lineCounter.linePos(d.range[0]).line } }));
  });
  const { inventory, problems } = normalizeDocuments(docs);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { ...inventory, nodePools: [...inventory.nodePools, ...(extra.nodePools ?? [])] };
}

function plan(inventory: Inventory): Finding[] {
  return runRules(buildContext(inventory, { target: 'fargate' }), RULES);
}

const bySeverity = (findings: Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity);
const find = (findings: Finding[], id: string) => findings.find((f) => f.id === id);

// The sample's own NodePools exist upstream only as Terraform templates (see PROVENANCE.md), so the
// tests supply pools shaped like them: GPU instances tainted nvidia.com/gpu, Spot capacity tainted spot.
const samplePools = [
  aNodePool('gpu', {
    requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['g5', 'g6'] }],
    taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
  }),
  aNodePool('spot', {
    requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }],
    taints: [{ key: 'spot', value: 'true', effect: 'NoSchedule' }],
  }),
];

describe.skipIf(!existsSync(CORPUS))('Auto Mode → Fargate on the shared corpus', () => {
  it.each(['microservices-demo/kubernetes-manifests.yaml', 'retail-store-sample-app/deploy.yaml'])(
    'plans %s with no blocker, every workload moving',
    (file) => {
      const inventory = load([file]);
      const findings = plan(inventory);
      expect(bySeverity(findings, 'blocker')).toEqual([]);
      const scheduled = findings.filter((f) => f.rule === 'fargate-scheduling').map((f) => resourceKey(f.resource));
      expect(scheduled).toEqual(inventory.workloads.map((w) => w.key));
      expect(find(findings, 'fargate-profiles:Namespace/default')?.action).toEqual({
        type: 'capacity',
        request: { kind: 'fargate-profile', name: 'modeshift-default', selectors: [{ namespace: 'default', labels: {} }] },
      });
      expect(find(findings, 'fargate-load-balancers:cluster')?.action).toEqual({ type: 'load-balancer', change: { kind: 'install-load-balancer-controller' } });
      expect(find(findings, 'fargate-coredns:cluster')?.action).toEqual({ type: 'capacity', request: { kind: 'coredns-on-fargate' } });
    },
  );

  it('moves the retail store with its edits: no added capability, explicit requests for the databases', () => {
    const findings = plan(load(['retail-store-sample-app/deploy.yaml']));
    expect(find(findings, 'fargate-privileged:Deployment/default/ui')?.action).toEqual({
      type: 'workload',
      edits: [{ op: 'remove-added-capabilities', container: 'ui' }],
    });
    expect(find(findings, 'fargate-resource-requests:StatefulSet/default/catalog-mysql')).toMatchObject({ severity: 'change', action: { type: 'workload' } });
    expect(find(findings, 'fargate-ebs-volumes:StatefulSet/default/catalog-mysql')).toBeUndefined();
    expect(find(findings, 'fargate-load-balancers:Service/default/ui')?.severity).toBe('change');
  });

  it('keeps GPU inference on Auto Mode and moves the Spot game on-demand', () => {
    const inventory = load(['automode-gpu-spot-inference/vllm-deepseek-gpu.yaml', 'automode-gpu-spot-inference/game-2048-spot.yaml'], {
      nodePools: samplePools,
    });
    const findings = plan(inventory);
    expect(find(findings, 'fargate-gpu:Deployment/vllm-inference/vllm-deepseek-deployment')).toMatchObject({
      severity: 'blocker',
      action: { type: 'stay', on: 'auto-mode' },
    });
    expect(find(findings, 'fargate-spot:Deployment/game-2048-spot/deployment-2048')).toMatchObject({
      severity: 'change',
      action: {
        type: 'workload',
        edits: [
          { op: 'remove-node-selector', key: 'karpenter.sh/capacity-type' },
          { op: 'remove-tolerations', keys: ['spot'] },
        ],
      },
    });
    expect(find(findings, 'fargate-retire-node-pools:NodePool/gpu')?.message).toContain('vllm-inference/vllm-deepseek-deployment');
    expect(find(findings, 'fargate-disable-auto-mode:cluster')?.message).toContain('1 workload stays on Auto Mode');
  });

  it('retires node infrastructure, turns Fluent Bit into aws-logging and keeps the Datadog agent with the nodes', () => {
    const findings = plan(
      load([
        'node-agents-daemonsets/aws-for-fluent-bit.yaml',
        'node-agents-daemonsets/datadog-system_probe_daemonset_default.yaml',
        'node-agents-daemonsets/nodeExporter-daemonset.yaml',
        'node-agents-daemonsets/aws-node-termination-handler-deploy.yaml',
        'node-agents-daemonsets/cwagent-daemonset.yaml',
        'karpenter-spot-gpu/nvidia-device-plugin-privileged-with-service-account.yml',
      ]),
    );
    for (const id of [
      'DaemonSet/monitoring/node-exporter',
      'DaemonSet/kube-system/aws-node-termination-handler',
      'DaemonSet/nvidia-device-plugin/nvidia-device-plugin-daemonset',
    ]) {
      expect(find(findings, `fargate-daemonsets:${id}`)).toMatchObject({ severity: 'advisory', action: { type: 'node-agent', change: { kind: 'retire' } } });
    }
    const logging = find(findings, 'fargate-log-agents:DaemonSet/amazon-cloudwatch/fluent-bit');
    expect(logging?.action.type === 'node-agent' && logging.action.change.kind === 'aws-logging-configmap' && logging.action.change).toMatchObject({
      // Container logs only, on Fargate's kube.* tags: the dataplane and host outputs read node logs Fargate has no counterpart for.
      // Container Insights' cluster name and Region are the cluster's, from its description (the fluent-bit-cluster-info
      // ConfigMap they are read from is not in the corpus; Fargate has no instance metadata).
      outputs: [
        {
          plugin: 'cloudwatch_logs',
          params: {
            match: 'kube.*',
            log_stream_prefix: 'fargate-',
            log_group_name: '/aws/containerinsights/serious-bluegrass-ladybug/application',
            region: 'us-east-1',
          },
        },
      ],
      unsupported: expect.arrayContaining([
        'filter aws',
        'output cloudwatch_logs (Match dataplane.*: node logs, which Fargate has no equivalent for)',
        'output cloudwatch_logs (Match host.*: node logs, which Fargate has no equivalent for)',
      ]) as unknown, // vitest types its matchers as any
    });
    expect(find(findings, 'fargate-daemonsets:DaemonSet/datadog-agent/datadog')).toMatchObject({
      severity: 'blocker',
      action: { type: 'stay', on: 'auto-mode' },
    });
    expect(find(findings, 'fargate-daemonsets:DaemonSet/amazon-cloudwatch/cloudwatch-agent')?.severity).toBe('blocker');
    // The Datadog cluster agent and operator are ordinary Deployments: they move.
    expect(find(findings, 'fargate-scheduling:Deployment/datadog-agent/datadog-cluster-agent')?.severity).toBe('change');
  });

  it('blocks EBS claim templates and Windows, and moves the ALB blue/green', () => {
    const findings = plan(
      load([
        'automode-custom-nodepools/sample-app.yaml',
        'automode-custom-nodepools/nodeclass-ebs-optimized.yaml',
        'automode-custom-nodepools/nodepool-amd64.yaml',
        'automode-custom-nodepools/alb-ingressclass.yaml',
        'automode-custom-nodepools/alb-ingressclassParams.yaml',
        'automode-custom-nodepools/ebs-storageclass.yaml',
        'windows-workloads/sample-net-app.yaml',
      ]),
    );
    expect(find(findings, 'fargate-ebs-volumes:StatefulSet/default/httpd')).toMatchObject({ severity: 'blocker', action: { type: 'stay', on: 'auto-mode' } });
    expect(find(findings, 'fargate-windows:Deployment/default/sample-net')).toMatchObject({
      severity: 'blocker',
      action: { type: 'stay', on: 'managed-nodes' },
    });
    expect(find(findings, 'fargate-load-balancers:Ingress/default/httpd-ingress')?.action).toMatchObject({
      change: { kind: 'ingress-blue-green', ingressClass: 'alb-lbc' },
    });
  });

  it('needs nothing for EFS volumes that are statically provisioned', () => {
    const findings = plan(load(['fargate-efs-static-pv/efs-access-points-example.yaml']));
    expect(findings.filter((f) => f.capability === 'efs-volume' || f.severity === 'blocker')).toEqual([]);
    expect(find(findings, 'fargate-scheduling:Pod/default/efs-app')?.severity).toBe('change');
  });

  it('is consistent: a workload stays exactly when a blocker says so, and moving workloads get no stay', () => {
    const inventory = load(
      [
        'microservices-demo/kubernetes-manifests.yaml',
        'automode-gpu-spot-inference/vllm-deepseek-gpu.yaml',
        'automode-gpu-spot-inference/game-2048-spot.yaml',
        'automode-custom-nodepools/sample-app.yaml',
        'automode-custom-nodepools/ebs-storageclass.yaml',
        'node-agents-daemonsets/datadog-system_probe_daemonset_default.yaml',
      ],
      { nodePools: samplePools },
    );
    const ctx = buildContext(inventory, { target: 'fargate' });
    const findings = runRules(ctx, RULES);
    const stayed = new Set(findings.filter((f) => f.action.type === 'stay').map((f) => resourceKey(f.resource)));
    const blocked = candidates(ctx)
      .filter((w) => stays(ctx, w))
      .map((w) => w.key);
    for (const key of blocked) expect(stayed).toContain(key);
    for (const w of movingWorkloads(ctx)) expect(stayed.has(w.key)).toBe(false);
    expect(JSON.stringify(runRules(buildContext(inventory, { target: 'fargate' }), RULES))).toBe(JSON.stringify(findings));
  });
});
