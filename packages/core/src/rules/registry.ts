import { TO_AUTO_MODE_RULES } from './to-auto-mode/index.js';
import { TO_FARGATE_RULES } from './to-fargate/index.js';
import type { Rule } from './types.js';

/** Every rule, in one list. Output order does not depend on it: findings are sorted. */
export const RULES: readonly Rule[] = [...TO_AUTO_MODE_RULES, ...TO_FARGATE_RULES];
