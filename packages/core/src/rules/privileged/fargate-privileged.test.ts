import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargatePrivilegedRule } from './fargate-privileged.js';

describe('fargate-privileged', () => {
  it('blocks privileged containers, init containers included', () => {
    const w = aWorkload({ name: 'tuner', spec: { initContainers: [{ name: 'sysctl', image: 'busybox', securityContext: { privileged: true } }] } });
    const [f] = runRule(fargatePrivilegedRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'privileged', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('sysctl');
  });

  it('removes added capabilities as a change, without claiming an allow-list', () => {
    const w = aWorkload({
      name: 'ui',
      containers: [{ name: 'ui', image: 'ui', securityContext: { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } }],
    });
    const [f] = runRule(fargatePrivilegedRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'change', action: { type: 'workload', edits: [{ op: 'remove-added-capabilities', container: 'ui' }] } });
    expect(f?.message).toContain('AWS documents no list');
  });

  it('blocks an init container whose iptables command needs the NET_ADMIN it adds, instead of removing it', () => {
    const redirect = {
      name: 'egress-redirect',
      image: 'alpine',
      command: ['/bin/sh', '-c', 'apk add iptables && iptables -t nat -A OUTPUT -p tcp --dport 443 -j DNAT --to-destination 10.0.0.1:3128'],
      securityContext: { capabilities: { add: ['NET_ADMIN'] } },
    };
    const w = aWorkload({ name: 'pricing', spec: { initContainers: [redirect] } });
    const findings = runRule(fargatePrivilegedRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'blocker', action: { type: 'stay', on: 'auto-mode' } });
    expect(findings[0]?.message).toContain('egress-redirect runs iptables, which needs NET_ADMIN');
    expect(findings[0]?.remediation).toContain('HTTPS_PROXY');
  });

  it('blocks a container that changes routes with ip route add under NET_ADMIN, but not one that only reads them', () => {
    const routes = (cmd: string) =>
      aWorkload({ containers: [{ name: 'c', image: 'c', args: ['sh', '-c', cmd], securityContext: { capabilities: { add: ['CAP_NET_ADMIN'] } } }] });
    expect(runRule(fargatePrivilegedRule, anAutoModeInventory([routes('ip route add 10.0.0.0/8 via 10.1.0.1')]), { target: 'fargate' })[0]?.severity).toBe(
      'blocker',
    );
    expect(runRule(fargatePrivilegedRule, anAutoModeInventory([routes('ip route show')]), { target: 'fargate' })[0]?.severity).toBe('change');
  });

  it('passes containers that only drop capabilities', () => {
    const w = aWorkload({ containers: [{ name: 'c', securityContext: { privileged: false, capabilities: { drop: ['ALL'] } } }] });
    expect(runRule(fargatePrivilegedRule, anAutoModeInventory([w]), { target: 'fargate' })).toEqual([]);
  });
});
