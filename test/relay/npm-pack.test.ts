// The relay as an npm package (issue 20): `npm pack` builds it (the `prepare` script compiles relay/ and
// shared/ into dist/ownpost.js) and the tarball runs on its own, as compiled JavaScript.
//
// What this proves and what it does not: the tarball is unpacked the way `npm install <tarball>` lays it
// out (node_modules/ownpost, its bin linked in node_modules/.bin and made executable), and its runtime
// dependencies are linked from this repository's node_modules instead of being downloaded (the test runs
// offline, and better-sqlite3 would take a minute to build). Only the packed package.json's
// "dependencies" are linked, so anything the package needs but does not declare (tsx, esbuild, a .ts
// file left out of "files") fails here. That npm's registry resolves those dependencies is not tested.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayProcess, type RelayProcess } from '../helpers/relay-process';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const run = promisify(execFile);
const REPO = path.resolve('.');
const work = mkdtempSync(path.join(os.tmpdir(), 'ownpost-pack-'));
const installDir = path.join(work, 'company-server');
const packageDir = path.join(installDir, 'node_modules', 'ownpost');
const dataDir = path.join(work, 'data');

let files: string[] = [];
let packed: { bin: Record<string, string>; dependencies: Record<string, string> };
let bin: string;

beforeAll(async () => {
  // The real `npm pack`, with its lifecycle scripts: that is where the relay gets compiled.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
  const [report] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [{ filename: string; files: { path: string }[] }];
  files = report.files.map((f) => f.path);

  mkdirSync(packageDir, { recursive: true });
  await run('tar', ['-xzf', path.join(work, report.filename), '-C', packageDir, '--strip-components=1']);
  packed = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  for (const dependency of Object.keys(packed.dependencies)) {
    const link = path.join(installDir, 'node_modules', dependency);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules', dependency), link);
  }
  // What npm's bin-links does on install.
  bin = path.join(installDir, 'node_modules', '.bin', 'ownpost');
  mkdirSync(path.dirname(bin), { recursive: true });
  symlinkSync(path.join('..', 'ownpost', packed.bin.ownpost!), bin);
  chmodSync(path.join(packageDir, packed.bin.ownpost!), 0o755);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the relay as an npm package', () => {
  it('ships compiled JavaScript (the migrations inside it) and the SQLite thread, and no TypeScript', () => {
    expect(packed.bin.ownpost).toBe('dist/ownpost.js');
    expect(files).toContain('dist/ownpost.js');
    expect(files).toContain('relay/store/sqlite/sql-thread.mjs');
    // The one migration history is TypeScript, bundled: no SQL files beside the bundle (issue 17).
    expect(files.filter((f) => f.endsWith('.sql'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(files.some((f) => f.startsWith('extension/') || f.startsWith('test/'))).toBe(false);
  });

  it('needs neither tsx nor esbuild at run time', () => {
    expect(Object.keys(packed.dependencies)).not.toContain('tsx');
    expect(Object.keys(packed.dependencies)).not.toContain('esbuild');
    expect(readFileSync(path.join(packageDir, 'dist/ownpost.js'), 'utf8')).not.toMatch(/from ["'](tsx|esbuild)/);
  });

  describe('installed elsewhere', () => {
    let relay: RelayProcess;
    let smtp: TestSmtpServer;
    const env = { OWNPOST_DATA_DIR: dataDir, OWNPOST_MASTER_KEY: '' };
    const ownpost = (...args: string[]) => run(bin, args, { cwd: installDir, env: { ...process.env, ...env } });
    const lastLine = (text: string) => text.trim().split('\n').pop()!;

    beforeAll(async () => {
      smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
      relay = await startRelayProcess(env, 30_000, bin);
    });
    afterAll(async () => {
      await relay?.kill();
      await smtp?.close();
    });

    it('`npx ownpost serve` answers /healthz with the package version', async () => {
      const health = await fetch(`${relay.url}/healthz`).then((r) => r.json());
      expect(health).toEqual({ status: 'ok', version: JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version });
      // The same command through npx, from the folder it was installed in.
      const help = await run('npx', ['--offline', '--no-install', 'ownpost', 'help'], { cwd: installDir, env: { ...process.env, ...env } });
      expect(help.stdout).toMatch(/Usage: ownpost <command>/);
    });

    it('adds a user, makes a token and delivers a message through the SQLite outbox to a real SMTP server', async () => {
      await ownpost('user', 'add', 'anna@firma.se', '--name', 'Anna Berg');
      const token = lastLine((await ownpost('token', 'anna@firma.se')).stdout);
      const call = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
        fetch(`${relay.url}${route}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: await r.json() }));

      const profile = await call('POST', '/v1/profiles', {
        name: 'Office',
        fromName: 'Anna Berg',
        fromAddress: 'anna@firma.se',
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' },
        auth: { type: 'password', username: 'anna@firma.se', password: 'correct horse battery staple' },
      });
      expect(profile.status, JSON.stringify(profile.body)).toBe(201);
      const sent = await call('POST', '/v1/messages', { profileId: profile.body.id, to: ['kund@exempel.se'], subject: 'Faktura 4711', text: 'Hej!' }, { 'idempotency-key': 'pack-1' });
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      const [mail] = await smtp.waitForMessages(1, 20_000);
      expect(mail!.parsed.subject).toBe('Faktura 4711');
      expect(mail!.envelope.to).toEqual(['kund@exempel.se']);
    });
  });
});
