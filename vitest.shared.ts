import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against sibling packages' sources, so a change in core is seen without a rebuild.
    alias: {
      '@modeshift/core/testing': fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)),
      '@modeshift/core/base': fileURLToPath(new URL('./packages/core/src/base.ts', import.meta.url)),
      '@modeshift/plan/sources': fileURLToPath(new URL('./packages/plan/src/sources.ts', import.meta.url)),
      '@modeshift/collect/pricing': fileURLToPath(new URL('./packages/collect/src/aws/pricing.ts', import.meta.url)),
      '@modeshift/collect/testing': fileURLToPath(new URL('./packages/collect/src/testing/index.ts', import.meta.url)),
      '@modeshift/plan': src('plan'),
      '@modeshift/core': src('core'),
      '@modeshift/inventory': src('inventory'),
      '@modeshift/collect': src('collect'),
      '@modeshift/pulumi': src('pulumi'),
      '@modeshift/synthetic-estate': fileURLToPath(new URL('./tools/synthetic-estate/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // `npm test` runs two packages' tests at a time (turbo --concurrency=2), so each vitest takes half the
    // cores: together they use every core without crowding them. VITEST_MAX_WORKERS overrides it.
    maxWorkers: Math.max(1, Math.floor(availableParallelism() / 2)),
    // Cold imports of @pulumi/* on two busy cores take seconds, and two packages test at once; the default 5 s flakes.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
