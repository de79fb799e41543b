import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import { managedLabels } from './meta.js';

/**
 * A StorageClass for Auto Mode's built-in EBS provisioner (aws-facts §4.8): Auto Mode creates none, and PVs of
 * the EBS CSI add-on (`ebs.csi.aws.com`) cannot be used by it. Not the default class unless asked, because
 * flipping the cluster default changes where every future unclassed PVC lands, including those still on nodes
 * the old driver serves.
 */
export function autoModeStorageClassManifest(name: string, options: { isDefault?: boolean } = {}): Record<string, unknown> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      labels: managedLabels(),
      ...(options.isDefault === true ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}),
    },
    provisioner: AUTO_MODE_FACTS.ebsProvisioner,
    parameters: { encrypted: 'true', type: 'gp3' },
    // Volumes bind in the AZ of the node the pod lands on; Immediate binding can strand a PV in another AZ.
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  };
}
