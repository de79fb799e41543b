import { pinnedValues } from '../../placement/pod-needs.js';
import { sortedClone } from '../../util/sorted-clone.js';
import type { Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { onReplacedKarpenterPool } from '../../analysis/karpenter.js';
import { describeWorkload } from '../../analysis/workload.js';
import { ARM64_POOL } from './facts.js';
import { poolFindings } from '../../analysis/pool-findings.js';

/**
 * The built-in general-purpose pool is amd64 only (aws-facts §2 Arm row, §4.4), so Arm-pinned
 * workloads need a custom pool. It is tainted so that amd64-only images never land on it.
 */
export const autoModeArm64PoolRule: Rule = {
  id: 'auto-mode-arm64-pool',
  title: 'Arm64 NodePool',
  capability: 'arm64',
  targets: ['auto-mode'],
  check(ctx) {
    const pool = sortedClone(ARM64_POOL);
    return movers(ctx)
      .filter((w) => !onReplacedKarpenterPool(ctx, w))
      .filter((w) => {
        const arch = pinnedValues(w.template.spec, 'kubernetes.io/arch');
        return arch.length > 0 && arch.every((a) => a === 'arm64');
      })
      .flatMap((w) =>
        poolFindings(
          w,
          pool,
          `${describeWorkload(w)} is pinned to arm64 nodes; Auto Mode runs Graviton instances only in a custom NodePool (the built-in general-purpose pool is amd64 only).`,
          `The plan adds NodePool ${ARM64_POOL.name} (arm64 C/M/R instances, on-demand, tainted modeshift.io/arch=arm64:NoSchedule).`,
        ),
      );
  },
};
