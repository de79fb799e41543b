/** Names modeshift proposes for objects it asks the plan to create. */
export const PROPOSED = {
  ingressClass: 'alb-auto',
  storageClass: 'auto-ebs-sc',
  securityGroupTaintKey: 'modeshift.io/security-groups',
} as const;
