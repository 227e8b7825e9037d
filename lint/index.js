// The plugins eslint.config.js uses, resolved from this package's own node_modules, where npm puts
// the TypeScript 5.9 they need next to them (the project's own TypeScript 7 stays at the root).
export { default as tseslint } from 'typescript-eslint';
export { default as importX } from 'eslint-plugin-import-x';
