import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { certs } from './certs';

export const DOVECOT_PATH = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface TestDovecot {
  /** Implicit TLS (IMAPS) on 127.0.0.1, with the test CA's certificate. */
  port: number;
  users: Record<string, string>;
  /** The raw messages in a user's folder, oldest first. */
  messagesIn(user: string, folder: string): Promise<Buffer[]>;
  log(): string;
  close(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that nothing listens on now, for a server started by a test. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once something accepts connections on 127.0.0.1:`port`; rejects with `log()` after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs: number, log: () => string, what = 'dovecot'): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port}:\n${log()}`);
    // A poll, not a sleep: the server says nothing when it listens, so the port is tried until it answers.
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real Dovecot (Debian's dovecot-imapd) for this test only: its own configuration in a temp
 * folder, IMAPS on a random loopback port, users from a passwd-file, Maildir storage, and a Sent
 * folder marked `\Sent` (RFC 6154). Runs as root (as CI does), with mail owned by the `dovecot` user.
 */
export async function startDovecot(users: Record<string, string>): Promise<TestDovecot> {
  if (!existsSync(DOVECOT_PATH)) throw new Error(`${DOVECOT_PATH} is missing: apt-get install dovecot-imapd (.ci/run does it)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-dovecot-'));
  chmodSync(dir, 0o755);
  const mailDir = path.join(dir, 'mail');
  mkdirSync(mailDir);
  const { uid, gid } = systemUser('dovecot');
  chownSync(mailDir, uid, gid);
  const port = await freeLoopbackPort();
  // Dovecot's auth process reads the passwd-file as the dovecot user.
  writeFileSync(
    path.join(dir, 'users'),
    Object.entries(users)
      .map(([u, p]) => `${u}:{PLAIN}${p}\n`)
      .join(''),
    { mode: 0o600 },
  );
  chownSync(path.join(dir, 'users'), uid, gid);
  const logFile = path.join(dir, 'dovecot.log');
  writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logFile}
ssl = required
ssl_cert = <${path.resolve('test/fixtures/certs/server.pem')}
ssl_key = <${path.resolve('test/fixtures/certs/server.key')}
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:${mailDir}/%u
first_valid_uid = 1
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${mailDir}/%u
}
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = ${port}
    ssl = yes
  }
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
`,
  );
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  // -F: stay in the foreground, so the test owns the process and ends it by its pid.
  const master = spawn(DOVECOT_PATH, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  master.stderr!.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<void>((resolve) => master.once('exit', () => resolve()));
  await waitForPort(port, 10_000, () => `${stderr}\n${log()}`);

  return {
    port,
    users,
    async messagesIn(user, folder) {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: true,
        auth: { user, pass: users[user]! },
        tls: { ca: [certs.ca] },
        logger: false,
      });
      await client.connect();
      try {
        const lock = await client.getMailboxLock(folder);
        try {
          const messages: Buffer[] = [];
          for await (const message of client.fetch('1:*', { source: true })) if (message.source) messages.push(message.source);
          return messages;
        } catch (error) {
          // An empty folder has no 1:*.
          if (/Invalid messageset|No matching messages/i.test(String((error as Error).message))) return [];
          throw error;
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
    },
    log: () => `${stderr}\n${log()}`,
    async close() {
      if (master.exitCode === null) master.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A system user's uid and gid (from /etc/passwd), which the Debian package of a server created. */
export function systemUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`there is no ${name} user: is its Debian package installed?`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
