import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Example } from './wizard/deps.js';

// src/examples.ts and dist/examples.js sit at the same depth, so this finds the repository's examples from both,
// whatever the current directory is.
const ROOT = new URL('../../../examples/', import.meta.url);

const examplePath = (name: string) => fileURLToPath(new URL(`${name}/inventory`, ROOT));

export const BUNDLED_EXAMPLE = examplePath('fargate-to-auto-mode');

/**
 * modeshift's own per-user state (XDG base directories): `$XDG_STATE_HOME/modeshift`, else
 * `~/.local/state/modeshift`. A relative XDG_STATE_HOME is ignored, as the specification asks.
 */
export function userStateDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_STATE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'modeshift');
  return join(env.HOME || homedir(), '.local', 'state', 'modeshift');
}

/**
 * The examples the wizard offers. Progress on them is the user's, not the repository's: it is kept under the
 * user's state directory, so a session never leaves files in the checkout for a later session (or test) to resume.
 */
export function bundledExamples(env: NodeJS.ProcessEnv): Example[] {
  const example = (name: string, label: string): Example => ({
    label,
    paths: [examplePath(name)],
    statePath: join(userStateDir(env), name, 'progress.json'),
  });
  return [
    example('fargate-to-auto-mode', 'shop-prod, EKS on Fargate → Auto Mode'),
    example('auto-mode-to-fargate', 'retail-platform, Auto Mode → EKS on Fargate'),
  ];
}
