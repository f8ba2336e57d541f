// One linter configuration (STYLE.md §11): JavaScript and TypeScript recommended rules, Astro's
// rules for .astro files, and the layer rules that dependency-cruiser cannot read inside .astro
// frontmatter (see .dependency-cruiser.cjs for the same layers in .ts files).
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/', 'data/', '.astro/', 'node_modules/', 'db/migrations/', 'scratch/', 'src/paraglide/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  layer(
    ['src/components/**', 'src/layouts/**'],
    [
      {
        group: ['**/db/**', '**/server/**', '**/actions/**', '**/pages/**'],
        message: 'Components render what they are given: no database, no server services (pass props).',
      },
    ],
  ),
  layer(
    ['src/pages/**'],
    [
      {
        group: [
          'drizzle-orm',
          'drizzle-orm/*',
          'postgres',
          '@electric-sql/*',
          '**/db/schema.ts',
          '**/db/client.ts',
        ],
        message: 'Pages read through db/queries; SQL is written there only.',
      },
    ],
  ),
  layer(
    ['src/domain/**'],
    [
      {
        group: [
          '**/db/**',
          '**/server/**',
          '**/pages/**',
          '**/components/**',
          '**/actions/**',
          'astro:*',
          'node:*',
        ],
        message: 'src/domain is pure: no database, no server, no Astro, no I/O.',
      },
    ],
  ),
);
