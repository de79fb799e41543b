// Plans the examples do not cover: GPU pools, a StorageClass, access entries, IRSA, split profiles, and the
// errors an incomplete stack configuration must give.
import { autoModeStorageClassManifest, nodePoolManifest } from '@modeshift/core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { infraFromPlan } from '../model/infra-from-plan.js';
import type { Infrastructure, Plan, Step } from '../plan/index.js';
import { actionsAndResources, schemaErrors } from '../testing/checks.js';
import { aPlan, aStep } from '../testing/plans.js';
import { ACCOUNT_ID, clearRegistered, installMocks, jsonInput, OIDC_ISSUER, REGION, settle, type PolicyDocument } from '../testing/mocks.js';
import { AutoModeEnablement } from './auto-mode-enablement.js';
import { FargateCapacity } from './fargate-capacity.js';
import { IrsaRoles } from './irsa-roles.js';
import { KubernetesObjects } from './kubernetes-objects.js';
import { kubernetesProvider } from './kubernetes-provider.js';

const step = (id: string, infrastructure: Infrastructure[], manifests: Step['manifests'] = []): Step => aStep(id, infrastructure, { manifests });
const plan = (to: Plan['to'], steps: Step[]): Plan => aPlan(to, steps, { cluster: { name: 'c1', region: REGION, version: '1.31' } });

const gpuPool = nodePoolManifest(
  { kind: 'node-pool', name: 'gpu', purpose: 'gpu', requirements: [{ key: 'eks.amazonaws.com/instance-gpu-manufacturer', operator: 'In', values: ['nvidia'] }], taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }], podSecurityGroupIds: [], limits: { 'nvidia.com/gpu': '8' } },
  'default',
);

