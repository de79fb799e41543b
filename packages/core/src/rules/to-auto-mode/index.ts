import type { Rule } from '../types.js';
import { kubernetesVersionForAutoMode } from './kubernetes-version.js';

/** Rules that apply when workloads move to EKS Auto Mode. */
export const TO_AUTO_MODE_RULES: readonly Rule[] = [kubernetesVersionForAutoMode];
