import type { Rule } from '../types.js';

/** Rules that apply when workloads move to EKS on Fargate. */
export const TO_FARGATE_RULES: readonly Rule[] = [];
