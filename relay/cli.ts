/**
 * `ownpost <command>`: serve the relay, add users, make pairing codes and tokens.
 * Commands that print a secret print it alone on their last line, for scripts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAddress } from '../shared/address';
import { hashSecretToken, newBearerToken } from './auth/tokens';
import { ConfigError, loadConfig } from './config';
import { DomainError } from './errors/domain-error';
import { addPerson, issueSetupCode, listLiveDevices, makePairingCode, removePerson } from './people/people-service';
import { peopleStoreFor, type PeopleStore } from './people/people-store';
import { createRelayLog, parseLogFormat } from './observability/relay-log';
import { createRelay } from './relay';
import { describeKeyUsage, forgetOldKeys, KeyRotationError, rotateMasterKey } from './secrets/key-rotation';
import { keyFilePath, loadKeyring } from './secrets/master-key';
import { openStore } from './store/open-store';
import { storeFailureOf } from './store/store-errors';
import type { Store } from './store/types';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: ownpost <command>

  serve [--host H] [--port P]          run the relay (default 127.0.0.1:8787)
  user add <email> [--name N] [--admin] add a user (the first user is the admin)
  user list                            the users and their roles
  user remove <email>                  remove a user: their devices stop working at once
  pair <email>                         print a one-time pairing code for the extension (10 minutes)
  token <email>                        print a bearer token for scripts
  devices <email>                      a user's devices (paired browsers, script tokens) and their ids
  revoke <device-id> | --all <email>   revoke a device, or every device of a user
  app-password <email> [--name LABEL]  print a new app password for the SMTP front door (an app's "own SMTP" settings)
  key rotate                           new master key; every stored secret re-encrypted with it
  key status                           the master keys and how many secrets each one encrypts
  key forget-old                       drop old master keys once no secret needs them

Environment: OWNPOST_DATA_DIR, OWNPOST_MASTER_KEY, OWNPOST_PREVIOUS_MASTER_KEYS, OWNPOST_DATABASE_URL, OWNPOST_ALLOW_PRIVATE_HOSTS,
OWNPOST_HOSTNAMES, OWNPOST_RETRY_DELAYS, NODE_EXTRA_CA_CERTS, OWNPOST_SMTP_PORT, OWNPOST_SMTPS_PORT, OWNPOST_SMTP_TLS_CERT,
OWNPOST_SMTP_TLS_KEY, OWNPOST_SMTP_HOST (see README.md).`;

class UsageError extends Error {}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function requireUser(store: Store, email: string | undefined) {
  if (!email) throw new UsageError('an e-mail address is missing');
  // A removed user is no user: no codes, no tokens.
  const user = await peopleStoreFor(store).getActiveUserByEmail(email);
  if (!user) throw new UsageError(`there is no user ${email}; add one with: npx ownpost user add ${email}`);
  return user;
}

/**
 * What a relay without users prints (issue 20): the setup code and where to type it, so the first
 * person needs no second terminal. The code is alone after "Setup code:" on its line, for scripts.
 */
