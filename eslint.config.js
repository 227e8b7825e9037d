// ESLint for the whole repository. The rules that shape the code base (which area may import what,
// no import cycles) are errors; `npm run lint` runs them and `npm test` runs the lint first.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import { importX, tseslint } from 'ownpost-lint';

const root = import.meta.dirname;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

// The relay's HTTP side: the server, its routes and guards, and the SMTP front door. Everything
// else in relay/ is domain code, which must not depend on HTTP: the SMTP front door and the CLI
// reach it without a request.
const RELAY_HTTP_SIDE = new Set(['http', 'routes', 'smtp', 'app.ts', 'relay.ts', 'cli.ts']);
const relayDomain = readdirSync(`${root}/relay`).filter((entry) => !RELAY_HTTP_SIDE.has(entry));

export default tseslint.config(
  {
    ignores: ['.output/', '.wxt/', '.tsbuild/', 'dist/', 'lint/node_modules/', 'test/fixtures/', 'docs/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Which files import-x reads to follow imports; it reads only .js files unless told.
      'import-x/extensions': SOURCE_EXTENSIONS,
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: [...SOURCE_EXTENSIONS, '.json'] })],
    },
    rules: {
      // verbatimModuleSyntax keeps every import that is not marked `type`: a type imported as a
      // value would be loaded at run time.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // A leading underscore marks a binding that is there for its position, not its value.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './shared',
              from: ['./relay', './extension', './test'],
              message: 'shared/ is the contract both sides import: it imports only zod and shared/.',
            },
            { target: './relay', from: './extension', message: 'The relay never imports the extension.' },
            { target: './extension', from: './relay', message: 'The extension never imports the relay: it talks to it over HTTP.' },
            {
              target: relayDomain.map((entry) => `./relay/${entry}`),
              from: './relay/http',
              message: "The relay's domain code does not depend on HTTP: it takes plain arguments and throws its own errors.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/|$)|\\.\\.?/)',
              message: 'shared/ runs in Node and in browsers: it imports only zod and shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['relay/**'],
    ignores: [...RELAY_HTTP_SIDE].map((entry) => `relay/${entry}${entry.endsWith('.ts') ? '' : '/**'}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*'],
              message: "The relay's domain code does not depend on HTTP: Hono belongs in relay/http and relay/routes.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON answers of many shapes and reach into fakes; the assertions check the shapes.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // TypeScript checks names in .ts files; plain JavaScript here runs on Node.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