describe('components on plans the examples do not cover', () => {
  beforeAll(() => installMocks());
  beforeEach(() => clearRegistered());

  it('applies a GPU NodePool and an Auto Mode StorageClass, and access entries for the node role', async () => {
    const model = infraFromPlan(
      plan('auto-mode', [
        step('capacity/node-pool-gpu', [], [{ file: 'nodepool-gpu.yaml', object: gpuPool }]),
        step('capacity/storage-class-auto-ebs', [], [{ file: 'sc.yaml', object: autoModeStorageClassManifest('auto-ebs') }]),
        step('prerequisites/access', [{ kind: 'access-entry', type: 'EC2', policy: 'AmazonEKSAutoNodePolicy' }]),
      ]),
    );
    new AutoModeEnablement('auto', { model: model.autoMode!, clusterName: 'c1', nodeRoleArn: 'arn:aws:iam::1:role/custom-node' });
    new KubernetesObjects('objects', { objects: model.kubernetes, provider: kubernetesProvider('k', { clusterName: 'c1', region: REGION }) });
    const res = await settle();
    const pool = res.find((r) => r.type === 'kubernetes:karpenter.sh/v1:NodePool')!;
    expect(pool.name).toBe('nodepool-gpu');
    expect(pool.inputs.spec?.template?.spec?.taints).toEqual([{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }]);
    expect(pool.inputs.spec?.limits?.['nvidia.com/gpu']).toBe('8');
    expect(schemaErrors(pool.inputs)).toEqual([]);
    const sc = res.find((r) => r.type === 'kubernetes:storage.k8s.io/v1:StorageClass')!;
    expect(sc.inputs.provisioner).toBe('ebs.csi.eks.amazonaws.com');
    const entry = res.find((r) => r.type === 'aws:eks/accessEntry:AccessEntry')!;
    expect(entry.inputs).toMatchObject({ clusterName: 'c1', principalArn: 'arn:aws:iam::1:role/custom-node', type: 'EC2' });
    const assoc = res.find((r) => r.type === 'aws:eks/accessPolicyAssociation:AccessPolicyAssociation')!;
    expect(assoc.inputs).toMatchObject({ policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy', accessScope: { type: 'cluster' } });
  });

  it('splits a profile of 7 selectors in two, uses configured subnets, and creates IRSA roles for one service account each', async () => {
    const selectors = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((namespace) => ({ namespace, labels: {} }));
    const model = infraFromPlan(
      plan('fargate', [
        step('prerequisites/pod-execution-role', [{ kind: 'pod-execution-role', roleName: 'c1-fargate-pod-execution' }]),
        step('capacity/fargate-profile-big', [{ kind: 'fargate-profile', request: { kind: 'fargate-profile', name: 'big', selectors }, subnets: ['<private-subnet-ids>'], podExecutionRoleArn: 'arn:aws:iam::1:role/c1-fargate-pod-execution' }]),
        step('prerequisites/irsa', [{ kind: 'irsa-role', namespace: 'a', serviceAccount: 'orders', roleName: 'c1-a-orders' }]),
      ]),
    );
    new FargateCapacity('fargate', { model: model.fargate!, clusterName: 'c1', privateSubnetIds: ['subnet-p1'] });
    new IrsaRoles('irsa', { roles: model.irsaRoles, clusterName: 'c1' });
    const res = await settle();
    const profiles = res.filter((r) => r.type === 'aws:eks/fargateProfile:FargateProfile');
    expect(profiles.map((p) => [p.inputs.fargateProfileName, p.inputs.selectors?.length, p.inputs.subnetIds])).toEqual([
      ['big', 5, ['subnet-p1']],
      ['big-2', 2, ['subnet-p1']],
    ]);
    const irsa = res.find((r) => r.name === 'irsa-c1-a-orders')!;
    expect(irsa.inputs.name).toBe('c1-a-orders');
    const trust = jsonInput<PolicyDocument>(irsa, 'assumeRolePolicy');
    const issuer = OIDC_ISSUER.replace('https://', '');
    expect(trust.Statement[0]?.Principal).toEqual({ Federated: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/${issuer}` });
    expect(trust.Statement[0]?.Condition?.StringEquals).toEqual({ [`${issuer}:sub`]: 'system:serviceaccount:a:orders', [`${issuer}:aud`]: 'sts.amazonaws.com' });
    for (const v of actionsAndResources(trust)) expect(v).not.toContain('*');
    expect(res.filter((r) => r.type === 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map((r) => r.inputs.policyArn)).toEqual(['arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy']);
  });

  it('refuses to run with a value the plan and the config both lack', () => {
    const noSubnets = infraFromPlan(plan('fargate', [step('capacity/p', [{ kind: 'fargate-profile', request: { kind: 'fargate-profile', name: 'p', selectors: [{ namespace: 'a', labels: {} }] }, subnets: [], podExecutionRoleArn: '<pod-execution-role-arn>' }])]));
    expect(() => new FargateCapacity('f1', { model: noSubnets.fargate!, clusterName: 'c1', podExecutionRoleArn: 'arn:aws:iam::1:role/x' })).toThrow(/privateSubnetIds/);
    expect(() => new FargateCapacity('f2', { model: noSubnets.fargate!, clusterName: 'c1', privateSubnetIds: ['subnet-1'] })).toThrow(/podExecutionRoleArn/);
    const placeholder = infraFromPlan(
      plan('auto-mode', [step('capacity/x', [], [{ file: 'x.yaml', object: { apiVersion: 'eks.amazonaws.com/v1', kind: 'NodeClass', metadata: { name: 'x' }, spec: { securityGroupSelectorTerms: [{ id: '<cluster-security-group-id>' }] } } }])]),
    );
    expect(() => new KubernetesObjects('o', { objects: placeholder.kubernetes, provider: kubernetesProvider('k2', { clusterName: 'c1', region: REGION }) })).toThrow(/<cluster-security-group-id>/);
    const noRole = infraFromPlan(plan('auto-mode', [step('p/c', [{ kind: 'cluster-role-policies', policies: ['AmazonEKSComputePolicy'], roleName: '<cluster-role-name>' }])]));
    expect(() => new AutoModeEnablement('a2', { model: noRole.autoMode!, clusterName: 'c1' })).toThrow(/clusterRoleName/);
  });
});
