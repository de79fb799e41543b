import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/plan';
import { aCluster, aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aSecurityGroupPolicy } from '../testing/kube-objects.js';
import { buildPlan } from './build-plan.js';
import { validateAgainstCrd } from '../testing/schemas.js';

const wave = (plan: Plan, ns: string) => plan.stages.flatMap((s) => s.steps).find((s) => s.kind === 'wave' && s.namespaces.includes(ns))!;

function paymentsPlan(version: string): Plan {
  const api = aWorkload({ namespace: 'payments', name: 'api', podLabels: { app: 'api' } });
  const sgp = aSecurityGroupPolicy('api-sgs', ['sg-0123456789abcdef0'], { pods: { matchLabels: { app: 'api' } } }, { namespace: 'payments' });
  return buildPlan(contextFor(aFargateInventory([api], { cluster: aCluster({ version }), securityGroupPolicies: [sgp] }), 'auto-mode', version));
}

describe('a SecurityGroupPolicy whose pods move to Auto Mode', () => {
  it('is saved and deleted in the wave that moves its pods, before they restart, below Kubernetes 1.36', () => {
    const step = wave(paymentsPlan('1.32'), 'payments');
    const del = step.commands.indexOf('kubectl delete securitygrouppolicy api-sgs -n payments');
    expect(del).toBeGreaterThanOrEqual(0);
    expect(step.manifests).toEqual([
      {
        file: 'sgp-payments-api-sgs-before.yaml',
        object: {
          apiVersion: 'vpcresources.k8s.aws/v1beta1',
          kind: 'SecurityGroupPolicy',
          metadata: { name: 'api-sgs', namespace: 'payments' },
          spec: { podSelector: { matchLabels: { app: 'api' } }, securityGroups: { groupIds: ['sg-0123456789abcdef0'] } },
        },
      },
    ]);
    expect(validateAgainstCrd(step.manifests[0]!.object, 'vpcresources.k8s.aws_securitygrouppolicies.yaml')).toEqual([]);
    expect(del).toBeLessThan(step.commands.findIndex((c) => c.startsWith('kubectl patch deployment/api')));
    expect(step.verify.expect).toContain('SecurityGroupPolicy api-sgs deleted; no moved pod requests vpc.amazonaws.com/pod-eni');
    expect(step.rollback.commands[0]).toBe('kubectl apply -f sgp-payments-api-sgs-before.yaml');
  });

  it('stays on 1.36 or later, where Auto Mode applies it to the pods itself', () => {
    expect(wave(paymentsPlan('1.36'), 'payments').commands.join('\n')).not.toContain('securitygrouppolicy');
  });
});
