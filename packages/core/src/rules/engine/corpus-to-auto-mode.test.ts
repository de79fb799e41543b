// The Fargate → Auto Mode rules on real, published manifests (../shared/corpus, see its PROVENANCE.md),
// loaded through the same normaliser the CLI uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Finding } from '@modeshift/plan';
import type { RawDocument } from '../../inventory/documents.js';
import { normalizeDocuments } from '../../inventory/normalize.js';
import type { FargateProfile, Inventory } from '../../inventory/types.js';
import { aCluster, aFargateProfile, contextFor } from '../../testing/builders.js';
import { runRules } from './run.js';
import { RULES } from './registry.js';
import { buildUnsimulatedPlan } from '../../plan/build-plan.js';
import { validateAgainstCrd } from '../../testing/schemas.js';

const CORPUS = new URL('../../../../../../shared/corpus/', import.meta.url);

/** Parses corpus files; `namespace` stands in for `kubectl apply -n` on objects that name none. */
function load(files: string[], options: { namespace?: string; substitute?: Record<string, string> } = {}): Inventory {
  const docs: RawDocument[] = [];
  for (const file of files) {
    let text = readFileSync(new URL(file, CORPUS), 'utf8');
    for (const [from, to] of Object.entries(options.substitute ?? {})) text = text.split(from).join(to);
    const lines = new LineCounter();
    for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
      const value = doc.toJS() as unknown;
      const metadata = (value as { metadata?: { namespace?: string } } | null)?.metadata;
      if (options.namespace && metadata && !metadata.namespace) metadata.namespace = options.namespace;
      docs.push({ value, origin: { file, line: lines.linePos(doc.range[0]).line } });
    }
  }
  const { inventory, problems } = normalizeDocuments(docs);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return inventory;
}

/** The inventory on a Fargate cluster (1.31, Auto Mode off) whose one profile selects `namespaces`. */
function onFargate(inventory: Inventory, namespaces: string[], version = '1.31'): Finding[] {
  const profiles: FargateProfile[] = [
    aFargateProfile(
      'apps',
      namespaces.map((namespace) => ({ namespace })),
    ),
  ];
  return runRules(contextFor({ ...inventory, cluster: aCluster({ version }), fargateProfiles: profiles }, 'auto-mode'), RULES);
}

const ofRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('Fargate → Auto Mode on the shared corpus', () => {
  it('microservices-demo moves without a blocker, every Deployment by annotation, the LoadBalancer by blue/green', () => {
    const findings = onFargate(load(['microservices-demo/kubernetes-manifests.yaml']), ['default']);
    expect(findings.filter((f) => f.severity === 'blocker')).toEqual([]);
    expect(ofRule(findings, 'auto-mode-compute-type-annotation')).toHaveLength(12);
    expect(ofRule(findings, 'auto-mode-load-balancer').map((f) => f.id)).toEqual(['auto-mode-load-balancer:Service/default/frontend-external']);
    expect(ofRule(findings, 'auto-mode-ebs-volume')).toEqual([]);
  });

  it('retail-store-sample-app moves without a blocker and without data moves (emptyDir only)', () => {
    const findings = onFargate(load(['retail-store-sample-app/deploy.yaml']), ['default']);
    expect(findings.filter((f) => f.severity === 'blocker')).toEqual([]);
    expect(ofRule(findings, 'auto-mode-compute-type-annotation')).toHaveLength(11);
    expect(ofRule(findings, 'auto-mode-ebs-volume')).toEqual([]);
    expect(ofRule(findings, 'auto-mode-load-balancer').map((f) => f.resource?.name)).toEqual(['ui']);
  });

  const sgpFiles = ['retail-store-sample-app/deploy.yaml', 'fargate-workshop-sgp-irsa/securitygrouppolicy.yaml'];

  it('the workshop SecurityGroupPolicy, as published, asks for its unresolved group id instead of inventing one', () => {
    const findings = ofRule(onFargate(load(sgpFiles, { namespace: 'catalog' }), ['catalog']), 'auto-mode-security-group-policy');
    const policy = findings.find((f) => f.resource?.kind === 'SecurityGroupPolicy');
    expect(policy?.message).toContain('${CATALOG_SG_ID}');
    expect(findings.every((f) => f.action.type === 'review')).toBe(true);
  });

  it('the workshop SecurityGroupPolicy, rendered, is re-homed to a NodeClass and the catalog pods are pinned to it', () => {
    const inventory = load(sgpFiles, { namespace: 'catalog', substitute: { '${CATALOG_SG_ID}': 'sg-0123456789abcdef0' } });
    const findings = ofRule(onFargate(inventory, ['catalog']), 'auto-mode-security-group-policy');
    const policy = findings.find((f) => f.id === 'auto-mode-security-group-policy:SecurityGroupPolicy/catalog/catalog-rds-access');
    expect(policy?.action).toMatchObject({ type: 'security-groups', change: { kind: 'node-class-pod-security-groups', groupIds: ['sg-0123456789abcdef0'] } });
    const nodePool =
      policy?.action.type === 'security-groups' && policy.action.change.kind === 'node-class-pod-security-groups' ? policy.action.change.nodePool : '';
    const catalog = findings.find((f) => f.id === 'auto-mode-security-group-policy:Deployment/catalog/catalog#security-groups');
    expect(catalog?.action).toMatchObject({
      type: 'workload',
      edits: [{ op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: nodePool }, { op: 'add-toleration' }],
    });
    // The MySQL StatefulSet is labelled component: mysql, which the policy does not select.
    expect(findings.some((f) => f.resource?.name === 'catalog-mysql')).toBe(false);
    // On 1.36 the same policy is only verified.
    const native = ofRule(onFargate(inventory, ['catalog'], '1.36'), 'auto-mode-security-group-policy');
    expect(native.map((f) => f.action)).toEqual([{ type: 'security-groups', change: { kind: 'verify-security-group-policy' } }]);
  });

  it('the static EFS example asks for the EFS CSI driver', () => {
    const findings = onFargate(load(['fargate-efs-static-pv/efs-access-points-example.yaml']), ['default']);
    const [efs, ...rest] = ofRule(findings, 'auto-mode-efs-csi-driver');
    expect(rest).toEqual([]);
    expect(efs).toMatchObject({ severity: 'advisory', action: { type: 'prerequisite', task: { kind: 'install-efs-csi-driver' } } });
    expect(efs?.message).toContain('Pod default/efs-app');
  });

  it('Windows workloads block', () => {
    const files = ['windows-workloads/sample-net-app.yaml', 'windows-workloads/cwagent-fluent-bit-quickstart-windows.yaml'];
    const findings = onFargate(load(files), ['default']);
    const blockers = findings.filter((f) => f.severity === 'blocker');
    expect(blockers.map((f) => f.id)).toContain('auto-mode-windows:Deployment/default/sample-net');
    expect(blockers.length).toBeGreaterThanOrEqual(3);
    expect(blockers.every((f) => f.action.type === 'stay' && f.action.on === 'managed-nodes')).toBe(true);
    // A Windows pod is never moved by annotation, even when a Fargate profile selects its namespace.
    expect(ofRule(findings, 'auto-mode-compute-type-annotation')).toEqual([]);
  });

  it('the 2048 game with Fargate logging needs a log agent and an ALB blue/green', () => {
    const findings = onFargate(load(['fargate-game2048-logging/2048_full.yaml', 'fargate-game2048-logging/defaultCM.yaml']), ['game-2048']);
    const logging = ofRule(findings, 'auto-mode-fargate-logging')[0];
    expect(logging?.action).toMatchObject({
      type: 'node-agent',
      change: { kind: 'log-agent-daemonset', outputs: [{ plugin: 'cloudwatch' }, { plugin: 'cloudwatch_logs' }] },
    });
    expect(ofRule(findings, 'auto-mode-load-balancer').map((f) => f.id)).toEqual([
      'auto-mode-load-balancer:Ingress/game-2048/ingress-2048',
      'auto-mode-load-balancer:cluster',
    ]);
    expect(findings.filter((f) => f.severity === 'blocker')).toEqual([]);
  });
});

