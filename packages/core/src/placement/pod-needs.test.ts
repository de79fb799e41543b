import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../kube.js';
import { allowedValues, pinnedValues, schedulingTerms } from './pod-needs.js';

const containers = [{ name: 'main', image: 'public.ecr.aws/nginx/nginx:1.27' }];

function withAffinity(...terms: { key: string; operator: string; values?: string[] }[][]): PodSpec['affinity'] {
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms.map((matchExpressions) => ({ matchExpressions })) } } };
}

describe('schedulingTerms', () => {
  it('gives an unconstrained pod one empty term, which any node satisfies', () => {
    expect(schedulingTerms({ containers })).toEqual([[]]);
  });

  it('turns the nodeSelector into In requirements of a single term', () => {
    expect(schedulingTerms({ containers, nodeSelector: { team: 'ml' } })).toEqual([[{ key: 'team', operator: 'In', values: ['ml'] }]]);
  });

  it('keeps required node-affinity terms apart and adds the nodeSelector to each', () => {
    const spec: PodSpec = {
      containers,
      nodeSelector: { team: 'ml' },
      affinity: withAffinity([{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }], [{ key: 'zone', operator: 'Exists' }]),
    };
    expect(schedulingTerms(spec)).toEqual([
      [
        { key: 'team', operator: 'In', values: ['ml'] },
        { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
      ],
      [
        { key: 'team', operator: 'In', values: ['ml'] },
        { key: 'zone', operator: 'Exists' },
      ],
    ]);
  });
});

describe('allowedValues', () => {
  it('is unconstrained when the term says nothing about the key', () => {
    expect(allowedValues([{ key: 'team', operator: 'In', values: ['ml'] }], 'zone')).toEqual({ in: null, notIn: [] });
  });

  it('intersects several In requirements on the same key and collects NotIn values', () => {
    const term = [
      { key: 'zone', operator: 'In', values: ['a', 'b', 'c'] },
      { key: 'zone', operator: 'In', values: ['b', 'c', 'd'] },
      { key: 'zone', operator: 'NotIn', values: ['c'] },
    ];
    expect(allowedValues(term, 'zone')).toEqual({ in: ['b', 'c'], notIn: ['c'] });
  });
});

describe('pinnedValues', () => {
  it('collects, sorted and once each, every value any term pins the key to', () => {
    const spec: PodSpec = {
      containers,
      affinity: withAffinity(
        [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64', 'amd64'] }],
        [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }],
      ),
    };
    expect(pinnedValues(spec, 'kubernetes.io/arch')).toEqual(['amd64', 'arm64']);
  });

  it('is empty when nothing pins the key', () => {
    expect(pinnedValues({ containers, nodeSelector: { team: 'ml' } }, 'kubernetes.io/os')).toEqual([]);
  });
});
