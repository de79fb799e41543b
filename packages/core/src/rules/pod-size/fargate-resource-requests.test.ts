import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aContainer, planToFargate } from '../../testing/builders-fargate.js';
import { fargateResourceRequestsRule } from './fargate-resource-requests.js';

describe('fargate-resource-requests', () => {
  it('proposes explicit requests equal to limits for containers without requests, with the Fargate size', () => {
    const w = aWorkload({ kind: 'StatefulSet', name: 'mysql', containers: [aContainer('mysql')] });
    const [f] = planToFargate([w], [fargateResourceRequestsRule]);
    expect(f).toMatchObject({
      id: 'fargate-resource-requests:StatefulSet/shop/mysql',
      severity: 'change',
      capability: 'pod-size',
      action: { type: 'workload', edits: [{ op: 'set-resources', container: 'mysql', requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '250m', memory: '256Mi' } }] },
    });
    expect(f?.message).toContain('0.25 vCPU / 0.5 GB');
    expect(f?.remediation).toContain('Fargate size with these values: 0.25 vCPU / 0.5 GB');
    expect(f?.remediation).toContain('requested CPU and memory must be equal to the limit');
  });

  it('keeps the values a container already has and fills only what is missing', () => {
    const w = aWorkload({
      containers: [aContainer('app', { cpu: '1' }), aContainer('worker', undefined, { memory: '2Gi' }), aContainer('ok', { cpu: '100m', memory: '64Mi' }, { cpu: '100m', memory: '64Mi' })],
    });
    const f = planToFargate([w], [fargateResourceRequestsRule])[0];
    expect(f?.action).toEqual({
      type: 'workload',
      edits: [
        { op: 'set-resources', container: 'app', requests: { cpu: '1', memory: '256Mi' }, limits: { cpu: '1', memory: '256Mi' } },
        { op: 'set-resources', container: 'worker', requests: { cpu: '250m', memory: '2Gi' }, limits: { cpu: '250m', memory: '2Gi' } },
      ],
    });
  });

  it('is advisory when limits reach beyond the VM that requests buy, with the size either way', () => {
    const w = aWorkload({ name: 'api', containers: [aContainer('server', { cpu: '250m', memory: '512Mi' }, { cpu: '1', memory: '2Gi' })] });
    const [f] = planToFargate([w], [fargateResourceRequestsRule]);
    expect(f).toMatchObject({ severity: 'advisory', action: { type: 'review' } });
    expect(f?.message).toContain('from its requests: 0.25 vCPU / 1 GB');
    expect(f?.message).toContain('1 vCPU / 3 GB if the requests matched them');
  });

  it('is advisory when a container has no limit: it can no longer use spare node capacity', () => {
    const w = aWorkload({ name: 'catalog', containers: [aContainer('catalog', { cpu: '128m', memory: '256Mi' }, { memory: '256Mi' })] });
    expect(planToFargate([w], [fargateResourceRequestsRule])[0]?.message).toContain('catalog sets no CPU or memory limit');
  });

  it('passes limits that fit inside the VM Fargate rounds up to', () => {
    const w = aWorkload({ name: 'frontend', containers: [aContainer('server', { cpu: '100m', memory: '64Mi' }, { cpu: '200m', memory: '128Mi' })] });
    expect(planToFargate([w], [fargateResourceRequestsRule])).toEqual([]);
  });

  it('mentions that native sidecar sizing on Fargate is undocumented', () => {
    const w = aWorkload({ containers: [aContainer('app')], spec: { initContainers: [aContainer('proxy', { cpu: '100m', memory: '64Mi' }, undefined, { restartPolicy: 'Always' })] } });
    expect(planToFargate([w], [fargateResourceRequestsRule])[0]?.message).toContain('AWS does not document how Fargate sizes them');
  });

  it('passes Guaranteed pods and ignores init containers without requests', () => {
    const w = aWorkload({ spec: { initContainers: [aContainer('wait')] } });
    expect(planToFargate([w], [fargateResourceRequestsRule])).toEqual([]);
  });
});
