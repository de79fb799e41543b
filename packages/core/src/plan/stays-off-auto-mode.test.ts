import { describe, expect, it } from 'vitest';
import { remediationOf } from '@modeshift/plan';
import { buildPlan } from './build-plan.js';
import { simulate } from '../simulate/replay.js';
import { aCluster, aFargateProfile, anInventory, aWorkload, contextFor, runRule } from '../testing/builders.js';
import { aNodegroup } from '../testing/aws-objects.js';
import { aSecurityGroupPolicy } from '../testing/kube-objects.js';
import { autoModeSecurityGroupPolicyRule } from '../rules/pod-security-groups/auto-mode-security-group-policy.js';

// Fargate runs shop and CoreDNS; the ledger namespace runs on the node group `system` and stays there.
const web = aWorkload({ name: 'web', namespace: 'shop' });
const coredns = aWorkload({ name: 'coredns', namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } });
const ledger = aWorkload({ name: 'ledger', namespace: 'ledger', podLabels: { app: 'ledger' } });
const ledgerGroups = aSecurityGroupPolicy('ledger', ['sg-0a9d3f5b7c1e2468a'], { pods: { matchLabels: { app: 'ledger' } } }, { namespace: 'ledger' });

const inventory = anInventory({
  cluster: aCluster({ version: '1.31' }),
  fargateProfiles: [
    aFargateProfile('apps', [{ namespace: 'shop' }]),
    aFargateProfile('kube-system', [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }]),
  ],
  nodegroups: [aNodegroup('system')],
  workloads: [web, coredns, ledger],
  securityGroupPolicies: [ledgerGroups],
});
const ctx = () => contextFor(inventory, 'auto-mode');
const stepsOf = (plan: ReturnType<typeof buildPlan>) => plan.stages.flatMap((s) => s.steps);

describe('workloads that stay outside Auto Mode', () => {
  it('pins a node group workload with pod security groups to its node group', () => {
    const pin = runRule(autoModeSecurityGroupPolicyRule, inventory, { target: 'auto-mode' }).find((f) => f.resource?.name === 'ledger');
    expect(pin).toMatchObject({
      severity: 'change',
      action: { type: 'workload', edits: [{ op: 'set-node-selector', key: 'eks.amazonaws.com/nodegroup', value: 'system' }] },
    });
    expect(pin?.message).toContain('stays on node group system');
  });

  it('are pinned before Auto Mode is enabled, so no restart lands them on a node without their security groups', () => {
    const plan = buildPlan(ctx());
    const ids = stepsOf(plan).map((s) => s.id);
    expect(ids.indexOf('capacity/pin-to-node-groups')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('capacity/pin-to-node-groups')).toBeLessThan(ids.indexOf('capacity/enable-auto-mode'));
    expect(stepsOf(plan).find((s) => s.id === 'capacity/enable-auto-mode')?.dependsOn).toContain('capacity/pin-to-node-groups');
    expect(simulate(ctx(), plan).violations.filter((v) => v.invariant === 'security-groups')).toEqual([]);
  });

  it('moves Fargate workloads to Auto Mode with a node selector, so the scheduler does not put them on the node group', () => {
    const plan = buildPlan(ctx());
    const wave = stepsOf(plan).find((s) => s.kind === 'wave' && s.workloads.includes(web.key));
    expect(wave?.commands).toContain(
      'kubectl patch deployment/web -n shop -p \'{"spec":{"template":{"metadata":{"annotations":{"eks.amazonaws.com/compute-type":"ec2"}},"spec":{"nodeSelector":{"eks.amazonaws.com/compute-type":"auto"}}}}}\'',
    );
    expect(plan.findings.find((f) => f.id === `auto-mode-compute-type-annotation:${web.key}`)?.message).toContain('node group system could take its pods');
    expect(simulate(ctx(), plan).violations).toEqual([]);
  });

  it('keep CoreDNS: moved off Fargate by a rolling update before its profile is deleted, never scaled to 0', () => {
    const plan = buildPlan(ctx());
    const steps = stepsOf(plan);
    const ids = steps.map((s) => s.id);
    const step = steps.find((s) => s.id === 'decommission/move-coredns');
    expect(ids).not.toContain('decommission/scale-coredns');
    expect(step?.commands).toEqual([
      'kubectl patch deployment/coredns -n kube-system -p \'{"spec":{"template":{"metadata":{"annotations":{"eks.amazonaws.com/compute-type":"ec2"}}}}}\'',
      'kubectl rollout status deployment coredns -n kube-system --timeout=10m',
    ]);
    expect(step?.why).toContain('Deployment/ledger/ledger');
    // Deleting the kube-system profile stops every pod on it at once: CoreDNS has left it by then.
    expect(ids.indexOf('decommission/move-coredns')).toBeLessThan(ids.indexOf('decommission/delete-fargate-profiles'));
    expect(steps.find((s) => s.id === 'decommission/delete-fargate-profiles')?.dependsOn).toEqual(['decommission/move-coredns']);
    expect(plan.stages.flatMap((s) => s.steps).flatMap((s) => s.commands)).not.toContain('kubectl scale deployment coredns -n kube-system --replicas=0');
    // The finding the step answers does not tell the operator to scale it to 0 regardless.
    const finding = plan.findings.find((f) => step?.findings.includes(f.id));
    expect(finding && remediationOf(plan.rules, finding)).toContain('CoreDNS keeps its replicas');
    expect(simulate(ctx(), plan).violations).toEqual([]);
  });
});
