import { describe, expect, it } from 'vitest';
import { aFargateProfile, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateProfilesRule } from './fargate-profiles.js';

describe('fargate-profiles', () => {
  it('proposes one single-selector profile per namespace whose moving workloads no profile selects', () => {
    const findings = runRule(
      fargateProfilesRule,
      anAutoModeInventory([
        aWorkload({ namespace: 'shop', name: 'web' }),
        aWorkload({ namespace: 'shop', name: 'api' }),
        aWorkload({ namespace: 'pay', name: 'svc' }),
      ]),
      { target: 'fargate' },
    );
    expect(findings.map((f) => [f.id, f.action])).toEqual([
      [
        'fargate-profiles:Namespace/pay',
        { type: 'capacity', request: { kind: 'fargate-profile', name: 'modeshift-pay', selectors: [{ namespace: 'pay', labels: {} }] } },
      ],
      [
        'fargate-profiles:Namespace/shop',
        { type: 'capacity', request: { kind: 'fargate-profile', name: 'modeshift-shop', selectors: [{ namespace: 'shop', labels: {} }] } },
      ],
    ]);
    expect(findings[1]).toMatchObject({ severity: 'change', capability: 'scheduling' });
    expect(findings[1]?.message).toContain('2 workloads in namespace shop (api and web)');
  });

  it('mentions workloads of the namespace that stay on EC2 and need the compute-type annotation', () => {
    const gpu = aWorkload({ name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });
    const [f] = runRule(fargateProfilesRule, anAutoModeInventory([aWorkload(), gpu]), { target: 'fargate' });
    expect(f?.remediation).toContain('infer stays on EC2');
  });

  it('passes namespaces an existing profile already selects, and namespaces where nothing moves', () => {
    const gpuOnly = aWorkload({ namespace: 'ml', name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });
    const findings = runRule(
      fargateProfilesRule,
      anAutoModeInventory([aWorkload({ namespace: 'shop' }), gpuOnly], { fargateProfiles: [aFargateProfile('apps', [{ namespace: 'sh*' }])] }),
      { target: 'fargate' },
    );
    expect(findings).toEqual([]);
  });
});
