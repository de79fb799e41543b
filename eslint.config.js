// Lint for the whole monorepo: type-aware rules from typescript-eslint, run by `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'examples/**', 'bench-results/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The vitest configs sit outside every tsconfig; they are linted with the default project.
        projectService: {
          allowDefaultProject: ['vitest.shared.ts', '*/*/vitest.config.ts'],
          defaultProject: 'tsconfig.base.json',
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A new kind in a union that nobody handles must fail here, not fall through silently.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Off: the control characters are the point. The terminal renderer, the shell quoting and the name
      // checks match C0 controls and ANSI escapes on purpose, to strip or reject them (and tests look for them).
      'no-control-regex': 'off',
      // Abort reasons are passed on unchanged (the aborter chose them, usually an Error); they are typed
      // `unknown` at the reject call, which this option allows. Anything else rejected must be an Error.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Core is pure: no I/O, so no Node built-ins. Its tests and test builders read fixtures from disk.
    files: ['packages/core/src/**/*.ts', 'packages/plan/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/__fixtures__/**', 'packages/core/src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'core is pure: no node:* imports (I/O belongs in inventory, collect or the CLI).' }] }],
    },
  },
);
