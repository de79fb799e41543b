// Where this package's shippable sources are, for the stack generator, which copies them byte for byte.
// Not itself shipped, and not exported from the main entry: generated projects never need it.

/** The files a generated project carries, relative to this package's src/; the main entry and all it imports. */
export const PLAN_SOURCE_FILES: readonly string[] = ['index.ts', 'capabilities.ts', 'kube.ts', 'findings.ts', 'plan.ts', 'cost.ts', 'effects.ts', 'names.ts'];

/** This package's src/ directory. src/ and dist/ sit at the same depth, so this holds from either. */
export const PLAN_SOURCE_DIR: URL = new URL('../src/', import.meta.url);
