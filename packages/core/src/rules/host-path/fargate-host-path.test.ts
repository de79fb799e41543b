import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateHostPathRule } from './fargate-host-path.js';

describe('fargate-host-path', () => {
  it('blocks hostPath volumes and names them', () => {
    const w = aWorkload({ name: 'cache', spec: { volumes: [{ name: 'data', hostPath: { path: '/mnt/cache' } }] } });
    const [f] = runRule(fargateHostPathRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'host-path', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('/mnt/cache (volume data)');
    expect(f?.remediation).toContain('emptyDir');
  });

  it('passes emptyDir, ConfigMap and Secret volumes', () => {
    const w = aWorkload({
      spec: {
        volumes: [
          { name: 'tmp', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'cfg' } },
          { name: 's', secret: { secretName: 's' } },
        ],
      },
    });
    expect(runRule(fargateHostPathRule, anAutoModeInventory([w]), { target: 'fargate' })).toEqual([]);
  });
});
