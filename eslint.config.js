// Lint is also our process-boundary fence: which folder may import what is decided here, so a
// renderer that reaches for Node or a feature module that reaches for Electron fails CI at once.
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const electronOnly = {
  name: 'electron',
  message: 'Only electron/main.ts, preload.ts, ipc.ts and electron/desktop/* may import electron.',
};
const electronStore = {
  name: 'electron-store',
  message: 'electron-store imports electron; use it only from electron/desktop/*.',
};

/** Everything the DOM side (renderer/) and the shared pure code (shared/) must never touch. */
const webForbidden = [
  electronOnly,
  electronStore,
  ...nodeBuiltins.map((name) => ({
    name,
    message: 'renderer/ and shared/ run in the browser: no Node built-ins.',
  })),
  { name: 'better-sqlite3', message: 'The database lives in the main process only.' },
  { name: 'drizzle-orm/better-sqlite3', message: 'The database lives in the main process only.' },
  { name: 'conf', message: 'Settings storage lives in the main process only.' },
  { name: 'ws', message: 'Use the renderer/api client, not a socket library.' },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error', noInlineConfig: true },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The browser's code: `import { type X } from './m'` is kept as `import {} from './m'` under
    // verbatimModuleSyntax, so the module (and zod, for a schema file) ships in the first load for a type.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: { '@typescript-eslint/no-import-type-side-effects': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: webForbidden,
          patterns: [
            {
              group: ['**/electron/**', '../electron', '../../electron'],
              message: 'renderer/ meets electron/ only in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...webForbidden, { name: 'react', message: 'shared/ is framework-free.' }],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', '**/sim/**'],
              message: 'shared/ depends on nothing but itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'sim/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'tests/**/*.tsx'],
    ignores: [
      'electron/main.ts',
      'electron/preload.ts',
      'electron/ipc.ts',
      'electron/desktop/**',
      'tests/unit/renderer/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electronOnly, allowTypeImports: true }, electronStore],
          patterns: [{ group: ['**/renderer/**'], message: 'The Node side never imports the renderer.' }],
        },
      ],
    },
  },
  {
    // Renderer tests run the real renderer modules in jsdom: they may import renderer/, never Node's side.
    files: ['tests/unit/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electronOnly, allowTypeImports: true }, electronStore],
          patterns: [
            { group: ['**/electron/**', '**/sim/**'], message: 'Renderer tests stay on the renderer side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...electronOnly, allowTypeImports: true }, electronStore],
          patterns: [
            { group: ['**/renderer/**'], message: 'The Node side never imports the renderer.' },
            {
              group: ['**/sim/**', '../sim', '../../sim'],
              message: 'RigDeck must not depend on the virtual farm.',
            },
          ],
        },
      ],
    },
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/desktop/**'],
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/desktop/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'The Node side never imports the renderer.' },
            { group: ['**/sim/**'], message: 'RigDeck must not depend on the virtual farm.' },
          ],
        },
      ],
    },
  },
);
