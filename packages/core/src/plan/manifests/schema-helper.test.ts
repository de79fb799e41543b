import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { SHARED_DIR, autoModeNodeClassSchema, loadCrdSchema, validateAgainstCrd, validateAgainstSchema } from '../../testing/index.js';

const shared = new URL('../../../../../../shared/', import.meta.url);
const corpus = (path: string): unknown => parse(readFileSync(new URL(`corpus/${path}`, shared), 'utf8'));

describe('the shared schema directory', () => {
  it('resolves to the same ../shared/ from the tests and from the helper', () => {
    expect(fileURLToPath(shared)).toBe(fileURLToPath(SHARED_DIR));
    expect(existsSync(new URL('schemas/README.md', shared))).toBe(true);
  });
});

describe('validateAgainstCrd', () => {
  it('accepts the hand-written AWS examples in the corpus (no false alarms from closing objects)', () => {
    expect(validateAgainstCrd(corpus('automode-custom-nodepools/nodepool-amd64.yaml'), 'karpenter.sh_nodepools.yaml')).toEqual([]);
    expect(validateAgainstCrd(corpus('automode-custom-nodepools/alb-ingressclassParams.yaml'), 'eks.amazonaws.com_ingressclassparams_v1.schema.json')).toEqual(
      [],
    );
    const samples = parseAllDocuments(readFileSync(new URL('schemas/vpcresources_v1beta1_securitygrouppolicy.sample.yaml', shared), 'utf8'));
    expect(samples.length).toBeGreaterThan(1);
    for (const sample of samples) expect(validateAgainstCrd(sample.toJSON(), 'vpcresources.k8s.aws_securitygrouppolicies.yaml')).toEqual([]);
  });

  it('accepts every NodePool document in the self-managed Karpenter corpus', () => {
    const files = ['karpenter-spot-gpu/nodepool-gpu-g6.yaml', 'karpenter-spot-gpu/spot-nodepool-ec2nodeclass.yaml'];
    const pools = files.flatMap((f) =>
      parseAllDocuments(readFileSync(new URL(`corpus/${f}`, shared), 'utf8'))
        .map((d) => d.toJSON() as { kind?: string } | null)
        .filter((d) => d?.kind === 'NodePool'),
    );
    expect(pools.length).toBeGreaterThan(1);
    for (const pool of pools) expect(validateAgainstCrd(pool, 'karpenter.sh_nodepools.yaml')).toEqual([]);
  });

  it('rejects a misspelt field, as kubectl strict field validation would', () => {
    const pool = corpus('automode-custom-nodepools/nodepool-amd64.yaml') as { spec: Record<string, unknown> };
    pool.spec['limit'] = pool.spec['limits'];
    expect(validateAgainstCrd(pool, 'karpenter.sh_nodepools.yaml').join('\n')).toContain('/spec: must NOT have additional properties (limit)');
  });

  it('picks the CRD version from apiVersion and fails for one the CRD does not define', () => {
    expect(() => validateAgainstCrd({ apiVersion: 'karpenter.sh/v1beta1', kind: 'NodePool' }, 'karpenter.sh_nodepools.yaml')).toThrow(/no version v1beta1/);
  });
});

describe('autoModeNodeClassSchema', () => {
  it('adds the fields the stale community schema lacks, which the original rejects', () => {
    const nodeClass = {
      apiVersion: 'eks.amazonaws.com/v1',
      kind: 'NodeClass',
      metadata: { name: 'pods' },
      spec: {
        role: 'AmazonEKSAutoNodeRole',
        subnetSelectorTerms: [{ id: 'subnet-0a1' }],
        securityGroupSelectorTerms: [{ id: 'sg-0a1' }],
        podSubnetSelectorTerms: [{ id: 'subnet-0b2' }],
        podSecurityGroupSelectorTerms: [{ id: 'sg-0b2' }],
        advancedNetworking: { associatePublicIPAddress: false },
        ephemeralStorage: { size: '80Gi', kmsKeyID: 'alias/nodes' },
      },
    };
    expect(validateAgainstSchema(nodeClass, autoModeNodeClassSchema())).toEqual([]);
    expect(validateAgainstSchema(nodeClass, loadCrdSchema('eks.amazonaws.com_nodeclass_v1.schema.json')).join('\n')).toContain('podSecurityGroupSelectorTerms');
  });
});
