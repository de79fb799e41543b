import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against sibling packages' sources, so a change in core is seen without a rebuild.
    alias: {
      '@modeshift/core/testing': fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)),
      '@modeshift/core/base': fileURLToPath(new URL('./packages/core/src/base.ts', import.meta.url)),
      '@modeshift/collect/pricing': fileURLToPath(new URL('./packages/collect/src/aws/pricing.ts', import.meta.url)),
      '@modeshift/collect/testing': fileURLToPath(new URL('./packages/collect/src/testing/index.ts', import.meta.url)),
      '@modeshift/core': src('core'),
      '@modeshift/inventory': src('inventory'),
      '@modeshift/collect': src('collect'),
      '@modeshift/pulumi': src('pulumi'),
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Cold imports of @pulumi/* on two busy cores take seconds; the default 5 s flakes.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
