import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { infraFromPlan } from '../model/infra-from-plan.js';
import { fillPlaceholders } from '../plan/index.js';
import { actionsAndResources, schemaErrors } from '../testing/checks.js';
import { examplePlan } from '../testing/examples.js';
import {
  ACCOUNT_ID,
  clearRegistered,
  installMocks,
  jsonInput,
  outputValue,
  REGION,
  settle,
  type Kubeconfig,
  type PolicyDocument,
  type Registered,
} from '../testing/mocks.js';
import { AutoModeEnablement } from './auto-mode-enablement.js';
import { KubernetesObjects } from './kubernetes-objects.js';
import { kubernetesProvider } from './kubernetes-provider.js';

const model = infraFromPlan(examplePlan('fargate-to-auto-mode'));
const of = (res: Registered[], type: string) => res.filter((r) => r.type === type);

function build(newCluster: boolean, publicAccessCidrs?: string[]) {
  const autoMode = new AutoModeEnablement('auto-mode', {
    model: model.autoMode!,
    clusterName: 'shop-prod',
    newCluster: newCluster
      ? { name: 'shop-prod-auto', vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], version: '1.31', publicAccessCidrs }
      : undefined,
  });
  const provider = kubernetesProvider('kubernetes', { clusterName: autoMode.clusterName, region: REGION, kubeconfig: autoMode.cluster?.kubeconfigJson });
  new KubernetesObjects(
    'objects',
    {
      objects: fillPlaceholders(model.kubernetes, { '<cluster-name>': 'shop-prod', '<region>': REGION }),
      provider,
      nodeClassOverrides: autoMode.cluster
        ? { role: autoMode.nodeRoleName.apply((n) => n ?? ''), securityGroupIds: [autoMode.cluster.clusterSecurityGroupId] }
        : undefined,
    },
    { dependsOn: [autoMode] },
  );
  return autoMode;
}

