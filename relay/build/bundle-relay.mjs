#!/usr/bin/env node
// Compiles the relay (relay/ and shared/, TypeScript) into one JavaScript file, dist/ownpost.js, the
// `ownpost` command of the npm package: Node 20 cannot run TypeScript, and the package must not need
// tsx or esbuild at run time (issue 20). Why a bundle and not `tsc`: the sources import each other
// without file extensions (moduleResolution "Bundler"), which Node's ESM loader refuses.
//
// Files the relay reads next to its own source stay where they are and ship as they are (package.json
// "files"): the SQLite worker thread (relay/store/sqlite/sql-thread.mjs, plain JavaScript that a worker
// thread starts by its URL); the migrations are TypeScript modules, bundled like the rest. So every `import.meta.url` in a bundled module is
// replaced with that module's original location, and sql-thread.mjs stays an import of its own.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_FILE = path.join(ROOT, 'dist', 'ownpost.js');
const SQL_THREAD = path.join(ROOT, 'relay/store/sqlite/sql-thread.mjs');

/** A relative URL from the bundle to `file`, as a JavaScript expression evaluated in the bundle. */
function urlFromBundle(file) {
  const relative = path.relative(path.dirname(OUT_FILE), file).split(path.sep).join('/');
  return `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
}

const keepSourceLocations = {
  name: 'keep-source-locations',
  setup(b) {
    b.onResolve({ filter: /sql-thread\.mjs$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path);
      if (resolved !== SQL_THREAD) return undefined;
      return { path: `./${path.relative(path.dirname(OUT_FILE), SQL_THREAD).split(path.sep).join('/')}`, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', urlFromBundle(args.path)), loader: 'ts' };
    });
  },
};

await build({
  stdin: {
    contents: "import { main } from './relay/cli.ts';\nawait main(process.argv.slice(2));\n",
    resolveDir: ROOT,
    sourcefile: 'ownpost-entry.ts',
    loader: 'ts',
  },
  outfile: OUT_FILE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies come from node_modules at run time, as package.json "dependencies" declare them.
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [keepSourceLocations],
});

process.stdout.write(`built ${path.relative(ROOT, OUT_FILE)} (${pathToFileURL(OUT_FILE).pathname})\n`);
