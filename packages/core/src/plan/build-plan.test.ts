import { describe, expect, it } from 'vitest';
import { aCluster, aFargateInventory, aFargateProfile, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { anObject } from '../testing/kube-objects.js';
import { buildPlan } from './build-plan.js';
import type { Plan, Step } from '@modeshift/plan';

const allSteps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);
const step = (plan: Plan, id: string) => allSteps(plan).find((s) => s.id === id);

function fargateShop(): Plan {
  const coredns = aWorkload({ namespace: 'kube-system', name: 'coredns', podLabels: { 'k8s-app': 'kube-dns' } });
  const web = aWorkload({ namespace: 'shop', name: 'web', replicas: 3 });
  const db = aWorkload({ namespace: 'data', name: 'cache', kind: 'StatefulSet', replicas: 1 });
  const inventory = aFargateInventory([coredns, web, db], {
    cluster: aCluster({ version: '1.31', authenticationMode: 'CONFIG_MAP' }),
    fargateProfiles: [aFargateProfile('kube-system', [{ namespace: 'kube-system' }]), aFargateProfile('apps', [{ namespace: 'shop' }, { namespace: 'data' }])],
  });
  return buildPlan(contextFor(inventory, 'auto-mode'));
}

describe('buildPlan, Fargate to Auto Mode', () => {
  const plan = fargateShop();

  it('orders the stages from prerequisites to decommission', () => {
    expect(plan.stages.map((s) => s.id)).toEqual(['prerequisites', 'capacity', 'node-agents', 'security-groups', 'waves', 'verification', 'decommission']);
    expect(plan.from).toBe('fargate');
  });

  it('enables Auto Mode only after the prerequisites', () => {
    const enable = step(plan, 'capacity/enable-auto-mode');
    expect(enable?.dependsOn).toEqual(expect.arrayContaining(['prerequisites/authentication-mode', 'prerequisites/cluster-role-policies']));
    expect(enable?.commands.join('\n')).toContain('--compute-config enabled=true');
  });

  it('moves namespaces in waves, lowest risk first, each after the one before', () => {
    const waves = plan.stages.find((s) => s.id === 'waves')!.steps.filter((s) => s.kind === 'wave');
    expect(waves.map((w) => w.namespaces[0])).toEqual(['shop', 'data']);
    expect(waves[1]?.dependsOn).toEqual([waves[0]?.id]);
    expect(waves[0]?.commands.join('\n')).toContain(`"eks.amazonaws.com/compute-type":"ec2"`);
    expect(waves[0]?.rollback.commands).toContain('kubectl rollout undo deployment/web -n shop');
  });

  it('never moves CoreDNS in a wave and scales it to 0 as the very last step', () => {
    expect(
      allSteps(plan)
        .filter((s) => s.kind === 'wave')
        .flatMap((s) => s.workloads),
    ).not.toContain('Deployment/kube-system/coredns');
    const last = plan.stages.at(-1)!.steps.at(-1)!;
    expect(last.id).toBe('decommission/scale-coredns');
    expect(step(plan, 'decommission/delete-fargate-profiles')?.dependsOn.length).toBeGreaterThan(0);
  });

  it('gives every step a why, and every step with commands a verification', () => {
    for (const s of allSteps(plan)) {
      expect(s.why, s.id).not.toBe('');
      if (s.commands.length > 0) expect(s.verify.expect, s.id).not.toBe('');
    }
  });

  it('points every step at findings that exist and at steps that exist', () => {
    const findingIds = new Set(plan.findings.map((f) => f.id));
    const stepIds = new Set(allSteps(plan).map((s) => s.id));
    for (const s of allSteps(plan)) {
      for (const f of s.findings) expect(findingIds.has(f), `${s.id} → ${f}`).toBe(true);
      for (const d of s.dependsOn) expect(stepIds.has(d), `${s.id} after ${d}`).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(fargateShop())).toBe(JSON.stringify(plan));
  });
});

describe('buildPlan, Auto Mode to Fargate', () => {
  const gpu = aWorkload({
    namespace: 'ml',
    name: 'inference',
    containers: [
      {
        name: 'vllm',
        image: 'vllm/vllm-openai:v0.6.0',
        resources: { requests: { 'nvidia.com/gpu': '1', cpu: '4', memory: '16Gi' }, limits: { 'nvidia.com/gpu': '1', cpu: '4', memory: '16Gi' } },
      },
    ],
    spec: { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] },
  });
  const web = aWorkload({ namespace: 'web', name: 'storefront', replicas: 3 });
  const gpuPool = anObject(
    'NodePool',
    'gpu',
    {
      template: {
        spec: {
          nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'default' },
          requirements: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g'] }],
          taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
        },
      },
    },
    { apiVersion: 'karpenter.sh/v1' },
  );
  const inventory = anAutoModeInventory([gpu, web], { nodePools: [gpuPool] });
  const plan = buildPlan(contextFor(inventory, 'fargate'));

  it('keeps the GPU workload on Auto Mode and says so', () => {
    expect(plan.summary.readiness).toBe('blocked');
    expect(plan.workloads.find((w) => w.workload === 'Deployment/ml/inference')).toMatchObject({ outcome: 'stays' });
    expect(step(plan, 'waves/stays')?.workloads).toContain('Deployment/ml/inference');
  });

  it('moves the web workload onto a Fargate profile created first', () => {
    expect(plan.workloads.find((w) => w.workload === 'Deployment/web/storefront')).toMatchObject({ outcome: 'moves' });
    const profile = allSteps(plan).find((s) => s.kind === 'fargate-profile');
    expect(profile?.commands.join('\n')).toContain('aws eks create-fargate-profile');
    const wave = step(plan, 'waves/web');
    expect(wave?.commands.join('\n')).toMatch(/kubectl (rollout restart|patch) deployment\/storefront -n web/);
  });

  it('creates the CoreDNS profile with the pod execution role the existing profiles already use', () => {
    const coredns = aWorkload({ namespace: 'kube-system', name: 'coredns', podLabels: { 'k8s-app': 'kube-dns' } });
    const existing = { ...aFargateProfile('batch', [{ namespace: 'batch' }]), podExecutionRoleArn: 'arn:aws:iam::111122223333:role/existing-pod-exec' };
    const mixed = buildPlan(contextFor(anAutoModeInventory([coredns, web], { fargateProfiles: [existing] }), 'fargate'));
    const create = step(mixed, 'capacity/coredns-on-fargate')?.commands.find((c) => c.startsWith('aws eks create-fargate-profile'));
    expect(create).toContain('--fargate-profile-name kube-system --pod-execution-role-arn arn:aws:iam::111122223333:role/existing-pod-exec ');
  });

  it('keeps Auto Mode enabled while workloads stay on it', () => {
    const disable = step(plan, 'decommission/disable-auto-mode');
    if (disable) expect(disable.commands.join('\n')).not.toContain('enabled=false');
  });
});
