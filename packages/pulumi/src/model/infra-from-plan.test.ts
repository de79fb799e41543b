import { describe, expect, it } from 'vitest';
import { examplePlan } from '../testing/examples.js';
import { infraFromPlan } from './infra-from-plan.js';
import type { Plan, Step } from '../plan/index.js';
import { aBlocker, aPlan, aStep } from '../testing/plans.js';

/** The fields of the generated NodePools and NodeClasses these tests read. */
interface PoolOrClass {
  metadata: { name: string };
  spec: {
    template: { spec: { requirements: unknown[]; taints: { key: string }[]; nodeClassRef: unknown } };
    podSecurityGroupSelectorTerms?: unknown[];
    role: string;
  };
}

const kinds = (plan: Plan) => infraFromPlan(plan).kubernetes.map((o) => `${String(o.object['kind'])}/${(o.object['metadata'] as { name: string }).name}`);

describe('infraFromPlan: fargate-to-auto-mode', () => {
  const plan = examplePlan('fargate-to-auto-mode');
  const model = infraFromPlan(plan);

  it('collects the Auto Mode IAM from the plan, with the names its commands use', () => {
    const a = model.autoMode!;
    const roleInCommands = /--role-name (\S+)/.exec(plan.stages[0]!.steps.find((x) => x.id === 'prerequisites/cluster-role-policies')!.commands[0]!)![1];
    expect(a.clusterRole).toEqual({
      name: roleInCommands,
      policies: ['AmazonEKSBlockStoragePolicy', 'AmazonEKSComputePolicy', 'AmazonEKSLoadBalancingPolicy', 'AmazonEKSNetworkingPolicy'],
      stepId: 'prerequisites/cluster-role-policies',
    });
    expect(a.nodeRole).toEqual({
      name: 'shop-prod-eks-auto-node',
      policies: ['AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly'],
      stepId: 'capacity/enable-auto-mode',
    });
    expect(a.enable?.nodePools).toEqual(['general-purpose', 'system']);
    expect(a.enable?.command).toMatch(/^aws eks update-cluster-config --name \S+ --compute-config enabled=true,nodeRoleArn=/);
    expect(a.authenticationMode).toMatchObject({ mode: 'API_AND_CONFIG_MAP', stepId: 'prerequisites/authentication-mode' });
    expect(model.fargate).toBeNull();
  });

  it('takes the Kubernetes objects of capacity, node-agent and security-group steps, and no IAM documents', () => {
    const k = kinds(plan);
    expect(k).toEqual(expect.arrayContaining(['NodePool/spot', 'DaemonSet/fluent-bit']));
    expect(k.filter((x) => /^(IngressClass|IngressClassParams|NodeClass)\//.test(x)).length).toBeGreaterThanOrEqual(3);
    expect(k.some((x) => x.startsWith('Ingress/') || x.startsWith('Service/'))).toBe(false); // wave objects follow DNS moves by hand
    expect(model.kubernetes.every((o) => o.object['Version'] === undefined)).toBe(true);
    expect(new Set(model.kubernetes.map((o) => o.logicalName)).size).toBe(model.kubernetes.length);
  });

  it('keeps the Spot pool and the security-group pool as the plan wrote them', () => {
    const spot = model.kubernetes.find((o) => o.logicalName === 'nodepool-spot')!.object as unknown as PoolOrClass;
    expect(spot.spec.template.spec.requirements).toContainEqual({ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] });
    expect(spot.spec.template.spec.taints).toEqual([{ effect: 'NoSchedule', key: 'modeshift.io/spot', value: 'true' }]);
    const sg = model.kubernetes.find((o) => o.object['kind'] === 'NodeClass' && (o.object as unknown as PoolOrClass).spec.podSecurityGroupSelectorTerms)!
      .object as unknown as PoolOrClass;
    expect(sg.spec.podSecurityGroupSelectorTerms?.length).toBeGreaterThan(0);
    expect(sg.spec.role).toBe(model.autoMode!.nodeRole!.name);
    const sgPool = model.kubernetes.find((o) => o.object['kind'] === 'NodePool' && (o.object as unknown as PoolOrClass).metadata.name === sg.metadata.name)!
      .object as unknown as PoolOrClass;
    expect(sgPool.spec.template.spec.nodeClassRef).toEqual({ group: 'eks.amazonaws.com', kind: 'NodeClass', name: sg.metadata.name });
    expect(sgPool.spec.template.spec.taints[0]?.key).toBe('modeshift.io/security-groups');
  });

  it('says which steps are the stack and which stay commands', () => {
    const by = Object.fromEntries(model.steps.map((s) => [s.stepId, s.coverage]));
    expect(by['capacity/node-pool-spot']).toBe('stack');
    expect(by['capacity/enable-auto-mode']).toBe('stack-and-commands');
    expect(by['prerequisites/authentication-mode']).toBe('commands');
    expect(by['decommission/delete-fargate-profiles']).toBe('commands');
    expect(model.steps.find((s) => s.stepId === 'capacity/enable-auto-mode')!.commands[0]).toMatch(/^update_id=\$\(aws eks update-cluster-config/);
    expect(model.leftOut).toEqual([]);
  });

  it('is the same model every time (stable names)', () => {
    expect(infraFromPlan(examplePlan('fargate-to-auto-mode'))).toEqual(model);
  });
});

describe('infraFromPlan: auto-mode-to-fargate', () => {
  const plan = examplePlan('auto-mode-to-fargate');
  const model = infraFromPlan(plan);

  it('creates the pod execution role and a profile per moving namespace, plus kube-system for CoreDNS and one for the load balancer controller', () => {
    const f = model.fargate!;
    expect(f.podExecutionRole).toEqual({
      name: 'retail-platform-fargate-pod-execution',
      policy: 'AmazonEKSFargatePodExecutionRolePolicy',
      stepId: 'prerequisites/pod-execution-role',
    });
    expect(f.profiles.map((p) => p.name).sort()).toEqual(['aws-load-balancer-controller', 'kube-system', 'modeshift-api', 'modeshift-web']);
    expect(f.profiles.find((p) => p.name === 'aws-load-balancer-controller')!.selectors).toEqual([
      { namespace: 'kube-system', labels: { 'app.kubernetes.io/name': 'aws-load-balancer-controller' } },
    ]);
    expect(f.profiles.find((p) => p.name === 'kube-system')!.selectors).toEqual([{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }]);
    const planned = plan.stages
      .flatMap((x) => x.steps)
      .flatMap((x) => x.infrastructure)
      .flatMap((i) => (i.kind === 'fargate-profile' ? i.subnets : []));
    for (const p of f.profiles) {
      expect(p.selectors.length).toBeLessThanOrEqual(5);
      expect(p.subnets!.length).toBeGreaterThan(0);
      for (const subnet of p.subnets!) expect(planned).toContain(subnet);
    }
    expect(model.autoMode).toBeNull();
  });

  it('builds nothing for the workloads the plan keeps, and says why', () => {
    const staying = plan.workloads.filter((w) => w.outcome === 'stays').map((w) => w.workload);
    expect(staying.length).toBeGreaterThan(0);
    const onlyStaying = [...new Set(staying.map((w) => w.split('/')[1]!))].filter((ns) =>
      plan.workloads.every((w) => w.workload.split('/')[1] !== ns || w.outcome === 'stays'),
    );
    const namespaces = model.fargate!.profiles.flatMap((p) => p.selectors.map((s) => s.namespace));
    for (const ns of onlyStaying) expect(namespaces).not.toContain(ns);
    expect(model.kubernetes.some((o) => onlyStaying.includes(String((o.object['metadata'] as { namespace?: string }).namespace)))).toBe(false);
    expect(model.leftOut.map((l) => l.subject)).toEqual(expect.arrayContaining(staying));
    expect(model.leftOut.find((l) => l.subject === 'Deployment/ml/vllm-deepseek')!.reason).toMatch(/nvidia\.com\/gpu/);
  });

  it('takes the aws-logging objects and leaves the SecurityGroupPolicy to the wave that moves its pods', () => {
    // Applied at `pulumi up`, the policy would select pods still on Auto Mode, where below 1.36 they would stay Pending.
    expect(kinds(plan)).toEqual(expect.arrayContaining(['Namespace/aws-observability', 'ConfigMap/aws-logging']));
    expect(kinds(plan).filter((k) => k.startsWith('SecurityGroupPolicy/'))).toEqual([]);
  });
});

const syntheticPlan = (steps: Step[], workloads: Plan['workloads'] = [], findings: Plan['findings'] = []): Plan =>
  aPlan('fargate', steps, { from: 'auto-mode', workloads, findings });

describe('infraFromPlan: edge cases', () => {
  it('splits profiles with more than 5 selectors and drops namespaces where everything stays', () => {
    const selectors = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'blocked'].map((namespace) => ({ namespace, labels: {} }));
    const plan = syntheticPlan(
      [
        aStep('capacity/fargate-profile-big', [
          {
            kind: 'fargate-profile',
            request: { kind: 'fargate-profile', name: 'big', selectors },
            subnets: ['<private-subnet-ids>'],
            podExecutionRoleArn: 'arn:aws:iam::1:role/existing',
          },
        ]),
      ],
      [{ workload: 'Deployment/blocked/x', outcome: 'stays', from: 'Auto Mode', to: 'Fargate', findings: ['gpu:x'] }],
      [aBlocker('gpu:x', 'gpu', 'needs a GPU', { kind: 'Deployment', namespace: 'blocked', name: 'x' })],
    );
    const f = infraFromPlan(plan).fargate!;
    expect(f.profiles.map((p) => [p.name, p.selectors.length])).toEqual([
      ['big', 5],
      ['big-2', 2],
    ]);
    expect(f.profiles.every((p) => p.subnets === null)).toBe(true);
    expect(f.existingPodExecutionRoleArn).toBe('arn:aws:iam::1:role/existing');
    expect(infraFromPlan(plan).leftOut.map((l) => l.subject)).toContain('Fargate profile big, selector namespace=blocked');
  });

  it('leaves out steps that only answer blockers, and reports conflicting objects', () => {
    const pool = (cpu: string) => ({
      file: 'p.yaml',
      object: { apiVersion: 'karpenter.sh/v1', kind: 'NodePool', metadata: { name: 'p' }, spec: { limits: { cpu } } },
    });
    const plan = syntheticPlan(
      [
        aStep('capacity/a', [], { manifests: [pool('1')] }),
        aStep('capacity/b', [], { manifests: [pool('2')] }),
        aStep('capacity/gpu', [], {
          findings: ['gpu:x'],
          manifests: [{ file: 'g.yaml', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'g', namespace: 'n' } } }],
        }),
      ],
      [],
      [aBlocker('gpu:x', 'gpu', 'needs a GPU')],
    );
    const model = infraFromPlan(plan);
    expect(model.kubernetes.map((o) => o.logicalName)).toEqual(['nodepool-p']);
    expect(model.leftOut.map((l) => l.subject)).toEqual(['step capacity/gpu', 'NodePool p']);
    expect(model.steps.find((s) => s.stepId === 'capacity/gpu')!.coverage).toBe('left-out');
  });

  it('lists placeholders left in objects and builds access entries', () => {
    const plan = syntheticPlan([
      aStep('capacity/x', [{ kind: 'access-entry', type: 'EC2', policy: 'AmazonEKSAutoNodePolicy' }], {
        manifests: [
          {
            file: 'nc.yaml',
            object: {
              apiVersion: 'eks.amazonaws.com/v1',
              kind: 'NodeClass',
              metadata: { name: 'x' },
              spec: { securityGroupSelectorTerms: [{ id: '<cluster-security-group-id>' }] },
            },
          },
        ],
      }),
    ]);
    const model = infraFromPlan(plan);
    expect(model.placeholders).toEqual(['<cluster-security-group-id>']);
    expect(model.autoMode!.accessEntries).toEqual([{ type: 'EC2', policy: 'AmazonEKSAutoNodePolicy', stepId: 'capacity/x' }]);
  });
});
