import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startRelayProcess } from '../helpers/relay-process';

const run = promisify(execFile);
const BIN = path.resolve('relay/bin/ownpost.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-cli-'));
const env = { ...process.env, OWNPOST_DATA_DIR: dataDir, OWNPOST_MASTER_KEY: '' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const ownpost = (...args: string[]) => run('node', [BIN, ...args], { env });
const lastLine = (text: string) => text.trim().split('\n').pop()!;

describe('the ownpost CLI', () => {
  it('adds users (the first is admin), prints pairing codes and tokens alone on the last line', async () => {
    const added = await ownpost('user', 'add', 'anna@firma.se', '--name', 'Anna Berg');
    expect(added.stdout).toMatch(/anna@firma\.se \(admin\)/);
    const second = await ownpost('user', 'add', 'bo@firma.se');
    expect(second.stdout).toMatch(/\(member\)/);
    expect(lastLine((await ownpost('pair', 'anna@firma.se')).stdout)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(lastLine((await ownpost('token', 'anna@firma.se')).stdout)).toMatch(/^opt_[\w-]{43}$/);
    const listed = (await ownpost('user', 'list')).stdout;
    expect(listed).toMatch(/^anna@firma\.se {2}admin {2}Anna Berg$/m);
    expect(listed).toMatch(/^bo@firma\.se {2}member$/m);
    // Five runs of the CLI, each starting Node and opening the database: slow on a loaded machine.
  }, 120_000);

  it('explains mistakes with exit code 2', async () => {
    const failure = await ownpost('pair', 'nobody@firma.se').catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/ownpost user add nobody@firma\.se/);
    const bad = await ownpost('user', 'add', 'not an address').catch((e: { code: number }) => e);
    expect(bad).toMatchObject({ code: 2 });
  });

  it('serves: prints where it listens and what to do next, answers /healthz, and stops on SIGTERM', async () => {
    const child = spawn('node', [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL in: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(out).toMatch(/Load unpacked/);
    expect(out).toMatch(/npx ownpost pair/);
    const health = await fetch(`${url}/healthz`).then((r) => r.json());
    expect(health.status).toBe('ok');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to serve where it cannot listen with exit code 2 and one line saying why, not a stack trace', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as net.AddressInfo).port;
    try {
      const cases: [string[], RegExp][] = [
        [['--port', String(taken)], new RegExp(`cannot listen on 127\\.0\\.0\\.1:${taken}: another program \\(perhaps another relay\\) already listens there`)],
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): no machine has it.
        [['--host', '192.0.2.1', '--port', '0'], /cannot listen on 192\.0\.2\.1\b.*: this machine has no such address/],
        [['--port', 'abc'], /--port must be a TCP port \(0 to 65535\), not "abc"/],
      ];
      for (const [args, message] of cases) {
        const failure = await ownpost('serve', ...args).then(
          () => ({ code: 0, stderr: '' }),
          (e: { code: number; stderr: string }) => e,
        );
        expect(failure.code, args.join(' ')).toBe(2);
        expect(failure.stderr).toMatch(message);
        expect(failure.stderr).not.toMatch(/^\s+at /m);
      }
    } finally {
      holder.close();
    }
  }, 60_000);

  it('created the master key file with mode 0600 on first start', () => {
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('tightens a key file that others can read at start-up, with a warning (issue 14)', async () => {
    const { chmodSync } = await import('node:fs');
    chmodSync(path.join(dataDir, 'master.key'), 0o644);
    const relay = await startRelayProcess({ OWNPOST_DATA_DIR: dataDir, OWNPOST_MASTER_KEY: '' });
    try {
      expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
      expect(relay.log()).toMatch(/warning: .*master\.key could be read by other users \(mode 644\); changed it to 600/);
    } finally {
      await relay.kill();
    }
  });
});

describe('the first start of a relay without users', () => {
  it('prints a setup code on every start while the relay has no users, a new one each time, and none once it has one', async () => {
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-cli-empty-'));
    const codeIn = (text: string) => /Setup code: (\S+)$/m.exec(text)?.[1];
    try {
      const codes: (string | undefined)[] = [];
      for (let start = 0; start < 2; start++) {
        const relay = await startRelayProcess({ OWNPOST_DATA_DIR: emptyDir, OWNPOST_MASTER_KEY: '' });
        codes.push(codeIn(relay.stdout()));
        await relay.kill();
      }
      expect(codes[0]).toMatch(/^\w{4}-\w{4}-\w{4}$/);
      expect(codes[1]).toMatch(/^\w{4}-\w{4}-\w{4}$/);
      expect(codes[1]).not.toBe(codes[0]);

      await run('node', [BIN, 'user', 'add', 'anna@firma.se'], { env: { ...env, OWNPOST_DATA_DIR: emptyDir } });
      const withUser = await startRelayProcess({ OWNPOST_DATA_DIR: emptyDir, OWNPOST_MASTER_KEY: '' });
      expect(codeIn(withUser.stdout())).toBeUndefined();
      expect(withUser.stdout()).toMatch(/Settings → People/);
      await withUser.kill();
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 120_000);
});
