import { describe, expect, it } from 'vitest';
import { aFargateProfile, aWorkload } from '../testing/index.js';
import { COMPUTE_TYPE_ANNOTATION, matchFargateProfile, profileSelects, wildcardMatch } from './fargate-profiles.js';

describe('wildcardMatch', () => {
  it('compares a pattern without wildcards literally', () => {
    expect(wildcardMatch('shop', 'shop')).toBe(true);
    expect(wildcardMatch('shop', 'shops')).toBe(false);
  });

  it('lets * stand for any run of characters, including none', () => {
    expect(wildcardMatch('team-*', 'team-')).toBe(true);
    expect(wildcardMatch('team-*', 'team-payments')).toBe(true);
    expect(wildcardMatch('team-*', 'ops-team-a')).toBe(false);
  });

  it('lets ? stand for exactly one character', () => {
    expect(wildcardMatch('prod-?', 'prod-a')).toBe(true);
    expect(wildcardMatch('prod-?', 'prod-')).toBe(false);
    expect(wildcardMatch('prod-?', 'prod-ab')).toBe(false);
  });

  it('treats regular-expression characters in a wildcard pattern as literal text', () => {
    expect(wildcardMatch('a.b-*', 'a.b-1')).toBe(true);
    expect(wildcardMatch('a.b-*', 'axb-1')).toBe(false);
  });
});

describe('profileSelects', () => {
  it('selects every pod of a namespace when the selector names no labels', () => {
    const profile = aFargateProfile('apps', [{ namespace: 'shop' }]);
    expect(profileSelects(profile, 'shop', { app: 'web', tier: 'front' })).toBe(true);
    expect(profileSelects(profile, 'billing', { app: 'web' })).toBe(false);
  });

  it('selects only pods that carry every label of the selector', () => {
    const profile = aFargateProfile('apps', [{ namespace: 'shop', labels: { app: 'web', tier: 'front' } }]);
    expect(profileSelects(profile, 'shop', { app: 'web', tier: 'front', extra: 'x' })).toBe(true);
    expect(profileSelects(profile, 'shop', { app: 'web' })).toBe(false);
    expect(profileSelects(profile, 'shop', { app: 'web', tier: 'back' })).toBe(false);
  });

  it('matches wildcards in the namespace, label keys and label values', () => {
    const profile = aFargateProfile('apps', [{ namespace: 'team-*', labels: { 'app.kubernetes.io/*': 'web-?' } }]);
    expect(profileSelects(profile, 'team-a', { 'app.kubernetes.io/name': 'web-1' })).toBe(true);
    expect(profileSelects(profile, 'team-a', { 'app.kubernetes.io/name': 'web-10' })).toBe(false);
    expect(profileSelects(profile, 'ops', { 'app.kubernetes.io/name': 'web-1' })).toBe(false);
  });

  it('selects a pod when any one of its selectors matches', () => {
    const profile = aFargateProfile('apps', [{ namespace: 'shop', labels: { app: 'api' } }, { namespace: 'billing' }]);
    expect(profileSelects(profile, 'billing', {})).toBe(true);
    expect(profileSelects(profile, 'shop', { app: 'api' })).toBe(true);
    expect(profileSelects(profile, 'shop', { app: 'web' })).toBe(false);
  });
});

describe('matchFargateProfile', () => {
  const web = aWorkload({ namespace: 'shop', name: 'web' });

  it('returns null when no profile selects the workload', () => {
    expect(matchFargateProfile([aFargateProfile('other', [{ namespace: 'billing' }])], web)).toBeNull();
    expect(matchFargateProfile([], web)).toBeNull();
  });

  it('picks the alphanumerically first profile name when several select the workload, as Fargate does', () => {
    const profiles = [
      aFargateProfile('zeta', [{ namespace: 'shop' }]),
      aFargateProfile('alpha', [{ namespace: '*' }]),
      aFargateProfile('mid', [{ namespace: 'shop' }]),
    ];
    expect(matchFargateProfile(profiles, web)?.name).toBe('alpha');
  });

  it('keeps a pod annotated with compute-type ec2 off Fargate', () => {
    const optedOut = aWorkload({ namespace: 'shop', podAnnotations: { [COMPUTE_TYPE_ANNOTATION]: 'ec2' } });
    expect(matchFargateProfile([aFargateProfile('apps', [{ namespace: 'shop' }])], optedOut)).toBeNull();
  });

  it('matches an opted-out pod as if the annotation were gone when asked to ignore it', () => {
    const optedOut = aWorkload({ namespace: 'shop', podAnnotations: { [COMPUTE_TYPE_ANNOTATION]: 'ec2' } });
    expect(matchFargateProfile([aFargateProfile('apps', [{ namespace: 'shop' }])], optedOut, { ignoreComputeType: true })?.name).toBe('apps');
  });

  it('honours a pod label that pins the profile by name over the alphanumeric order', () => {
    const pinned = aWorkload({ namespace: 'shop', podLabels: { app: 'web', 'eks.amazonaws.com/fargate-profile': 'zeta' } });
    const profiles = [aFargateProfile('alpha', [{ namespace: 'shop' }]), aFargateProfile('zeta', [{ namespace: 'shop' }])];
    expect(matchFargateProfile(profiles, pinned)?.name).toBe('zeta');
  });

  it('returns null when the pinned profile does not select the workload', () => {
    const pinned = aWorkload({ namespace: 'shop', podLabels: { 'eks.amazonaws.com/fargate-profile': 'zeta' } });
    const profiles = [aFargateProfile('alpha', [{ namespace: 'shop' }]), aFargateProfile('zeta', [{ namespace: 'billing' }])];
    expect(matchFargateProfile(profiles, pinned)).toBeNull();
  });

  it('ignores profiles that are being deleted or failed, but counts ones still being created', () => {
    const withStatus = (name: string, status: string | null) => ({ ...aFargateProfile(name, [{ namespace: 'shop' }]), status });
    expect(matchFargateProfile([withStatus('a', 'DELETING'), withStatus('b', 'CREATE_FAILED')], web)).toBeNull();
    expect(matchFargateProfile([withStatus('a', 'DELETING'), withStatus('b', 'CREATING')], web)?.name).toBe('b');
    expect(matchFargateProfile([withStatus('a', null)], web)?.name).toBe('a');
  });
});
