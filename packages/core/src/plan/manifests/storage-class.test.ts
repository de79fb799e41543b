import { describe, expect, it } from 'vitest';
import { autoModeStorageClassManifest } from './storage-class.js';

describe('autoModeStorageClassManifest', () => {
  it('targets the Auto Mode EBS provisioner with encrypted gp3 and topology-aware binding', () => {
    expect(autoModeStorageClassManifest('auto-ebs-sc')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'auto-ebs-sc', labels: { 'app.kubernetes.io/managed-by': 'modeshift' } },
      provisioner: 'ebs.csi.eks.amazonaws.com',
      parameters: { encrypted: 'true', type: 'gp3' },
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
  });

  it('is the cluster default only when asked', () => {
    expect(autoModeStorageClassManifest('x', { isDefault: false })).not.toHaveProperty('metadata.annotations');
    expect(autoModeStorageClassManifest('x', { isDefault: true })).toHaveProperty(
      ['metadata', 'annotations', 'storageclass.kubernetes.io/is-default-class'],
      'true',
    );
  });
});
