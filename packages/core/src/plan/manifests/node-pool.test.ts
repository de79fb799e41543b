import { describe, expect, it } from 'vitest';
import type { CapacityRequest } from '@modeshift/plan';
import { validateAgainstCrd } from '../../testing/index.js';
import { nodePoolManifest } from './node-pool.js';

type Req = Extract<CapacityRequest, { kind: 'node-pool' }>;
const CRD = 'karpenter.sh_nodepools.yaml';

function req(overrides: Partial<Req> = {}): Req {
  return { kind: 'node-pool', name: 'general', purpose: 'general', requirements: [], taints: [], podSecurityGroupIds: [], limits: {}, ...overrides };
}

const REQUESTS: Req[] = [
  req(),
  req({ name: 'spot', purpose: 'spot', requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] }] }),
  req({
    name: 'gpu',
    purpose: 'gpu',
    requirements: [
      { key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['g5', 'g6', 'g6e'] },
      { key: 'eks.amazonaws.com/instance-gpu-count', operator: 'Exists', values: [] },
    ],
    taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }],
    limits: { 'nvidia.com/gpu': '8' },
  }),
  req({
    name: 'neuron',
    purpose: 'neuron',
    requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['inf2'] }],
    taints: [{ key: 'aws.amazon.com/neuron', effect: 'NoSchedule' }],
  }),
  req({ name: 'arm64', purpose: 'arm64', requirements: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] }),
  // The shape the planner builds for pod security groups (stage-security-groups.ts).
  req({
    name: 'sg-1a2b3c4d',
    purpose: 'security-groups',
    requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }],
    taints: [{ key: 'modeshift.io/security-groups', value: '1a2b3c4d', effect: 'NoSchedule' }],
    podSecurityGroupIds: ['sg-0123456789abcdef0'],
  }),
];

type Pool = {
  metadata: { name: string; labels: Record<string, string> };
  spec: {
    limits: Record<string, string>;
    disruption: Record<string, unknown>;
    template: {
      spec: {
        nodeClassRef: Record<string, string>;
        requirements: { key: string; operator: string; values?: string[] }[];
        taints?: unknown[];
        expireAfter: string;
      };
    };
  };
};
const build = (r: Req, nodeClass = 'default'): Pool => nodePoolManifest(r, nodeClass) as unknown as Pool;
const keys = (p: Pool): string[] => p.spec.template.spec.requirements.map((r) => r.key);

describe('nodePoolManifest', () => {
  it.each(REQUESTS.map((r) => [r.purpose, r] as const))('emits a %s pool the karpenter.sh/v1 CRD accepts', (_purpose, r) => {
    expect(validateAgainstCrd(nodePoolManifest(r, 'default'), CRD)).toEqual([]);
  });

  it('references the Auto Mode NodeClass and labels the pool as modeshift-managed', () => {
    const pool = build(req({ name: 'gpu' }), 'gpu-class');
    expect(pool.metadata).toEqual({ name: 'gpu', labels: { 'app.kubernetes.io/managed-by': 'modeshift' } });
    expect(pool.spec.template.spec.nodeClassRef).toEqual({ group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'gpu-class' });
    expect(pool.spec.template.spec.expireAfter).toBe('336h');
  });

  it('pins capacity type, arch and the built-in guardrails on a general pool, never kubernetes.io/os', () => {
    const reqs = build(req()).spec.template.spec.requirements;
    expect(reqs).toEqual([
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
      { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
      { key: 'eks.amazonaws.com/instance-generation', operator: 'Gt', values: ['4'] },
    ]);
    for (const r of REQUESTS) expect(keys(build(r))).not.toContain('kubernetes.io/os');
  });

  it("keeps the request's own choices instead of adding defaults over them", () => {
    expect(build(REQUESTS[1]!).spec.template.spec.requirements.filter((r) => r.key === 'karpenter.sh/capacity-type')).toEqual([
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
    ]);
    const arm = build(REQUESTS[4]!).spec.template.spec.requirements.filter((r) => r.key === 'kubernetes.io/arch');
    expect(arm).toEqual([{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }]);
  });

  it('leaves instance category and generation to accelerated pools (g4dn is generation 4) but still pins amd64', () => {
    const gpu = build(REQUESTS[2]!);
    expect(keys(gpu)).not.toContain('eks.amazonaws.com/instance-category');
    expect(keys(gpu)).not.toContain('eks.amazonaws.com/instance-generation');
    expect(keys(gpu)).toContain('kubernetes.io/arch');
    // Exists carries no values: the CRD forbids them.
    expect(gpu.spec.template.spec.requirements).toContainEqual({ key: 'eks.amazonaws.com/instance-gpu-count', operator: 'Exists' });
  });

  it('omits taints when there are none and keeps them otherwise', () => {
    expect(build(req()).spec.template.spec).not.toHaveProperty('taints');
    expect(build(REQUESTS[5]!).spec.template.spec.taints).toEqual([{ key: 'modeshift.io/security-groups', value: '1a2b3c4d', effect: 'NoSchedule' }]);
  });

  it('adds a runaway cpu/memory limit that the request can raise, with keys sorted', () => {
    expect(build(req()).spec.limits).toEqual({ cpu: '1000', memory: '1000Gi' });
    const gpu = build(req({ limits: { 'nvidia.com/gpu': '8', cpu: '64' } })).spec.limits;
    expect(gpu).toEqual({ cpu: '64', memory: '1000Gi', 'nvidia.com/gpu': '8' });
    expect(Object.keys(gpu)).toEqual(['cpu', 'memory', 'nvidia.com/gpu']);
  });

  it('consolidates underutilised nodes, more patiently for accelerated pools', () => {
    expect(build(req()).spec.disruption).toEqual({ consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '5m', budgets: [{ nodes: '10%' }] });
    expect(build(REQUESTS[2]!).spec.disruption['consolidateAfter']).toBe('15m');
  });

  it('is deterministic: same request, same object and bytes', () => {
    for (const r of REQUESTS) {
      const a = nodePoolManifest(r, 'default');
      const b = nodePoolManifest(structuredClone(r), 'default');
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });
});

describe('the NodePool validator bites', () => {
  const valid = (): Pool => structuredClone(build(req()));

  it('rejects a NodePool without requirements', () => {
    const pool = valid() as unknown as { spec: { template: { spec: Record<string, unknown> } } };
    delete pool.spec.template.spec['requirements'];
    expect(validateAgainstCrd(pool, CRD).join('\n')).toMatch(/must have required property 'requirements'/);
  });

  it('rejects an unknown operator, a bad duration and a misplaced field', () => {
    const pool = valid();
    pool.spec.template.spec.requirements[0]!.operator = 'Within';
    pool.spec.template.spec.expireAfter = '14 days';
    (pool.spec.template.spec as Record<string, unknown>)['nodeClass'] = 'default';
    const errors = validateAgainstCrd(pool, CRD).join('\n');
    expect(errors).toContain('/spec/template/spec/requirements/0/operator: must be equal to one of the allowed values');
    expect(errors).toContain('/spec/template/spec/expireAfter: must match pattern');
    expect(errors).toContain('(nodeClass)');
  });
});
