import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBash } from '../testing/bash.js';
import { clusterUpdate } from './wait-for-update.js';
import type { Plan, Step } from '@modeshift/plan';
import { aContainer, aFargateInventory, aFargateProfile, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aNodePool } from '../testing/kube-objects.js';
import { buildPlan } from './build-plan.js';
import { newAutoModeNodeRoleName } from './stage-capacity.js';

const steps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);
const step = (plan: Plan, id: string) => steps(plan).find((s) => s.id === id);

describe('verify commands that can pass', () => {
  const coredns = aWorkload({ namespace: 'kube-system', name: 'coredns', replicas: 3, podLabels: { 'k8s-app': 'kube-dns' } });
  const controller = aWorkload({ namespace: 'kube-system', name: 'aws-load-balancer-controller' });
  const report = aWorkload({ kind: 'CronJob', namespace: 'batch', name: 'nightly-report' });
  const toAuto = buildPlan(
    contextFor(
      aFargateInventory([coredns, controller, report], {
        fargateProfiles: [aFargateProfile('kube-system', [{ namespace: 'kube-system' }]), aFargateProfile('batch', [{ namespace: 'batch' }])],
      }),
      'auto-mode',
    ),
  );

  it('does not expect kube-system empty of Fargate pods while CoreDNS stays there by design', () => {
    const verify = step(toAuto, 'waves/kube-system')?.verify;
    expect(verify?.expect).not.toContain('none on fargate-ip');
    expect(verify?.expect).toContain('the pods of aws-load-balancer-controller Running on a node named i-…');
    expect(verify?.expect).toContain('coredns still on Fargate, as planned');
  });

  it('checks a CronJob by its template, not by pods that appear only at its next run', () => {
    const verify = step(toAuto, 'waves/batch')?.verify;
    expect(verify?.command).toContain('kubectl get cronjob nightly-report -n batch');
    expect(verify?.expect).toContain('no pod until its next scheduled run');
  });

  it('counts only running pods before the Fargate profiles go, and expects CoreDNS among them', () => {
    const verify = step(toAuto, 'verification/nothing-left-behind')?.verify;
    expect(verify?.command).toContain('--field-selector=status.phase=Running');
    expect(verify?.command).not.toContain('grep -c');
    expect(verify?.expect).toContain('only the CoreDNS pods');
  });

  it('scales CoreDNS back to the replicas the inventory shows, not a fixed number', () => {
    expect(step(toAuto, 'decommission/scale-coredns')?.rollback.commands).toEqual(['kubectl scale deployment coredns -n kube-system --replicas=3']);
  });

  const gpuJob = aWorkload({
    namespace: 'ml',
    name: 'infer',
    containers: [aContainer('main', { requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } })],
    spec: { nodeSelector: { 'karpenter.sh/nodepool': 'gpu' } },
  });
  const web = aWorkload({ namespace: 'web', name: 'web', spec: { nodeSelector: { 'karpenter.sh/nodepool': 'spot' } } });
  const dns = aWorkload({ namespace: 'kube-system', name: 'coredns', replicas: 0, podLabels: { 'k8s-app': 'kube-dns' } });
  const toFargate = buildPlan(
    contextFor(
      anAutoModeInventory([gpuJob, web, dns], {
        nodePools: [aNodePool('gpu', { requirements: [{ key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['g'] }] }), aNodePool('spot')],
      }),
      'fargate',
    ),
  );

  it('names the NodePools kept on purpose instead of expecting only the built-in pools', () => {
    const verify = step(toFargate, 'decommission/retire-node-pools')?.verify;
    expect(verify?.expect).not.toContain('only the built-in pools');
    expect(verify?.expect).toContain('gpu still listed');
  });

  it('rolls CoreDNS back with its replica count, which rollout undo does not restore', () => {
    expect(step(toFargate, 'capacity/coredns-on-fargate')?.rollback.commands).toEqual([
      'kubectl rollout undo deployment coredns -n kube-system',
      'kubectl scale deployment coredns -n kube-system --replicas=0',
    ]);
  });
});

describe('waiting on cluster updates', () => {
  /** The wait, run by bash against a stubbed AWS CLI whose describe-update answers `statuses` in turn. */
  function waitFor(statuses: string[]): { status: number; stdout: string; calls: number } {
    const [start, wait] = clusterUpdate('demo', 'aws eks update-cluster-config --name demo --access-config authenticationMode=API_AND_CONFIG_MAP');
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-update-'));
    writeFileSync(join(dir, 'statuses'), statuses.join('\n') + '\n');
    const stubs = [
      'sleep() { :; }',
      'aws() { case "$2" in update-cluster-config) echo abc-123 ;; *) echo call >> calls; [ "$6" = abc-123 ] || return 9; sed -n "$(wc -l < calls)p" statuses ;; esac; }',
    ];
    const run = runBash([...stubs, start!, wait!].join('\n'), { cwd: dir });
    return { status: run.status, stdout: run.stdout, calls: readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n').length };
  }

  it('polls the update by the id the update returned until it is no longer InProgress, and fails unless it succeeded', () => {
    expect(waitFor(['InProgress', 'InProgress', 'Successful'])).toEqual({ status: 0, stdout: 'update abc-123: Successful\n', calls: 3 });
    expect(waitFor(['InProgress', 'Failed'])).toMatchObject({ status: 1, stdout: 'update abc-123: Failed\n', calls: 2 });
  });

  it('waits on the update update-cluster-config started, not on cluster-active, which may return before it starts', () => {
    const plan = buildPlan(contextFor(aFargateInventory([aWorkload()]), 'auto-mode'));
    for (const id of ['prerequisites/authentication-mode', 'capacity/enable-auto-mode']) {
      const commands = step(plan, id)?.commands ?? [];
      if (!commands.some((c) => c.includes('update-cluster-config'))) continue;
      expect(commands.join('\n')).not.toContain('wait cluster-active');
      const update = commands.findIndex((c) => /^update_id=\$\(aws eks update-cluster-config .* --query update\.id --output text\)$/.test(c));
      expect(update).toBeGreaterThanOrEqual(0);
      expect(commands[update + 1]).toContain(
        'aws eks describe-update --name demo --update-id "${update_id:?the update did not start}" --query update.status --output text',
      );
      expect(commands.join('\n')).not.toContain('<update-id>');
    }
    expect(step(plan, 'capacity/enable-auto-mode')?.commands.join('\n')).toContain('describe-update');
  });
});

describe('the Auto Mode node role', () => {
  it('is named after the cluster, so an account that already has AmazonEKSAutoNodeRole does not make create-role fail', () => {
    const plan = buildPlan(contextFor(aFargateInventory([aWorkload()]), 'auto-mode'));
    const enable = step(plan, 'capacity/enable-auto-mode');
    expect(enable?.commands.join('\n')).not.toContain('AmazonEKSAutoNodeRole');
    expect(enable?.commands).toContain(
      'aws iam create-role --role-name demo-eks-auto-node --assume-role-policy-document file://auto-mode-node-role-trust.json',
    );
    expect(enable?.infrastructure).toContainEqual({ kind: 'auto-mode-node-role', roleName: 'demo-eks-auto-node' });
  });

  it('fits IAM’s 64-character limit for long cluster names', () => {
    expect(newAutoModeNodeRoleName('x'.repeat(100))).toHaveLength(64);
  });
});
