import { compareAddonVersions, imageTag, parseAddonVersion } from '../../analysis/addon-version.js';
import { SOURCES } from '../../capabilities/sources.js';
import { formatVersion } from '../../version.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { AUTO_MODE_ADDON_MINIMUMS } from './facts.js';

/**
 * Auto Mode can be enabled on an existing cluster only once its add-ons meet AWS's minimum versions
 * (auto-enable-existing). The inventory has the aws-node and kube-proxy images, so their tags are
 * checked and an older one becomes an upgrade step before Auto Mode is enabled.
 */
export const autoModeAddonVersionsRule: Rule = {
  id: 'auto-mode-addon-versions',
  title: 'Add-on versions',
  capability: 'kubernetes-version',
  targets: ['auto-mode'],
  check(ctx) {
    if (ctx.inventory.cluster?.autoMode.enabled === true) return [];
    const minor = ctx.clusterVersion ? formatVersion(ctx.clusterVersion) : null;
    const out: FindingDraft[] = [];
    for (const facts of AUTO_MODE_ADDON_MINIMUMS) {
      const ds = ctx.inventory.workloads.find((w) => w.kind === 'DaemonSet' && w.metadata.namespace === 'kube-system' && w.metadata.name === facts.daemonSet);
      const image = ds?.template.spec.containers.find((c) => c.name === facts.container)?.image;
      if (!ds || !image) continue;
      const resource = { kind: 'DaemonSet', name: facts.daemonSet, namespace: 'kube-system' };
      const minimum = facts.minimum['*'] ?? (minor === null ? undefined : facts.minimum[minor]);
      const tag = imageTag(image);
      const current = tag === null ? null : parseAddonVersion(tag);
      const min = minimum === undefined ? null : parseAddonVersion(minimum);
      if (minimum === undefined || min === null || current === null) {
        out.push({
          severity: 'advisory',
          resource,
          message: `The ${facts.addon} add-on (DaemonSet kube-system/${facts.daemonSet}, image ${image}) could not be checked against Auto Mode's minimum version${minimum === undefined ? ` for Kubernetes ${minor ?? '(unknown version)'}` : ''}.`,
          remediation: `Before enabling Auto Mode, compare its version with the minimum AWS lists for existing clusters (auto-enable-existing) and upgrade it if it is older.`,
          sources: [SOURCES.autoEnable],
          action: { type: 'review' },
        });
        continue;
      }
      if (compareAddonVersions(current, min) >= 0) continue;
      out.push({
        severity: 'change',
        resource,
        message: `The ${facts.addon} add-on runs ${tag}; enabling Auto Mode on an existing cluster needs ${minimum} or later.`,
        remediation: `Upgrade ${facts.addon} to ${minimum} or later before enabling Auto Mode (aws eks update-addon, or the DaemonSet image when it is self-managed).`,
        sources: [SOURCES.autoEnable],
        action: { type: 'prerequisite', task: { kind: 'upgrade-addon', addon: facts.addon, current: tag ?? image, minimum } },
      });
    }
    return out;
  },
};