describe('self-managed Karpenter → Auto Mode on the shared corpus', () => {
  const files = ['karpenter-spot-gpu/spot-nodepool-ec2nodeclass.yaml', 'karpenter-spot-gpu/nodepool-gpu-g6.yaml'];
  const plan = buildUnsimulatedPlan(contextFor({ ...load(files), cluster: aCluster() }, 'auto-mode'));
  const manifest = (pool: string) => plan.stages.flatMap((s) => s.steps).find((s) => s.id === `capacity/node-pool-${pool}`)?.manifests[0]?.object;

  it("re-creates the upstream spot and data-on-eks GPU pools as Auto Mode NodePools the CRD accepts, in Auto Mode's labels", () => {
    for (const pool of ['spot-auto-mode', 'gpu-auto-mode']) expect(validateAgainstCrd(manifest(pool), 'karpenter.sh_nodepools.yaml')).toEqual([]);
    const keys = (pool: string) =>
      ((manifest(pool) as { spec: { template: { spec: { requirements: { key: string }[] } } } }).spec.template.spec.requirements ?? []).map((r) => r.key);
    // The spot example requires kubernetes.io/os, which an Auto Mode NodePool may not (every Auto Mode node is Linux).
    expect(keys('spot-auto-mode')).toEqual([
      'karpenter.sh/capacity-type',
      'kubernetes.io/arch',
      'eks.amazonaws.com/instance-category',
      'eks.amazonaws.com/instance-generation',
    ]);
    expect(keys('gpu-auto-mode')).toEqual([
      'karpenter.sh/capacity-type',
      'kubernetes.io/arch',
      'eks.amazonaws.com/instance-category',
      'eks.amazonaws.com/instance-family',
      'eks.amazonaws.com/instance-size',
      'eks.amazonaws.com/instance-hypervisor',
    ]);
    expect(manifest('gpu-auto-mode')).toMatchObject({ spec: { weight: 20, limits: { cpu: '1000', 'nvidia.com/gpu': '8' } } });
  });

  it('deletes both pools and their EC2NodeClass, then has the operator find and uninstall the controller the inventory does not show', () => {
    const decommission = plan.stages.find((s) => s.id === 'decommission')?.steps ?? [];
    expect(decommission.map((s) => [s.id, s.commands])).toEqual([
      ['decommission/retire-karpenter-node-pools', ['kubectl delete nodepool gpu', 'kubectl delete nodepool spot', 'kubectl delete ec2nodeclass default']],
      [
        'decommission/remove-karpenter',
        [
          'helm list -A --filter karpenter',
          '# uninstall the release listed: helm uninstall <release> -n <namespace> (the inventory does not show the controller)',
        ],
      ],
    ]);
  });
});
