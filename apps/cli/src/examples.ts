import { fileURLToPath } from 'node:url';
import type { Example } from './wizard/deps.js';

// src/examples.ts and dist/examples.js sit at the same depth, so this finds the repository's examples from both,
// whatever the current directory is.
const ROOT = new URL('../../../examples/', import.meta.url);

export const BUNDLED_EXAMPLE = fileURLToPath(new URL('fargate-to-auto-mode/inventory', ROOT));

export const BUNDLED_EXAMPLES: Example[] = [
  { label: 'shop-prod, EKS on Fargate → Auto Mode', paths: [BUNDLED_EXAMPLE] },
  { label: 'retail-platform, Auto Mode → EKS on Fargate', paths: [fileURLToPath(new URL('auto-mode-to-fargate/inventory', ROOT))] },
];
