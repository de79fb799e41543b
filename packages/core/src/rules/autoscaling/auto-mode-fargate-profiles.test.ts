import { describe, expect, it } from 'vitest';
import { aFargateInventory, aFargateProfile, aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeFargateProfilesRule as rule } from './auto-mode-fargate-profiles.js';

describe('auto-mode-fargate-profiles', () => {
  it('deletes each Fargate profile at the end', () => {
    const inventory = aFargateInventory([aWorkload()], {
      fargateProfiles: [aFargateProfile('apps', [{ namespace: 'shop' }]), aFargateProfile('system', [{ namespace: 'kube-system' }])],
    });
    const findings = runRule(rule, inventory, { target: 'auto-mode' });
    expect(findings.map((f) => f.id)).toEqual(['auto-mode-fargate-profiles:FargateProfile/apps', 'auto-mode-fargate-profiles:FargateProfile/system']);
    expect(findings[0]).toMatchObject({
      severity: 'change',
      capability: 'autoscaling',
      resource: { kind: 'FargateProfile', namespace: null, name: 'apps' },
      action: { type: 'decommission', task: { kind: 'delete-fargate-profiles' } },
    });
    expect(findings[0]?.remediation).toContain('aws eks delete-fargate-profile --cluster-name demo --fargate-profile-name apps');
  });

  it('passes a cluster without Fargate profiles', () => {
    expect(runRule(rule, aManagedNodesInventory([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });
});
