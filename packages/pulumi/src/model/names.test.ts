import { slug as coreSlug } from '@modeshift/core';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, isPlaceholder, kubernetesLogicalName, placeholdersIn, slug } from './names.js';

describe('names', () => {
  it('slugs exactly as the planner does, so names read from step ids match', () => {
    for (const text of ['shop-prod', 'Shop_Prod', '--a--', 'x'.repeat(80), 'kube-system/coredns', 'retail-platform-api-orders'])
      expect(slug(text)).toBe(coreSlug(text));
  });

  it('finds and fills <placeholders> anywhere in a value', () => {
    const value = { a: ['<private-subnet-id>', 'x'], b: { c: 'region <region>' }, d: 3 };
    expect(placeholdersIn(value)).toEqual(['<private-subnet-id>', '<region>']);
    expect(fillPlaceholders(value, { '<region>': 'eu-west-1' })).toEqual({ a: ['<private-subnet-id>', 'x'], b: { c: 'region eu-west-1' }, d: 3 });
    expect(isPlaceholder('<x>')).toBe(true);
    expect(isPlaceholder('subnet-1')).toBe(false);
    expect(isPlaceholder('')).toBe(true);
  });

  it('names Kubernetes objects by kind, namespace and name', () => {
    expect(kubernetesLogicalName({ kind: 'NodePool', metadata: { name: 'spot' } })).toBe('nodepool-spot');
    expect(kubernetesLogicalName({ kind: 'ConfigMap', metadata: { name: 'aws-logging', namespace: 'aws-observability' } })).toBe('configmap-aws-observability-aws-logging');
  });
});
