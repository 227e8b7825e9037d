#!/usr/bin/env node
/**
 * `npm test`'s test run: two vitest runs side by side, the end-to-end tests (one browser at a time) and
 * every other layer (unit, extension, relay). Within one vitest run, a project whose files run one at a
 * time (e2e: `fileParallelism: false`) starts only after every other project has finished; the relay's
 * tests mostly wait on their servers and sockets and the browsers mostly on their own processes, so side
 * by side the suite takes about as long as the longer of the two instead of their sum.
 *
 * Arguments go to both runs (`npm test -- test/relay/outbox.test.ts`, `--reporter=dot`); a run with none of
 * the named files then passes with no tests. Each output line is prefixed with its run's name. Exits with
 * the first failing run's code, after both have ended.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const runs = [
  { name: 'e2e', projects: ['e2e'] },
  { name: 'rest', projects: ['unit', 'extension', 'relay'] },
];

function start({ name, projects }) {
  const started = Date.now();
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...projects.flatMap((p) => ['--project', p]), ...(args.length ? ['--passWithNoTests'] : []), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The runs write into pipes: colours only where this process writes to a terminal.
    env: { ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }), ...process.env },
  });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    createInterface({ input: stream }).on('line', (line) => out.write(`[${name}] ${line}\n`));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ name, code: 1, seconds: 0, error }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(runs.map(start));
for (const { name, code, seconds, error } of results) {
  console.log(`[${name}] ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s${error ? `: ${error.message}` : ''}`);
}
process.exitCode = results.find((r) => r.code !== 0)?.code ?? 0;
