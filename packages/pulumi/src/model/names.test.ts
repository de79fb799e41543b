import { slug as coreSlug } from '@modeshift/core';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, flagValue, isPlaceholder, kubernetesLogicalName, placeholdersIn, slug } from './names.js';

describe('names', () => {
  it('slugs exactly as the planner does, so names read from step ids match', () => {
    for (const text of ['shop-prod', 'Shop_Prod', '--a--', 'x'.repeat(80), 'kube-system/coredns', 'retail-platform-api-orders'])
      expect(slug(text)).toBe(coreSlug(text));
  });

  it('reads a flag from the first matching command, skipping placeholders', () => {
    const commands = ['aws iam create-role --role-name <role> --x', 'aws iam create-role --role-name real-role --assume-role-policy-document file://t.json'];
    expect(flagValue(commands, 'aws iam create-role', '--role-name')).toBe('real-role');
    expect(flagValue(commands, 'aws eks', '--role-name')).toBeNull();
    expect(flagValue(['aws iam create-role --role-name'], 'aws iam create-role', '--role-name')).toBeNull();
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
