import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const root = path.dirname(fileURLToPath(import.meta.url));

const workspaces = ['apps', 'packages']
  .flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((name) => `${dir}/${name}`))
  .concat('test')
  .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')));

// Files that are not shipped: they may import devDependencies (their workspace's or the root's,
// where vitest and @types/node live for every workspace).
const notShipped = [
  '**/*.test.ts',
  `${root}/{apps,packages}/*/{test,scripts,bench}/**`,
  `${root}/{apps,packages}/*/{vitest,drizzle}.config.ts`,
  `${root}/test/**`,
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/.vitest/**', 'models/**', '.txcat/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setInterval: 'readonly', setTimeout: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an as-const object and a union type instead of enum.' }],
    },
  },
  // Every workspace declares what it imports, in its own package.json (the root's devDependencies
  // count for tests). Cycles and the package rules are dependency-cruiser's (.dependency-cruiser.cjs).
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      // @txcat/* resolves to the workspace's src/, so an undeclared workspace import is seen
      // before its dist/ exists.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.lint.json') })],
    },
    rules: { 'import-x/no-relative-packages': 'error' },
  },
  // Every workspace's vitest config extends the one shared setup at the root, on purpose.
  { files: ['**/vitest.config.ts'], rules: { 'import-x/no-relative-packages': 'off' } },
  ...workspaces.map((dir) => ({
    files: [`${dir}/**/*.{ts,js,mjs}`],
    rules: {
      'import-x/no-extraneous-dependencies': ['error', {
        devDependencies: notShipped,
        includeInternal: true,
        includeTypes: true,
        packageDir: [path.join(root, dir), root],
      }],
    },
  })),
);
