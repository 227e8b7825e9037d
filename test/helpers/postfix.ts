import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOVECOT_PATH, freeLoopbackPort, systemUser, waitForPort } from './dovecot';
import { waitFor } from './wait-for';

export const POSTFIX_PATH = process.env.POSTFIX_PATH ?? '/usr/sbin/postfix';

export interface PostfixOptions {
  /** Mailbox logins (SASL, checked by Dovecot's auth service). */
  users: Record<string, string>;
  /** Where Postfix relays what it accepts: an SMTP server on 127.0.0.1 that records it. */
  relayPort: number;
  /** The From addresses each login may use (`smtpd_sender_login_maps`); a login missing here may use none. */
  senderLogins: Record<string, string[]>;
  /** `message_size_limit` in bytes, which Postfix also announces as SIZE. @default 10240000 (Postfix's own default) */
  messageSizeLimit?: number;
  /** `smtpd_delay_reject = no`: a sender the login map refuses is refused at MAIL FROM, not at RCPT TO. @default false */
  rejectAtMailFrom?: boolean;
}

export interface TestPostfix {
  /** Submission on 127.0.0.1: STARTTLS with the test CA's certificate, AUTH only after it. */
  port: number;
  /** Postfix's mail log and Dovecot's auth log, for a failure's message. */
  log(): string;
  close(): Promise<void>;
}

/**
 * A real Postfix (Debian's package) as a company's submission server, for this test only: its own
 * configuration, queue and data folders in a temp folder, `smtpd` on a random loopback port with
 * STARTTLS (`smtpd_tls_auth_only`), SASL through a Dovecot auth service of its own (passwd-file),
 * `reject_sender_login_mismatch` with `senderLogins`, and every accepted message relayed to
 * `relayPort`. Runs as root, as CI does; Postfix's daemons drop to the `postfix` user.
 */
export async function startPostfix(options: PostfixOptions): Promise<TestPostfix> {
  for (const [binary, pkg] of [
    [POSTFIX_PATH, 'postfix'],
    [DOVECOT_PATH, 'dovecot-core'],
  ] as const) {
    if (!existsSync(binary)) throw new Error(`${binary} is missing: apt-get install ${pkg} (.ci/run does it)`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-postfix-'));
  // Postfix's daemons (the postfix user) reach their queue, data folder and the auth socket through it.
  chmodSync(dir, 0o755);
  const folders = { conf: path.join(dir, 'conf'), queue: path.join(dir, 'queue'), data: path.join(dir, 'data'), dovecot: path.join(dir, 'dovecot') };
  for (const folder of Object.values(folders)) mkdirSync(folder, { mode: 0o755 });
  const postfixUid = systemUser('postfix');
  chownSync(folders.data, postfixUid.uid, postfixUid.gid);
  const port = await freeLoopbackPort();
  const authSocket = path.join(dir, 'auth');
  const mailLog = path.join(dir, 'maillog');
  const authLog = path.join(folders.dovecot, 'auth.log');

  const logins = Object.entries(options.senderLogins)
    .flatMap(([login, senders]) => senders.map((sender) => `${sender}=${login}`))
    .join(', ');
  writeFileSync(
    path.join(folders.conf, 'main.cf'),
    `compatibility_level = 3.6
queue_directory = ${folders.queue}
data_directory = ${folders.data}
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.firma.test
mydomain = firma.test
myorigin = firma.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
relayhost = [127.0.0.1]:${options.relayPort}
smtp_tls_security_level = none
maillog_file = ${mailLog}
maillog_file_prefixes = ${dir}
smtpd_tls_security_level = may
smtpd_tls_cert_file = ${path.resolve('test/fixtures/certs/server.pem')}
smtpd_tls_key_file = ${path.resolve('test/fixtures/certs/server.key')}
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = ${authSocket}
smtpd_sender_login_maps = inline:{ ${logins} }
smtpd_sender_restrictions = reject_sender_login_mismatch
smtpd_delay_reject = ${options.rejectAtMailFrom ? 'no' : 'yes'}
smtpd_relay_restrictions = permit_sasl_authenticated, reject
message_size_limit = ${options.messageSizeLimit ?? 10_240_000}
`,
  );
  // Debian's master.cf, with smtpd on our port only and nothing chrooted (the temp folder holds no copy of /etc).
  writeFileSync(
    path.join(folders.conf, 'master.cf'),
    `127.0.0.1:${port} inet n - n - - smtpd
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
`,
  );

  // Dovecot for SASL only: no mail protocol, one auth socket for Postfix.
  const dovecotIds = systemUser('dovecot');
  const usersFile = path.join(folders.dovecot, 'users');
  writeFileSync(
    usersFile,
    Object.entries(options.users)
      .map(([user, password]) => `${user}:{PLAIN}${password}\n`)
      .join(''),
    { mode: 0o600 },
  );
  chownSync(usersFile, dovecotIds.uid, dovecotIds.gid);
  writeFileSync(
    path.join(folders.dovecot, 'dovecot.conf'),
    `protocols =
listen = 127.0.0.1
base_dir = ${folders.dovecot}/run
state_dir = ${folders.dovecot}/state
log_path = ${authLog}
ssl = no
default_internal_user = dovecot
default_login_user = dovenull
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${usersFile}
}
userdb {
  driver = static
  args = uid=${dovecotIds.uid} gid=${dovecotIds.gid} home=${folders.dovecot}/home/%u
}
service auth {
  unix_listener ${authSocket} {
    mode = 0660
    user = postfix
    group = postfix
  }
}
`,
  );
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  let output = '';
  const log = () => `${output}\n--- maillog\n${read(mailLog)}\n--- dovecot\n${read(authLog)}`;

  const dovecot = spawn(DOVECOT_PATH, ['-F', '-c', path.join(folders.dovecot, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  dovecot.stderr!.on('data', (d: Buffer) => (output += d));
  const dovecotExited = new Promise<void>((resolve) => dovecot.once('exit', () => resolve()));
  // start-fg: the master stays in the foreground as this child, and `postfix stop` ends it.
  const master = spawn(POSTFIX_PATH, ['-c', folders.conf, 'start-fg'], { stdio: ['ignore', 'pipe', 'pipe'] });
  master.stdout!.on('data', (d: Buffer) => (output += d));
  master.stderr!.on('data', (d: Buffer) => (output += d));
  const masterExited = new Promise<void>((resolve) => master.once('exit', () => resolve()));

  const close = async () => {
    spawnSync(POSTFIX_PATH, ['-c', folders.conf, 'stop'], { stdio: 'ignore' });
    if (master.exitCode === null) master.kill('SIGTERM');
    if (dovecot.exitCode === null) dovecot.kill('SIGTERM');
    await Promise.all([masterExited, dovecotExited]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, 20_000, log, 'postfix');
    await waitFor('Dovecot’s auth socket for Postfix', () => existsSync(authSocket), Boolean, { timeoutMs: 10_000, intervalMs: 50 });
  } catch (error) {
    await close();
    throw error;
  }
  return { port, log, close };
}
