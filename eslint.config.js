// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', '.reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The core is pure: it imports nothing outside src/core. A relative
  // import leaves src/core when it climbs more levels than the file sits below src/core.
  ...['src/core/*.{ts,tsx}', 'src/core/*/*.{ts,tsx}', 'src/core/*/*/*.{ts,tsx}'].map(
    (files, depth) => ({
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^(\\.\\./){${depth + 1},}`,
                message: 'src/core imports nothing outside src/core.',
              },
              {
                regex: '^(?!\\.)(?!(fast-check|vitest)$)',
                message: 'src/core uses no packages (its tests may use vitest and fast-check).',
              },
            ],
          },
        ],
        'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch'],
        'no-restricted-properties': [
          'error',
          { object: 'Math', property: 'random', message: 'Pass an Rng (src/core/rng.ts).' },
        ],
      },
    }),
  ),
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
