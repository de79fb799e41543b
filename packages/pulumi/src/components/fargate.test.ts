import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { podExecutionRoleTrust } from '../model/iam.js';
import { infraFromPlan } from '../model/infra-from-plan.js';
import { actionsAndResources } from '../testing/checks.js';
import { examplePlan } from '../testing/examples.js';
import { ACCOUNT_ID, clearRegistered, installMocks, jsonInput, REGION, settle, type PolicyDocument, type Registered } from '../testing/mocks.js';
import { FargateCapacity } from './fargate-capacity.js';
import { KubernetesObjects } from './kubernetes-objects.js';
import { kubernetesProvider } from './kubernetes-provider.js';

const plan = examplePlan('auto-mode-to-fargate');
const model = infraFromPlan(plan);
const of = (res: Registered[], type: string) => res.filter((r) => r.type === type);

function build() {
  const fargate = new FargateCapacity('fargate', { model: model.fargate!, clusterName: 'retail-platform' });
  const provider = kubernetesProvider('kubernetes', { clusterName: 'retail-platform', region: REGION });
  new KubernetesObjects('objects', { objects: model.kubernetes, provider }, { dependsOn: [fargate] });
}

describe('Fargate components under mocks (auto-mode-to-fargate)', () => {
  beforeAll(() => installMocks());
  beforeEach(() => clearRegistered());

  it('creates the pod execution role trusted by Fargate for this cluster only, with the AWS managed policy', async () => {
    build();
    const res = await settle();
    const [role] = of(res, 'aws:iam/role:Role');
    expect(role!.name).toBe('fargate-pod-execution-role');
    expect(role!.inputs.name).toBe('retail-platform-fargate-pod-execution');
    const trust = jsonInput<PolicyDocument>(role!, 'assumeRolePolicy');
    expect(trust).toEqual(podExecutionRoleTrust({ partition: 'aws', region: REGION, accountId: ACCOUNT_ID, clusterName: 'retail-platform' }));
    expect(trust.Statement[0]?.Principal).toEqual({ Service: 'eks-fargate-pods.amazonaws.com' });
    expect(trust.Statement[0]?.Condition?.ArnLike?.['aws:SourceArn']).toBe(`arn:aws:eks:${REGION}:${ACCOUNT_ID}:fargateprofile/retail-platform/*`);
    for (const v of actionsAndResources(trust)) expect(v).not.toContain('*');
    expect(of(res, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map((r) => [r.inputs.role, r.inputs.policyArn])).toEqual([
      ['retail-platform-fargate-pod-execution', 'arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy'],
    ]);
  });

  it("creates a Fargate profile per moving namespace and one for CoreDNS, on the plan's private subnets", async () => {
    build();
    const res = await settle();
    const profiles = of(res, 'aws:eks/fargateProfile:FargateProfile');
    expect(profiles.map((p) => p.name).sort()).toEqual(model.fargate!.profiles.map((p) => p.logicalName).sort());
    expect(profiles.map((p) => p.inputs.fargateProfileName)).toContain('kube-system');
    for (const p of profiles) {
      const planned = model.fargate!.profiles.find((x) => x.name === p.inputs.fargateProfileName)!;
      expect(p.inputs.clusterName).toBe('retail-platform');
      expect(p.inputs.podExecutionRoleArn).toBe(`arn:aws:iam::${ACCOUNT_ID}:role/retail-platform-fargate-pod-execution`);
      expect(p.inputs.subnetIds).toEqual(planned.subnets);
      expect(p.inputs.selectors?.length).toBeGreaterThan(0);
      expect(p.inputs.selectors?.length).toBeLessThanOrEqual(5);
    }
    expect(profiles.find((p) => p.inputs.fargateProfileName === 'kube-system')!.inputs.selectors).toEqual([
      { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    ]);
    const staying = new Set(plan.workloads.filter((w) => w.outcome === 'stays').map((w) => w.workload.split('/')[1]));
    const moving = new Set(plan.workloads.filter((w) => w.outcome === 'moves').map((w) => w.workload.split('/')[1]));
    const selected = profiles.flatMap((p) => (p.inputs.selectors ?? []).map((s) => s.namespace));
    for (const ns of moving) expect(selected).toContain(ns);
    for (const ns of staying) if (!moving.has(ns)) expect(selected).not.toContain(ns);
  });

  it('applies aws-observability/aws-logging, and no SecurityGroupPolicy: the waves apply those as their pods move', async () => {
    build();
    const res = await settle();
    expect(of(res, 'kubernetes:vpcresources.k8s.aws/v1beta1:SecurityGroupPolicy')).toEqual([]);
    expect(of(res, 'kubernetes:core/v1:Namespace').map((r) => r.inputs.metadata)).toContainEqual(
      expect.objectContaining({ name: 'aws-observability', labels: expect.objectContaining({ 'aws-observability': 'enabled' }) as unknown }),
    );
    const [logging] = of(res, 'kubernetes:core/v1:ConfigMap');
    expect(logging!.name).toBe('configmap-aws-observability-aws-logging');
    expect(logging!.inputs.data?.['output.conf']).toContain('[OUTPUT]');
    expect(res.some((r) => r.type.startsWith('kubernetes:karpenter.sh'))).toBe(false);
  });

  it('registers the same resources on every run', async () => {
    build();
    const first = (await settle()).map((r) => `${r.type}::${r.name}`);
    clearRegistered();
    build();
    const second = (await settle()).map((r) => `${r.type}::${r.name}`);
    expect(second.sort()).toEqual(first.sort());
  });
});
