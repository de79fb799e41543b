import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aDaemonSet, aManagedNodeGroup, planToFargate } from '../../testing/builders-fargate.js';
import { fargateWindowsRule } from './fargate-windows.js';

const windowsNodes = aManagedNodeGroup('windows', { 'kubernetes.io/os': 'windows' }, 'WINDOWS_CORE_2022_x86_64');

describe('fargate-windows', () => {
  it('keeps Windows pods on their managed node group: neither Fargate nor Auto Mode runs Windows', () => {
    const w = aWorkload({ name: 'sample-net', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' } } });
    const [f] = planToFargate([w], [fargateWindowsRule], { nodegroups: [windowsNodes] });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'windows', action: { type: 'stay', on: 'managed-nodes' } });
    expect(f?.message).toContain('Auto Mode only supports Linux');
    expect(f?.sources).toContain('https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html');
  });

  it('covers Windows DaemonSets and HostProcess containers too', () => {
    const ds = aDaemonSet({ name: 'cwagent-win', spec: { nodeSelector: { 'kubernetes.io/os': 'windows' }, securityContext: { windowsOptions: { hostProcess: true } } } });
    const findings = planToFargate([ds], [fargateWindowsRule], { nodegroups: [windowsNodes] });
    expect(findings.map((f) => f.id)).toEqual(['fargate-windows:DaemonSet/monitoring/cwagent-win']);
  });

  it('passes Linux pods', () => {
    expect(planToFargate([aWorkload({ spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } })], [fargateWindowsRule])).toEqual([]);
  });
});
