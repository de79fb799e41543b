import type { Container } from '../../kube.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { listNames } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';

/** Whether any container is privileged or adds capabilities: the test below, without building anything. */
function elevated(containers: readonly Container[] | undefined): boolean {
  if (containers === undefined) return false;
  for (const c of containers) if (c.securityContext?.privileged || (c.securityContext?.capabilities?.add ?? []).length > 0) return true;
  return false;
}

/** Privileged pods work on Auto Mode but "still face the restrictions provided by SELinux and a read-only root filesystem" (aws-facts §2). */
export const autoModePrivilegedRule: Rule = {
  id: 'auto-mode-privileged',
  title: 'Privileged containers',
  capability: 'privileged',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const w of movers(ctx)) {
      const spec = w.template.spec;
      if (!elevated(spec.containers) && !elevated(spec.initContainers)) continue;
      const hits = [...(spec.initContainers ?? []), ...spec.containers].flatMap((c) => {
        const sc = c.securityContext;
        const what = [sc?.privileged ? 'privileged' : '', (sc?.capabilities?.add ?? []).length > 0 ? `adds ${sc?.capabilities?.add?.join(', ')}` : '']
          .filter(Boolean)
          .join(', ');
        return what ? [`${c.name} (${what})`] : [];
      });
      if (hits.length === 0) continue;
      out.push({
        severity: 'advisory',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} runs elevated containers: ${listNames(hits)}. On Auto Mode they still face SELinux and a read-only root filesystem on the node.`,
        remediation:
          'Test it on an Auto Mode node before its wave; anything that writes to the host or loads kernel modules may fail. The NodeClass setting advancedSecurity.kernelLockdown (integrity or none) also bears on what privileged containers may do.',
        action: { type: 'review' },
      });
    }
    return out;
  },
};
