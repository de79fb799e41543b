// The components a generated project carries: TypeScript sources copied into `modeshift/`, so the project
// installs from the npm registry alone (only @pulumi/* and dev tools) and never refers back to this checkout.
// Sources rather than a packed tarball: text is byte-for-byte reproducible (tarballs embed mtimes), diffs
// well in the checked-in examples, and is compiled by the project's own TypeScript, one SDK copy, no link.
import { readFileSync } from 'node:fs';
import { PLAN_SOURCE_DIR, PLAN_SOURCE_FILES } from '@modeshift/plan/sources';

/** Source path under packages/pulumi/src → path in the generated project. */
export const SHIPPED_SOURCES: readonly (readonly [string, string])[] = [
  ['sdk.ts', 'modeshift/index.ts'],
  ['model/types.ts', 'modeshift/model/types.ts'],
  ['model/iam.ts', 'modeshift/model/iam.ts'],
  ['model/blockers.ts', 'modeshift/model/blockers.ts'],
  ['model/kubernetes.ts', 'modeshift/model/kubernetes.ts'],
  ['model/coverage.ts', 'modeshift/model/coverage.ts'],
  ['model/infra-from-plan.ts', 'modeshift/model/infra-from-plan.ts'],
  ['components/kubernetes-provider.ts', 'modeshift/components/kubernetes-provider.ts'],
  ['components/kubernetes-objects.ts', 'modeshift/components/kubernetes-objects.ts'],
  ['components/auto-mode-enablement.ts', 'modeshift/components/auto-mode-enablement.ts'],
  ['components/fargate-capacity.ts', 'modeshift/components/fargate-capacity.ts'],
  ['components/irsa-roles.ts', 'modeshift/components/irsa-roles.ts'],
];

/**
 * Where @modeshift/plan's sources go. They take the place of src/plan/index.ts (which here only re-exports
 * that package), so the files above import the plan types by the same relative path in both places.
 */
export const SHIPPED_PLAN_DIR = 'modeshift/plan/';

// src/generate/ and dist/generate/ sit at the same depth, so this finds the sources from either.
const SRC = new URL('../../src/', import.meta.url);

/** This package's version, named in the shipped files' headers (a test keeps it equal to package.json). */
export const PACKAGE_VERSION = '0.1.0';

/**
 * The shipped sources as project path → content. This package's files get a header naming where they came
 * from; the plan package's files are copied byte for byte (each says in its own first lines that it ships).
 */
export function readShippedSources(version: string = PACKAGE_VERSION): Map<string, string> {
  const out = new Map<string, string>();
  for (const [from, to] of SHIPPED_SOURCES) {
    const text = readFileSync(new URL(from, SRC), 'utf8');
    out.set(to, `// Copied from @modeshift/pulumi ${version} (src/${from}) by \`modeshift stack\`. Regenerate rather than edit.\n${text}`);
  }
  for (const file of PLAN_SOURCE_FILES) out.set(`${SHIPPED_PLAN_DIR}${file}`, readFileSync(new URL(file, PLAN_SOURCE_DIR), 'utf8'));
  return out;
}
