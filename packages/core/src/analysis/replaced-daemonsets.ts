// DaemonSets whose function Auto Mode provides itself (aws-facts §2 CoreDNS / system add-ons row,
// GPU and Neuron rows: device plugins are built in).
import type { Workload } from '../inventory/types.js';

/** Matched by name in kube-system or, for device plugins, by name pattern anywhere. */
export const REPLACED_DAEMONSETS: readonly { match: RegExp; what: string }[] = [
  { match: /^aws-node$/, what: 'the Amazon VPC CNI' },
  { match: /^kube-proxy$/, what: 'kube-proxy' },
  { match: /^ebs-csi-node/, what: 'the EBS CSI node plugin' },
  { match: /^eks-pod-identity-agent$/, what: 'the EKS Pod Identity Agent' },
  { match: /nvidia-device-plugin/, what: 'the NVIDIA device plugin' },
  { match: /neuron-device-plugin/, what: 'the Neuron device plugin' },
];

/** What Auto Mode provides in place of the DaemonSet, or null when the DaemonSet is the user's own. */
export function replacedBy(w: Workload): string | null {
  if (w.kind !== 'DaemonSet') return null;
  const hit = REPLACED_DAEMONSETS.find((r) => r.match.test(w.metadata.name));
  if (!hit) return null;
  // The system add-ons only count in kube-system; device plugins are recognised wherever they run.
  const systemAddon = !/device-plugin/.test(w.metadata.name);
  return systemAddon && w.metadata.namespace !== 'kube-system' ? null : hit.what;
}
