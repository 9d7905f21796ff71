import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'This layer must not use Node built-ins.' };
const electron = {
  name: 'electron',
  message: 'Only src/main and src/preload may import electron.',
};
const electronSubpaths = { group: ['electron/*'], message: electron.message };
const counterSqlite = {
  name: 'better-sqlite3-multiple-ciphers',
  message: "The counter's SQLite belongs to src/core; central keeps its data in its own store.",
};

/** A layer's folder anywhere in an import path: '../../core/db/open' is inside core. */
const layer = (...names) => names.map((n) => `**/${n}/**`);

/**
 * Which way imports may point. shared ← core ← adapters (main, cli, central); preload sees
 * only shared; the renderer sees only shared (and the facade through window.ventanilla).
 * Central may use core's plain-Node helpers (canonical JSON, CSV, register rows, passwords)
 * but never the counter's composition (core/app) or its SQLite; the CLI may call central's
 * admin entry and the core's facade, but no Electron code.
 */
const boundaries = [
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    paths: [electron],
    patterns: [
      nodeBuiltins,
      {
        group: layer('core', 'main', 'preload', 'renderer', 'cli', 'central'),
        message: 'src/shared depends on nothing.',
      },
    ],
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    paths: [electron],
    patterns: [
      electronSubpaths,
      {
        group: layer('main', 'preload', 'renderer', 'cli', 'central'),
        message: 'src/core is plain Node: no adapters.',
      },
    ],
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    paths: [electron],
    patterns: [
      nodeBuiltins,
      {
        group: layer('core', 'main', 'preload', 'cli', 'central'),
        message: 'The renderer talks only to the facade.',
      },
    ],
  },
  {
    files: ['src/preload/**/*.{ts,tsx}'],
    paths: [],
    patterns: [
      nodeBuiltins,
      {
        group: layer('core', 'main', 'renderer', 'cli', 'central'),
        message: 'The preload builds the facade from the contract alone.',
      },
    ],
  },
  {
    files: ['src/main/**/*.{ts,tsx}'],
    paths: [],
    patterns: [
      {
        group: layer('renderer', 'preload', 'cli', 'central'),
        message: 'src/main relays named calls to the core: no other adapter.',
      },
    ],
  },
  {
    files: ['src/cli/**/*.{ts,tsx}'],
    paths: [electron],
    patterns: [
      electronSubpaths,
      {
        group: layer('main', 'preload', 'renderer'),
        message: 'The CLI runs in plain Node: no Electron shell, no screens.',
      },
    ],
  },
  {
    files: ['src/central/**/*.{ts,tsx}'],
    paths: [electron, counterSqlite],
    patterns: [
      electronSubpaths,
      {
        group: [
          ...layer('main', 'preload', 'renderer', 'cli'),
          '**/core/app/**',
          '**/core/db/open',
          '**/core/db/keys',
        ],
        message: "Central is a service of its own: no adapters, no counter's core or database.",
      },
    ],
  },
];

export const boundaryRules = boundaries.map(({ files, paths, patterns }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
}));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-artifacts/**',
      'tests/fixtures/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // In tests a wrong `!` fails the test loudly, which is what a test is for.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...boundaryRules,
  {
    // Handlers parse, check and call their feature's store: the SQL lives in the store.
    files: ['src/core/**/handlers.ts', 'src/core/**/*-handler.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(prepare|exec|pragma)$/]:not([callee.object.regex])',
          message: "No SQL in a handler: call the owning feature's store.",
        },
      ],
    },
  },
  {
    // A cycle makes load order decide what is initialised: no module may import itself back.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
