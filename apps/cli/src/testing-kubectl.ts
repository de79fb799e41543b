// The real kubectl, as tests use it to check what modeshift emits (kustomize, patch --local). One place
// for whether it is installed and how long a call may take: the first call on a cold machine is slow.
import { execFileSync, spawnSync } from 'node:child_process';

const OPTIONS = { encoding: 'utf8', timeout: 60_000 } as const;

/** Whether `kubectl` runs here; tests that need it are skipped, and say so, when it does not. */
export const HAS_KUBECTL = spawnSync('kubectl', ['version', '--client'], OPTIONS).status === 0;

/** kubectl's output; throws (with its stderr) when it exits non-zero. */
export function kubectl(args: readonly string[]): string {
  return execFileSync('kubectl', args, OPTIONS);
}

/** kubectl's exit status and output, for calls whose failure a test inspects. */
export function tryKubectl(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync('kubectl', args, OPTIONS);
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}
