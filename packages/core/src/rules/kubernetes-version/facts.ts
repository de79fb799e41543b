// Facts the add-on version rule compares against (aws-facts.md §7.3, from the EKS User Guide page
// auto-enable-existing: "minimum add-on versions" for enabling Auto Mode on an existing cluster).

/** An EKS add-on as the inventory sees it: the DaemonSet and container that run its image. */
export interface AddonFacts {
  addon: string;
  daemonSet: string;
  container: string;
  /** The minimum build, per Kubernetes minor where AWS lists one per minor; `*` for every minor. */
  minimum: Readonly<Record<string, string>>;
}

export const AUTO_MODE_ADDON_MINIMUMS: readonly AddonFacts[] = [
  { addon: 'vpc-cni', daemonSet: 'aws-node', container: 'aws-node', minimum: { '*': 'v1.19.0-eksbuild.1' } },
  // AWS lists one kube-proxy build per minor (1.25 through 1.31); the reference holds only these
  // two, so other minors are reported as unchecked rather than guessed.
  { addon: 'kube-proxy', daemonSet: 'kube-proxy', container: 'kube-proxy', minimum: { '1.25': 'v1.25.16-eksbuild.22', '1.31': 'v1.31.2-eksbuild.3' } },
];
