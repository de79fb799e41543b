import { describe, expect, it } from 'vitest';
import { aCluster, aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aSecurityGroupPolicy, aServiceAccount } from '../../testing/kube-objects.js';
import { shortHash } from '../../util/hash.js';
import { autoModeSecurityGroupPolicyRule as rule } from './auto-mode-security-group-policy.js';

const DB = 'sg-0123456789abcdef0';
const CACHE = 'sg-0a1b2c3d';
const api = aWorkload({ name: 'api', podLabels: { app: 'api', tier: 'backend' } });
const web = aWorkload({ name: 'web', podLabels: { app: 'web' } });
const dbAccess = aSecurityGroupPolicy('db-access', [DB, CACHE], { pods: { matchLabels: { tier: 'backend' } } });

const run = (version: string | null, ...policies: ReturnType<typeof aSecurityGroupPolicy>[]) =>
  runRule(rule, aFargateInventory([api, web], { securityGroupPolicies: policies, cluster: version ? aCluster({ version }) : null }), { target: 'auto-mode' });

describe('auto-mode-security-group-policy', () => {
  it('below 1.36 re-homes the policy to a NodeClass and pins the matched workload to its pool', () => {
    const findings = run('1.31', dbAccess);
    const hash = shortHash([DB, CACHE]);
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.resource?.kind === 'SecurityGroupPolicy')).toMatchObject({
      id: 'auto-mode-security-group-policy:SecurityGroupPolicy/shop/db-access',
      severity: 'change',
      capability: 'pod-security-groups',
      action: { type: 'security-groups', change: { kind: 'node-class-pod-security-groups', groupIds: [DB, CACHE], nodePool: `sg-${hash}` } },
    });
    const pin = findings.find((f) => f.id === 'auto-mode-security-group-policy:Deployment/shop/api#security-groups');
    expect(pin?.action).toEqual({
      type: 'workload',
      edits: [
        { op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: `sg-${hash}` },
        { op: 'add-toleration', toleration: { key: 'modeshift.io/security-groups', operator: 'Equal', value: hash, effect: 'NoSchedule' } },
      ],
    });
    expect(findings.find((f) => f.resource?.kind === 'SecurityGroupPolicy')?.remediation).toContain('podSecurityGroupSelectorTerms');
  });

  it('gives a workload matched by several policies the union of their groups', () => {
    const cache = aSecurityGroupPolicy('cache', [CACHE], { serviceAccounts: { matchLabels: { team: 'a' } } });
    const db = aSecurityGroupPolicy('db', [DB], { pods: { matchLabels: { tier: 'backend' } } });
    const inventory = aFargateInventory([{ ...api, template: { ...api.template, spec: { ...api.template.spec, serviceAccountName: 'api' } } }], {
      securityGroupPolicies: [cache, db],
      serviceAccounts: [aServiceAccount('api', { labels: { team: 'a' } })],
    });
    const findings = runRule(rule, inventory, { target: 'auto-mode' });
    const union = `sg-${shortHash([DB, CACHE])}`;
    const pin = findings.find((f) => f.id.endsWith('#security-groups'));
    expect(pin?.message).toContain('union');
    expect(pin?.action).toMatchObject({ edits: [{ value: union }, {}] });
    expect(findings.find((f) => f.id.endsWith('#security-groups-node-class'))?.action).toEqual({
      type: 'security-groups',
      change: { kind: 'node-class-pod-security-groups', groupIds: [DB, CACHE], nodePool: union },
    });
  });

  it('on 1.36 or later only asks to verify the policy', () => {
    expect(run('1.36', dbAccess)).toMatchObject([
      { severity: 'advisory', action: { type: 'security-groups', change: { kind: 'verify-security-group-policy' } } },
    ]);
  });

  it('treats an unknown version as below 1.36 and says so', () => {
    const findings = run(null, dbAccess);
    expect(findings).toHaveLength(2);
    expect(findings[0]?.message).toContain('version is unknown');
  });

  it('explains an unresolved placeholder instead of emitting it as a group id', () => {
    const templated = aSecurityGroupPolicy('catalog-rds-access', ['${CATALOG_SG_ID}'], { pods: { matchLabels: { tier: 'backend' } } });
    const findings = run('1.31', templated);
    expect(findings.map((f) => f.action.type)).toEqual(['review', 'review']);
    const policy = findings.find((f) => f.resource?.kind === 'SecurityGroupPolicy');
    expect(policy?.message).toContain('${CATALOG_SG_ID}');
    expect(policy?.message).toContain('not a security group id');
    expect(JSON.stringify(findings)).not.toContain('node-class-pod-security-groups');
  });

  it('flags more groups than AWS documents per pod', () => {
    const ids = ['sg-00000001', 'sg-00000002', 'sg-00000003', 'sg-00000004', 'sg-00000005', 'sg-00000006'];
    const [policy] = run('1.31', aSecurityGroupPolicy('many', ids, { pods: { matchLabels: { app: 'none' } } }));
    expect(policy?.message).toContain('6 groups');
  });

  it('passes a cluster without SecurityGroupPolicies', () => {
    expect(run('1.31')).toEqual([]);
  });
});
