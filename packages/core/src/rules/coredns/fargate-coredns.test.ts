import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateCorednsRule } from './fargate-coredns.js';

const coredns = (annotations = {}) =>
  aWorkload({
    namespace: 'kube-system',
    name: 'coredns',
    podLabels: { 'k8s-app': 'kube-dns' },
    podAnnotations: annotations,
    spec: { tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }] },
  });

describe('fargate-coredns', () => {
  it('asks for CoreDNS on Fargate, on the Deployment when it is in the inventory', () => {
    const [f] = runRule(fargateCorednsRule, anAutoModeInventory([aWorkload(), coredns({ 'eks.amazonaws.com/compute-type': 'ec2' })]), { target: 'fargate' });
    expect(f).toMatchObject({
      id: 'fargate-coredns:Deployment/kube-system/coredns',
      severity: 'change',
      capability: 'coredns',
      action: { type: 'capacity', request: { kind: 'coredns-on-fargate' } },
    });
    expect(f?.remediation).toContain('remove the eks.amazonaws.com/compute-type annotation');
  });

  it('is cluster-level when CoreDNS is not in the inventory', () => {
    expect(runRule(fargateCorednsRule, anAutoModeInventory([aWorkload()]), { target: 'fargate' })[0]?.id).toBe('fargate-coredns:cluster');
  });

  it('passes when nothing moves', () => {
    expect(runRule(fargateCorednsRule, anAutoModeInventory([coredns()]), { target: 'fargate' })).toEqual([]);
  });
});
