import { describe, expect, it } from 'vitest';
import { aDaemonSet, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aService } from '../../testing/kube-objects.js';
import { fargateHostNetworkRule } from './fargate-host-network.js';

const withHostPort = (name: string) =>
  aWorkload({ name, containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 8080, hostPort: 80, name: 'http' }] }] });

describe('fargate-host-network', () => {
  it('blocks hostNetwork and keeps the workload on Auto Mode', () => {
    const [f] = runRule(fargateHostNetworkRule, anAutoModeInventory([aWorkload({ name: 'edge', spec: { hostNetwork: true } })]), { target: 'fargate' });
    expect(f).toMatchObject({
      id: 'fargate-host-network:Deployment/shop/edge',
      severity: 'blocker',
      capability: 'host-network',
      action: { type: 'stay', on: 'auto-mode' },
    });
    expect(f?.message).toContain('hostNetwork');
  });

  it('removes a hostPort when a Service still reaches the container port', () => {
    const svc = aService('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
    const [f] = runRule(fargateHostNetworkRule, anAutoModeInventory([withHostPort('web')], { services: [svc] }), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'change', action: { type: 'workload', edits: [{ op: 'remove-host-ports', container: 'web' }] } });
  });

  it('blocks a hostPort no Service reaches: clients use the node address', () => {
    const other = aService('other', { selector: { app: 'web' }, ports: [{ port: 9090 }] });
    const [f] = runRule(fargateHostNetworkRule, anAutoModeInventory([withHostPort('web')], { services: [other] }), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', action: { type: 'stay' } });
    expect(f?.message).toContain('no Service reaches container port 8080');
  });

  it('passes ordinary pods and leaves DaemonSets to fargate-daemonsets', () => {
    const ds = aDaemonSet({ name: 'node-exporter', spec: { hostNetwork: true } });
    expect(runRule(fargateHostNetworkRule, anAutoModeInventory([aWorkload(), ds]), { target: 'fargate' })).toEqual([]);
  });
});