function firstStartSteps(url: string, setup: { code: string; expiresAt: number }): string {
  const built = path.join(REPO_ROOT, '.output', 'chrome-mv3');
  const until = new Date(setup.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return [
    ``,
    `  Ownpost relay is running at ${url}`,
    ``,
    `  This relay has no users yet. Next steps:`,
    `  1. Load the extension: open chrome://extensions, switch on Developer mode, click "Load unpacked"`,
    `     and choose ${existsSync(built) ? built : `${built} (build it with: npm run build)`}`,
    `  2. Click the Ownpost icon, keep the relay address ${url}, and type this code as the pairing code:`,
    ``,
    `     Setup code: ${setup.code}`,
    ``,
    `     The popup then asks for your e-mail address: you become this relay's admin, and add the`,
    `     others in Settings → People. The code works once, until ${until} (one hour); restart the relay`,
    `     for a new one.`,
    `  (In a terminal instead: npx ownpost user add you@yourcompany.com --admin, then npx ownpost pair you@yourcompany.com)`,
    ``,
  ].join('\n');
}

/** What a relay with users prints: how a person gets connected (the setup code is only for the first). */
function nextSteps(url: string, userCount: number): string {
  const built = path.join(REPO_ROOT, '.output', 'chrome-mv3');
  const lines = [
    ``,
    `  Ownpost relay is running at ${url}`,
    ``,
    `  Next steps:`,
    `  1. Load the extension: open chrome://extensions, switch on Developer mode, click "Load unpacked"`,
    `     and choose ${existsSync(built) ? built : `${built} (build it with: npm run build)`}`,
    `  2. Users: ${userCount} on this relay. An admin adds people and makes their pairing codes in Settings → People`,
    `     (or: npx ownpost user add <email>, then npx ownpost pair <email>).`,
    `  3. Click the Ownpost icon, keep the relay URL ${url}, type the code and press Connect.`,
    ``,
  ];
  return lines.join('\n');
}

/**
 * Why the relay (or its SMTP door) could not listen, in words an admin acts on, for the errors a
 * setting causes: a port another program holds (a relay already running), an address this machine
 * does not have, a name that does not resolve, a port below 1024 without the right. Anything else
 * is no setting's fault and stays an error with its stack.
 */
function listenRefusal(error: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string }): string | undefined {
  const where = error.address !== undefined ? `${error.address}${error.port !== undefined ? `:${error.port}` : ''}` : (error.hostname ?? '');
  switch (error.code) {
    case 'EADDRINUSE':
      return `cannot listen on ${where}: another program (perhaps another relay) already listens there; stop it or choose another port (--port, OWNPOST_PORT, OWNPOST_SMTP_PORT, OWNPOST_SMTPS_PORT)`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${where}: this machine has no such address; use one of its own (--host, OWNPOST_HOST, OWNPOST_SMTP_HOST), or 0.0.0.0 for all`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return `cannot listen on "${where}": the name does not resolve to an address of this machine (--host, OWNPOST_HOST, OWNPOST_SMTP_HOST)`;
    case 'EACCES':
    case 'EPERM':
      return `cannot listen on ${where}: not allowed (ports below 1024 need root or CAP_NET_BIND_SERVICE); choose a port above 1023`;
    default:
      return undefined;
  }
}

/**
 * A database that cannot be opened (down, unreachable, a wrong password or database name), which
 * ended every command in a stack trace from inside pg-pool: one line with the database's own words
 * (they never hold the password) and exit code 2, like a port that cannot be listened on.
 */
function databaseRefusal(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  // SQLSTATE classes 28 (invalid authorization) and 3D (invalid catalog name: no such database).
  const refusedByServer = typeof code === 'string' && /^(28|3D)[0-9A-Z]{3}$/.test(code);
  if (!refusedByServer && storeFailureOf(error) !== 'store_unavailable') return undefined;
  const message = (error as Error).message;
  const coded = typeof code === 'string' && !message.includes(code) ? `${code} ` : '';
  return `cannot open the database: ${coded}${message} (check OWNPOST_DATABASE_URL and that PostgreSQL is up, or the data folder for SQLite)`;
}

async function serveCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { host: { type: 'string' }, port: { type: 'string' } } });
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port.trim())) throw new UsageError(`--port must be a TCP port (0 to 65535), not "${values.port}"`);
  const config = loadConfig(process.env, {
    ...(values.host ? { host: values.host } : {}),
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
  });
  // OWNPOST_LOG=json: one JSON object a line, with a record per HTTP request (relay/observability/).
  const log = createRelayLog(parseLogFormat(process.env.OWNPOST_LOG));
  const relay = await createRelay(config, log);
  let url: string;
  try {
    url = await relay.listen();
  } catch (error) {
    const refusal = listenRefusal(error as NodeJS.ErrnoException);
    if (!refusal) throw error;
    await relay.close().catch(() => {});
    throw new ConfigError(refusal);
  }
  const setup = await issueSetupCode(relay.store, peopleStoreFor(relay.store), Date.now());
  process.stdout.write((setup ? firstStartSteps(url, setup) : nextSteps(url, await relay.store.countUsers())) + '\n');
  log(`listening on ${url} (data in ${config.dataDir})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing in-flight sends`);
    // Whatever hangs (a store that does not answer), the process ends: a supervisor waits for it.
    setTimeout(() => {
      log(`${signal}: the relay did not stop within its grace; exiting`);
      process.exit(1);
    }, config.shutdownGraceMs + 15_000).unref();
    await relay.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function userCommand(args: string[]) {
  const [sub, ...rest] = args;
  if (sub === 'list') return userListCommand();
  if (sub === 'remove') return userRemoveCommand(rest);
  if (sub !== 'add') throw new UsageError('usage: ownpost user add <email> [--name N] [--admin] | user list | user remove <email>');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { name: { type: 'string' }, admin: { type: 'boolean' } },
  });
  const parsed = parseAddress(positionals[0] ?? '');
  if (!parsed.ok) throw new UsageError(parsed.message);
  await withStore(async (store) => {
    const { user, restored } = await addPerson(store, peopleStoreFor(store), { email: parsed.value.address, name: values.name ?? null, role: values.admin ? 'admin' : 'member' }, Date.now());
    process.stdout.write(`${restored ? 'Added again' : 'Added'} ${user.email} (${user.role}). Next: npx ownpost pair ${user.email}\n`);
  });
}

async function userListCommand() {
  await withStore(async (store) => {
    for (const user of await peopleStoreFor(store).listActiveUsers()) {
      process.stdout.write(`${user.email}  ${user.role}${user.name ? `  ${user.name}` : ''}\n`);
    }
  });
}

async function userRemoveCommand(args: string[]) {
  await withStore(async (store) => {
    const user = await requireUser(store, args[0]);
    await removePerson(peopleStoreFor(store), user, Date.now());
    process.stdout.write(`Removed ${user.email}: their devices no longer work; their personal senders are deleted.\n`);
  });
}

async function pairCommand(args: string[]) {
  await withStore(async (store) => {
    const user = await requireUser(store, args[0]);
    const { code } = await makePairingCode(store, user, Date.now());
    process.stdout.write(`Pairing code for ${user.email} (works once, for 10 minutes):\n${code}\n`);
  });
}

/** `ownpost devices <email>`: one line per device that still works: id, name, paired, last used. */
async function devicesCommand(args: string[]) {
  const config = loadConfig();
  await withStore(async (store) => {
    const user = await requireUser(store, args[0]);
    const devices = await listLiveDevices(peopleStoreFor(store), user.id, Date.now(), config.tokenIdleTtlMs);
    if (!devices.length) process.stdout.write(`${user.email} has no devices.\n`);
    for (const d of devices) {
      process.stdout.write(`${d.id}  ${d.name}  paired ${d.createdAt}  last used ${d.lastUsedAt ?? 'never'}\n`);
    }
  });
}

/** `ownpost revoke <device-id>` or `ownpost revoke --all <email>`: the tokens get 401 at once. */
async function revokeCommand(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { all: { type: 'string' } } });
  await withStore(async (store) => {
    const people: PeopleStore = peopleStoreFor(store);
    if (values.all !== undefined) {
      const user = await requireUser(store, values.all);
      const count = await people.deleteDevicesOf(user.id);
      process.stdout.write(`Revoked ${count} device(s) of ${user.email}.\n`);
      return;
    }
    const id = positionals[0];
    if (!id) throw new UsageError('usage: ownpost revoke <device-id> | revoke --all <email> (ids: npx ownpost devices <email>)');
    if (!(await people.deleteDevice(id))) throw new UsageError(`there is no device ${id}; list them with: npx ownpost devices <email>`);
    process.stdout.write(`Revoked device ${id}.\n`);
  });
}

async function tokenCommand(args: string[]) {
  await withStore(async (store) => {
    const user = await requireUser(store, args[0]);
    const token = newBearerToken();
    await store.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'cli', createdAt: Date.now() });
    process.stdout.write(`Bearer token for ${user.email} (keep it secret):\n${token}\n`);
  });
}

/** `ownpost app-password <email> [--name LABEL]`: the password alone on the last line (issue 19). */
async function appPasswordCommand(args: string[]) {
  // Loaded here, not at start-up: every other command starts as fast as before.
  const [{ zAppPasswordInput }, { createAppPassword, TooManyAppPasswordsError }] = await Promise.all([import('../shared/api-schemas'), import('./auth/app-passwords')]);
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
  const name = (values.name ?? 'SMTP app').trim();
  const check = zAppPasswordInput.safeParse({ name });
  if (!check.success) throw new UsageError(`--name: ${check.error.issues[0]?.message ?? 'not a valid name'}`);
  await withStore(async (store) => {
    const user = await requireUser(store, positionals[0]);
    try {
      const { password } = await createAppPassword(store, user, check.data.name);
      process.stdout.write(`App password "${check.data.name}" for ${user.email}. In the app's SMTP settings: username ${user.email}, this password (shown once):\n${password}\n`);
    } catch (error) {
      if (error instanceof TooManyAppPasswordsError) throw new UsageError(error.message);
      throw error;
    }
  });
}

