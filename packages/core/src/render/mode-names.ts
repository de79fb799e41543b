import type { SourceMode } from '../placement/types.js';

/** How every renderer names where workloads run: "from EKS on Fargate to EKS Auto Mode", never the ids. */
export const MODE_NAMES: Readonly<Record<SourceMode, string>> = {
  'auto-mode': 'EKS Auto Mode',
  fargate: 'EKS on Fargate',
  'managed-nodes': 'EC2 managed nodes',
  mixed: 'mixed compute',
  unknown: 'unknown compute',
};
