// ESLint (flat config): recommended JS, typescript-eslint and React hooks rules, and the import
// boundaries of bulletproof-react: shared code (src/components, hooks, lib, utils, api, types,
// stores) below the features, each feature on its own, the app on top composing them.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'e2e/screenshots/'] },
  js.configs.recommended,

  // --- The React app (TypeScript) ---
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts'],
    extends: [tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      // Relative imports without extension, as TypeScript writes them.
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['fonction'] },
        { type: 'partage', pattern: 'src/{components,hooks,lib,utils,api,types,stores}' },
        // Test helpers render the whole app: for tests only.
        { type: 'outils-test', pattern: 'src/test' },
      ],
      // The entry point: it mounts the app and nothing imports it.
      'boundaries/ignore': ['src/main.tsx'],
      'boundaries/files': [{ category: 'test', pattern: '**/*.test.{ts,tsx}' }],
      'boundaries/legacy-templates': false,
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: "{{ from.type }} n'a pas le droit d'importer {{ to.type }} ({{ to.path }}) : voir eslint.config.mjs",
          policies: [
            { from: { element: { type: 'app' } }, allow: { to: { element: { types: { anyOf: ['app', 'feature', 'partage'] } } } } },
            // A feature uses its own files and the shared code, never another feature.
            {
              from: { element: { type: 'feature' } },
              allow: [
                { to: { element: { type: 'partage' } } },
                { to: { element: { type: 'feature', captured: { fonction: '{{ from.captured.fonction }}' } } } },
              ],
            },
            { from: { element: { type: 'partage' } }, allow: { to: { element: { type: 'partage' } } } },
            { from: { element: { type: 'outils-test' } }, allow: { to: { element: { types: { anyOf: ['app', 'outils-test', 'partage'] } } } } },
            // Tests may use the test helpers (which render the app), never production code.
            { from: { file: { categories: 'test' } }, allow: { to: { element: { type: 'outils-test' } } } },
          ],
        },
      ],
    },
  },

  // --- The Electron shell, scripts and end-to-end tests (Node, CommonJS) ---
  {
    files: ['electron/**/*.js', 'commun/**/*.js', 'scripts/**/*.js', 'e2e/**/*.js', '*.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // Code run inside the page by the e2e tests (page.evaluate) and the preload's window.
    files: ['e2e/**/*.js', 'electron/preload.js'],
    languageOptions: { globals: globals.browser },
  },
);