/**
 * `ownpost key rotate|status|forget-old` (relay/secrets/key-rotation.ts). Exits 1 when a secret could
 * not be re-encrypted: it was sealed with a key this relay does not have, and the admin must know.
 */
async function keyCommand(args: string[]) {
  const [sub] = args;
  const config = loadConfig();
  if (config.databaseUrl && !config.masterKey) {
    // A key file is one machine's: a key written there would seal secrets no other instance can open.
    throw new ConfigError('with OWNPOST_DATABASE_URL the master key is OWNPOST_MASTER_KEY, the same on every relay instance; set it to run key commands');
  }
  if (sub === 'rotate') {
    await withStore(async (store) => {
      const report = await rotateMasterKey(store, config);
      process.stdout.write(
        `Re-encrypted ${report.resealed} secret(s) with master key ${report.newKeyId}` +
          (report.source === 'file' ? ` (new, first line of ${keyFilePath(config.dataDir)}).\n` : ' (OWNPOST_MASTER_KEY).\n'),
      );
      if (report.previousKeyIds.length) {
        process.stdout.write(
          `Kept for decryption: ${report.previousKeyIds.join(', ')}. ` +
            (report.source === 'file' ? 'Once backups made with them are no longer needed: npx ownpost key forget-old\n' : 'You can now remove OWNPOST_PREVIOUS_MASTER_KEYS.\n'),
        );
      } else if (report.source === 'environment') {
        process.stdout.write('To rotate an environment key: set OWNPOST_MASTER_KEY to a new key (openssl rand -base64 32), put the old one in OWNPOST_PREVIOUS_MASTER_KEYS, and run this again.\n');
      }
      if (report.unreadable.length) {
        for (const u of report.unreadable) {
          process.stderr.write(`ownpost: cannot decrypt ${u.field} of profile ${u.profileId} (${u.table}), sealed with key ${u.keyId ?? 'unknown'}; it was left as it is\n`);
        }
        process.exitCode = 1;
      }
    });
    return;
  }
  if (sub === 'status') {
    await withStore(async (store) => {
      const keyring = loadKeyring(config);
      process.stdout.write(`Master keys from ${keyring.source === 'file' ? keyring.file : 'OWNPOST_MASTER_KEY'}:\n`);
      for (const usage of await describeKeyUsage(store, keyring)) {
        process.stdout.write(`  ${usage.keyId}  ${usage.role.padEnd(8)}  ${usage.secrets} secret(s)\n`);
        if (usage.role === 'missing') process.exitCode = 1;
      }
    });
    return;
  }
  if (sub === 'forget-old') {
    await withStore(async (store) => {
      try {
        const { forgotten } = await forgetOldKeys(store, config);
        process.stdout.write(forgotten.length ? `Removed master key(s) ${forgotten.join(', ')} from the key file.\n` : 'There are no old keys to remove.\n');
      } catch (error) {
        if (error instanceof KeyRotationError) throw new UsageError(error.message);
        throw error;
      }
    });
    return;
  }
  throw new UsageError('usage: ownpost key rotate | key status | key forget-old');
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(args);
      case 'user':
        return await userCommand(args);
      case 'pair':
        return await pairCommand(args);
      case 'token':
        return await tokenCommand(args);
      case 'devices':
        return await devicesCommand(args);
      case 'revoke':
        return await revokeCommand(args);
      case 'key':
        return await keyCommand(args);
      case 'app-password':
        return await appPasswordCommand(args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    const database = databaseRefusal(error);
    if (database) {
      process.stderr.write(`ownpost: ${database}\n`);
      process.exit(2);
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DomainError || ((error as Error).name === 'TypeError' && /parseArgs|option/i.test((error as Error).message))) {
      process.stderr.write(`ownpost: ${(error as Error).message}\n`);
      if (error instanceof UsageError && /unknown command/.test(error.message)) process.stderr.write(USAGE + '\n');
      process.exit(2);
    }
    throw error;
  }
}
