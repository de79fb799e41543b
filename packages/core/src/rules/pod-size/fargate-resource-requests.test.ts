import { describe, expect, it } from 'vitest';
import { aContainer, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateResourceRequestsRule } from './fargate-resource-requests.js';

describe('fargate-resource-requests', () => {
  it('proposes explicit requests equal to limits for containers without requests, with the Fargate size', () => {
    const w = aWorkload({ kind: 'StatefulSet', name: 'mysql', containers: [aContainer('mysql')] });
    const [f] = runRule(fargateResourceRequestsRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({
      id: 'fargate-resource-requests:StatefulSet/shop/mysql',
      severity: 'change',
      capability: 'pod-size',
      action: {
        type: 'workload',
        edits: [{ op: 'set-resources', container: 'mysql', requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '250m', memory: '256Mi' } }],
      },
    });
    expect(f?.message).toContain('0.25 vCPU / 0.5 GB');
    expect(f?.remediation).toContain('Fargate size with these values: 0.25 vCPU / 0.5 GB');
    expect(f?.remediation).toContain('requested CPU and memory must be equal to the limit');
  });

  it('keeps the values a container already has and fills only what is missing', () => {
    const w = aWorkload({
      containers: [
        aContainer('app', { requests: { cpu: '1' } }),
        aContainer('worker', { limits: { memory: '2Gi' } }),
        aContainer('ok', { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } }),
      ],
    });
    const f = runRule(fargateResourceRequestsRule, anAutoModeInventory([w]), { target: 'fargate' })[0];
    expect(f?.action).toEqual({
      type: 'workload',
      edits: [
        { op: 'set-resources', container: 'app', requests: { cpu: '1', memory: '256Mi' }, limits: { cpu: '1', memory: '256Mi' } },
        { op: 'set-resources', container: 'worker', requests: { cpu: '250m', memory: '2Gi' }, limits: { cpu: '250m', memory: '2Gi' } },
      ],
    });
  });

  it('is advisory when limits reach beyond the VM that requests buy, with the size either way', () => {
    const w = aWorkload({
      name: 'api',
      containers: [aContainer('server', { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '2Gi' } })],
    });
    const [f] = runRule(fargateResourceRequestsRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'advisory', action: { type: 'review' } });
    expect(f?.message).toContain('from its requests: 0.25 vCPU / 1 GB');
    expect(f?.message).toContain('1 vCPU / 3 GB if the requests matched them');
  });

  it('is advisory when a container has no limit: it can no longer use spare node capacity', () => {
    const w = aWorkload({ name: 'catalog', containers: [aContainer('catalog', { requests: { cpu: '128m', memory: '256Mi' }, limits: { memory: '256Mi' } })] });
    expect(runRule(fargateResourceRequestsRule, anAutoModeInventory([w]), { target: 'fargate' })[0]?.message).toContain('catalog sets no CPU or memory limit');
  });

  it('passes limits that fit inside the VM Fargate rounds up to', () => {
    const w = aWorkload({
      name: 'frontend',
      containers: [aContainer('server', { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } })],
    });
    expect(runRule(fargateResourceRequestsRule, anAutoModeInventory([w]), { target: 'fargate' })).toEqual([]);
  });

  it('mentions that native sidecar sizing on Fargate is undocumented', () => {
    const w = aWorkload({
      containers: [aContainer('app')],
      spec: { initContainers: [aContainer('proxy', { requests: { cpu: '100m', memory: '64Mi' }, restartPolicy: 'Always' })] },
    });
    expect(runRule(fargateResourceRequestsRule, anAutoModeInventory([w]), { target: 'fargate' })[0]?.message).toContain(
      'AWS does not document how Fargate sizes them',
    );
  });

  it('passes Guaranteed pods and ignores init containers without requests', () => {
    const w = aWorkload({ spec: { initContainers: [aContainer('wait')] } });
    expect(runRule(fargateResourceRequestsRule, anAutoModeInventory([w]), { target: 'fargate' })).toEqual([]);
  });
});