describe('Auto Mode components under mocks (fargate-to-auto-mode)', () => {
  beforeAll(() => installMocks());
  beforeEach(() => clearRegistered());

  it('gives the existing cluster role the Auto Mode policies and creates the node role', async () => {
    const autoMode = build(false);
    const res = await settle();
    const roles = of(res, 'aws:iam/role:Role');
    expect(roles.map((r) => [r.name, r.inputs.name])).toEqual([['auto-mode-node-role', 'shop-prod-eks-auto-node']]);
    expect(jsonInput<PolicyDocument>(roles[0]!, 'assumeRolePolicy')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const attachments = of(res, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map((r) => [r.name, r.inputs.role, r.inputs.policyArn]);
    const clusterRole = model.autoMode!.clusterRole!.name;
    expect(attachments).toEqual(
      expect.arrayContaining([
        ['auto-mode-node-role-amazoneksworkernodeminimalpolicy', 'shop-prod-eks-auto-node', 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodeMinimalPolicy'],
        ['auto-mode-node-role-amazonec2containerregistrypullonly', 'shop-prod-eks-auto-node', 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly'],
        ...model.autoMode!.clusterRole!.policies.map((p) => [`auto-mode-cluster-role-${p.toLowerCase()}`, clusterRole, `arn:aws:iam::aws:policy/${p}`]),
      ]),
    );
    expect(attachments).toHaveLength(2 + model.autoMode!.clusterRole!.policies.length);
    expect(of(res, 'eks:index:Cluster')).toEqual([]);
    expect(res.some((r) => r.type === 'aws:eks/cluster:Cluster')).toBe(false);
    const command = await outputValue(autoMode.enableAutoModeCommand);
    expect(command).toContain(`nodeRoleArn=arn:aws:iam::${ACCOUNT_ID}:role/shop-prod-eks-auto-node,nodePools=general-purpose,system`);
    expect(command).toMatch(/^aws eks update-cluster-config --name shop-prod --compute-config enabled=true/);
    for (const r of roles) for (const v of actionsAndResources(jsonInput<PolicyDocument>(r, 'assumeRolePolicy'))) expect(v).not.toContain('*');
  });

  it('attaches to the cluster role only the policies the plan adds, and leaves them attached on destroy', async () => {
    const retained = new Map<string, boolean>();
    new AutoModeEnablement(
      'kept',
      { model: model.autoMode!, clusterName: 'shop-prod' },
      { transformations: [(a) => (retained.set(a.name, a.opts.retainOnDelete === true), undefined)] },
    );
    await settle();
    const clusterRole = [...retained].filter(([n]) => n.startsWith('kept-cluster-role-'));
    expect(clusterRole.map(([n]) => n).sort()).toEqual([
      'kept-cluster-role-amazoneksblockstoragepolicy',
      'kept-cluster-role-amazonekscomputepolicy',
      'kept-cluster-role-amazoneksloadbalancingpolicy',
      'kept-cluster-role-amazoneksnetworkingpolicy',
    ]);
    expect(clusterRole.every(([, kept]) => kept)).toBe(true);
    expect(retained.get('kept-node-role-amazoneksworkernodeminimalpolicy')).toBe(false);
  });

  it("applies the NodePools, NodeClass, IngressClass and log agent through the cluster's provider", async () => {
    build(false);
    const res = await settle();
    const k8s = res.filter((r) => r.type.startsWith('kubernetes:'));
    const types = new Set(k8s.map((r) => r.type));
    for (const t of [
      'kubernetes:karpenter.sh/v1:NodePool',
      'kubernetes:eks.amazonaws.com/v1:NodeClass',
      'kubernetes:eks.amazonaws.com/v1:IngressClassParams',
      'kubernetes:networking.k8s.io/v1:IngressClass',
      'kubernetes:apps/v1:DaemonSet',
      'kubernetes:core/v1:Namespace',
    ])
      expect(types).toContain(t);
    for (const r of k8s) expect(r.provider).toMatch(/pulumi:providers:kubernetes::kubernetes::kubernetes_id$/);
    expect(k8s).toHaveLength(model.kubernetes.length);
    const spot = k8s.find((r) => r.name === 'nodepool-spot')!;
    expect(spot.inputs.spec?.template?.spec?.requirements).toContainEqual({ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] });
    expect(spot.inputs.spec?.template?.spec?.nodeClassRef).toEqual({ group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'default' });
    for (const r of k8s) expect(schemaErrors(r.inputs)).toEqual([]);
    const providerRes = res.find((r) => r.type === 'pulumi:providers:kubernetes')!;
    const kubeconfig = jsonInput<Kubeconfig>(providerRes, 'kubeconfig');
    expect(kubeconfig.clusters[0]?.cluster.server).toBe('https://shop-prod.example.eks.amazonaws.com');
    expect(kubeconfig.users[0]?.user.exec.args).toEqual(['eks', 'get-token', '--cluster-name', 'shop-prod', '--region', REGION, '--output', 'json']);
  });

  it('builds a new Auto Mode cluster for blue/green, with API authentication and the NodeClasses pointed at it', async () => {
    build(true);
    const res = await settle();
    const [cluster] = of(res, 'eks:index:Cluster');
    expect(cluster!.name).toBe('auto-mode-cluster');
    expect(cluster!.inputs).toMatchObject({
      name: 'shop-prod-auto',
      vpcId: 'vpc-1',
      privateSubnetIds: ['subnet-a', 'subnet-b'],
      authenticationMode: 'API',
      endpointPrivateAccess: true,
      autoMode: {
        enabled: true,
        createNodeRole: false,
        computeConfig: { nodePools: ['general-purpose', 'system'], nodeRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/shop-prod-eks-auto-node` },
      },
    });
    expect(cluster!.inputs.publicSubnetIds).toBeUndefined();
    // Private API endpoint unless ranges are given: EKS would otherwise open it to 0.0.0.0/0.
    expect(cluster!.inputs.endpointPublicAccess).toBe(false);
    expect(cluster!.inputs.publicAccessCidrs).toBeUndefined();
    // The new cluster brings its own role with the Auto Mode policies: the old cluster role is left alone.
    expect(of(res, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map((r) => r.inputs.role)).toEqual([
      'shop-prod-eks-auto-node',
      'shop-prod-eks-auto-node',
    ]);
    const nodeClasses = of(res, 'kubernetes:eks.amazonaws.com/v1:NodeClass');
    expect(nodeClasses.length).toBeGreaterThan(0);
    for (const nc of nodeClasses) {
      expect(nc.inputs.spec?.role).toBe('shop-prod-eks-auto-node');
      expect(nc.inputs.spec?.securityGroupSelectorTerms).toEqual([{ id: 'sg-0123456789abcdef0' }]);
      expect(schemaErrors(nc.inputs)).toEqual([]);
    }
    expect(
      jsonInput<Kubeconfig>(
        res.find((r) => r.type === 'pulumi:providers:kubernetes')!,
        'kubeconfig',
      ).clusters[0]?.name,
    ).toBe('shop-prod-auto');
  });

  it("opens the new cluster's public endpoint only to the address ranges it is given", async () => {
    build(true, ['203.0.113.0/24']);
    const [cluster] = of(await settle(), 'eks:index:Cluster');
    expect(cluster!.inputs).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] });
  });

  it('registers the same resources on every run', async () => {
    build(false);
    const first = (await settle()).map((r) => `${r.type}::${r.name}`);
    clearRegistered();
    build(false);
    const second = (await settle()).map((r) => `${r.type}::${r.name}`);
    expect(second.sort()).toEqual(first.sort());
    expect(new Set(first).size).toBe(first.length);
  });
});
