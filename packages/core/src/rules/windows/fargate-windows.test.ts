import { describe, expect, it } from 'vitest';
import { aDaemonSet, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodegroup } from '../../testing/aws-objects.js';
import { fargateWindowsRule } from './fargate-windows.js';

const windowsNodes = aNodegroup('windows', { labels: { 'kubernetes.io/os': 'windows' }, amiType: 'WINDOWS_CORE_2022_x86_64' });

describe('fargate-windows', () => {
  it('keeps Windows pods on their managed node group: neither Fargate nor Auto Mode runs Windows', () => {
    const w = aWorkload({ name: 'sample-net', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' } } });
    const [f] = runRule(fargateWindowsRule, anAutoModeInventory([w], { nodegroups: [windowsNodes] }), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'windows', action: { type: 'stay', on: 'managed-nodes' } });
    expect(f?.message).toContain('Auto Mode only supports Linux');
    expect(f?.sources).toContain('https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html');
  });

  it('covers Windows DaemonSets and HostProcess containers too', () => {
    const ds = aDaemonSet({
      name: 'cwagent-win',
      spec: { nodeSelector: { 'kubernetes.io/os': 'windows' }, securityContext: { windowsOptions: { hostProcess: true } } },
    });
    const findings = runRule(fargateWindowsRule, anAutoModeInventory([ds], { nodegroups: [windowsNodes] }), { target: 'fargate' });
    expect(findings.map((f) => f.id)).toEqual(['fargate-windows:DaemonSet/monitoring/cwagent-win']);
  });

  it('passes Linux pods', () => {
    expect(
      runRule(fargateWindowsRule, anAutoModeInventory([aWorkload({ spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } })]), { target: 'fargate' }),
    ).toEqual([]);
  });
});
