import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { planToFargate } from '../../testing/builders-fargate.js';
import { fargateHostPathRule } from './fargate-host-path.js';

describe('fargate-host-path', () => {
  it('blocks hostPath volumes and names them', () => {
    const w = aWorkload({ name: 'cache', spec: { volumes: [{ name: 'data', hostPath: { path: '/mnt/cache' } }] } });
    const [f] = planToFargate([w], [fargateHostPathRule]);
    expect(f).toMatchObject({ severity: 'blocker', capability: 'host-path', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('/mnt/cache (volume data)');
    expect(f?.remediation).toContain('emptyDir');
  });

  it('passes emptyDir, ConfigMap and Secret volumes', () => {
    const w = aWorkload({ spec: { volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg' } }, { name: 's', secret: { secretName: 's' } }] } });
    expect(planToFargate([w], [fargateHostPathRule])).toEqual([]);
  });
});
