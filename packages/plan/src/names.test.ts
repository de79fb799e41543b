import { describe, expect, it } from 'vitest';
import { fillPlaceholders, isPlaceholder, kubernetesLogicalName, namespaceOfWorkload, placeholdersIn, slug } from './names.js';

describe('names', () => {
  it('slugs text to lower-case DNS-label fragments of at most 63 characters', () => {
    expect(slug('Shop_Prod')).toBe('shop-prod');
    expect(slug('--a--')).toBe('a');
    expect(slug('kube-system/coredns')).toBe('kube-system-coredns');
    expect(slug('x'.repeat(80))).toHaveLength(63);
  });

  it('finds and fills <placeholders> anywhere in a value', () => {
    const value = { a: ['<private-subnet-id>', 'x'], b: { c: 'region <region>' }, d: 3 };
    expect(placeholdersIn(value)).toEqual(['<private-subnet-id>', '<region>']);
    expect(fillPlaceholders(value, { '<region>': 'eu-west-1' })).toEqual({ a: ['<private-subnet-id>', 'x'], b: { c: 'region eu-west-1' }, d: 3 });
    expect(isPlaceholder('<x>')).toBe(true);
    expect(isPlaceholder('subnet-1')).toBe(false);
    expect(isPlaceholder('')).toBe(true);
  });

  it('reads the namespace of a workload key, and nothing from a key without one', () => {
    expect(namespaceOfWorkload('Deployment/shop/cart')).toBe('shop');
    expect(namespaceOfWorkload('Namespace/shop')).toBeNull();
  });

  it('names Kubernetes objects by kind, namespace and name', () => {
    expect(kubernetesLogicalName({ kind: 'NodePool', metadata: { name: 'spot' } })).toBe('nodepool-spot');
    expect(kubernetesLogicalName({ kind: 'ConfigMap', metadata: { name: 'aws-logging', namespace: 'aws-observability' } })).toBe(
      'configmap-aws-observability-aws-logging',
    );
  });
});
