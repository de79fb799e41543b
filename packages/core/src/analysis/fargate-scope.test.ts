import { describe, expect, it } from 'vitest';
import { aDaemonSet, aFargateProfile, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { hostNeeds, observesNode } from './host-needs.js';
import { candidates, daemonSets, movingWorkloads, stayOn, stays, unprofiledNamespaces } from './fargate-scope.js';

describe('which workloads the Fargate rules judge', () => {
  const gpu = aWorkload({ name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });
  const onFargate = aWorkload({ namespace: 'done', name: 'already' });
  const coredns = aWorkload({ namespace: 'kube-system', name: 'coredns' });
  const ctx = contextFor(
    anAutoModeInventory([aWorkload({ name: 'web' }), gpu, onFargate, coredns, aDaemonSet({ name: 'agent' })], {
      fargateProfiles: [aFargateProfile('done', [{ namespace: 'done' }])],
    }),
    'fargate',
  );

  it('skips what already runs on Fargate and leaves CoreDNS to its own rule', () => {
    expect(candidates(ctx).map((w) => w.key)).toEqual(['Deployment/shop/infer', 'Deployment/shop/web']);
    expect(daemonSets(ctx).map((w) => w.key)).toEqual(['DaemonSet/monitoring/agent']);
  });

  it('moves only what runs on EC2 today with no blocker', () => {
    expect(movingWorkloads(ctx).map((w) => w.key)).toEqual(['Deployment/shop/web']);
    expect(stays(ctx, gpu)).toBe(true);
    expect(stayOn(ctx, gpu)).toBe('auto-mode');
    expect([...unprofiledNamespaces(ctx).keys()]).toEqual(['shop']);
  });
});

describe('what counts as needing the node', () => {
  it('treats runtime, kernel and host-root mounts as node access, and socket directories of an agent as not', () => {
    expect(
      [
        '/',
        '/proc',
        '/sys/fs/cgroup',
        '/var/run',
        '/var/run/docker.sock',
        '/run/containerd/containerd.sock',
        '/var/lib/kubelet/seccomp',
        '/var/log',
        '/var/log/pods',
      ].every(observesNode),
    ).toBe(true);
    expect(['/var/run/datadog', '/var/log/app', '/etc/ssl/certs', '/tmp'].some(observesNode)).toBe(false);
  });

  it('lists host namespaces and privilege', () => {
    expect(hostNeeds({ containers: [{ name: 'c', securityContext: { privileged: true } }], hostPID: true })).toEqual(['hostPID', 'privileged containers']);
  });
});
