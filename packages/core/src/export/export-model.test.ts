import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Plan } from '@modeshift/plan';
import { buildPlan } from '../plan/build-plan.js';
import { aCluster, aFargateInventory, aFargateProfile, aWorkload, contextFor } from '../testing/builders.js';
import { buildExport } from './export-model.js';

function exportOf(names: { namespace: string; name: string }[], edit?: (plan: Plan) => void) {
  const inventory = aFargateInventory(
    names.map((n) => aWorkload(n)),
    { cluster: aCluster({ version: '1.31' }), fargateProfiles: [aFargateProfile('apps', [...new Set(names.map((n) => n.namespace))].map((namespace) => ({ namespace })))] },
  );
  const ctx = contextFor(inventory, 'auto-mode');
  const plan = buildPlan(ctx);
  edit?.(plan);
  return buildExport(ctx, plan);
}

describe('buildExport', () => {
  it('writes one overlay per wave over a base of the moving workloads, with a patch that targets each by kind, namespace and name', () => {
    const files = new Map(exportOf([{ namespace: 'shop', name: 'web' }]).map((f) => [f.path, f.content]));
    const kustomization = parse(files.get('waves/01-shop/kustomization.yaml')!);
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base/shop'],
      patches: [{ path: 'patches/deployment-web.yaml', target: { kind: 'Deployment', namespace: 'shop', name: 'web' } }],
    });
    expect(parse(files.get('waves/01-shop/patches/deployment-web.yaml')!)).toMatchObject({
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { template: { metadata: { annotations: { 'eks.amazonaws.com/compute-type': 'ec2' } } } },
    });
    expect(parse(files.get('base/shop/kustomization.yaml')!).resources).toEqual(['deployment-web.yaml']);
    expect(files.get('README.md')).toContain('| `waves/01-shop` | `waves/shop` |');
  });

  it('is deterministic and lists files by path', () => {
    const names = [{ namespace: 'b', name: 'x' }, { namespace: 'a', name: 'y' }];
    const first = exportOf(names);
    expect(exportOf(names)).toEqual(first);
    expect(first.map((f) => f.path)).toEqual([...first.map((f) => f.path)].sort());
  });

  it('keeps every path inside the export whatever the inventory and plan call things', () => {
    const files = exportOf([{ namespace: 'shop', name: 'web' }], (plan) => {
      const capacity = plan.stages.find((s) => s.id === 'capacity')!;
      capacity.steps[0]!.manifests.push({ file: '../../etc/passwd.yaml', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } });
    });
    for (const f of files) expect(f.path.split('/').every((part) => part !== '..' && part !== '.' && part !== '')).toBe(true);
    expect(files.some((f) => f.path.endsWith('/etc-passwd.yaml'))).toBe(true);
  });

  it('never writes a Secret, even one a step carries', () => {
    const files = exportOf([{ namespace: 'shop', name: 'web' }], (plan) => {
      const capacity = plan.stages.find((s) => s.id === 'capacity')!;
      capacity.steps[0]!.manifests.push({ file: 'token.yaml', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 't' }, data: { token: 'c2VjcmV0' } } });
    });
    expect(files.some((f) => f.content.includes('c2VjcmV0'))).toBe(false);
  });
});
