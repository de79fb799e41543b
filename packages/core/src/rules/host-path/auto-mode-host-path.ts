import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { listNames } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';

/** hostPath mounts work on Auto Mode "subject to SELinux and the read-only root filesystem" (aws-facts §2). */
export const autoModeHostPathRule: Rule = {
  id: 'auto-mode-host-path',
  title: 'hostPath volumes',
  capability: 'host-path',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const w of movers(ctx)) {
      const paths = (w.template.spec.volumes ?? []).flatMap((v) => (v.hostPath ? [v.hostPath.path] : []));
      if (paths.length === 0) continue;
      out.push({
        severity: 'advisory',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} mounts host paths ${listNames(paths)}; Auto Mode nodes run a Bottlerocket-based image with a read-only root filesystem and SELinux, so paths and write access may differ from the nodes it runs on today.`,
        remediation:
          'Check each path exists and is usable on an Auto Mode node (for example with `kubectl debug node`) before its wave; prefer emptyDir or a volume where the host is not really needed.',
        action: { type: 'review' },
      });
    }
    return out;
  },
};
