/**
 * `ownpost <command>`: serve the relay, add users, make pairing codes and tokens.
 * Commands that print a secret print it alone on their last line, for scripts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAddress } from '../shared/address';
import { hashSecretToken, newBearerToken, newPairingCode, PAIRING_CODE_TTL_MS } from './auth/tokens';
import { ConfigError, loadConfig } from './config';
import { createRelay } from './relay';
import { describeKeyUsage, forgetOldKeys, KeyRotationError, rotateMasterKey } from './secrets/key-rotation';
import { keyFilePath, loadKeyring } from './secrets/master-key';
import { openStore } from './store/open-store';
import type { Store } from './store/types';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: ownpost <command>

  serve [--host H] [--port P]          run the relay (default 127.0.0.1:8787)
  user add <email> [--name N] [--admin] add a user (the first user is the admin)
  pair <email>                         print a one-time pairing code for the extension (10 minutes)
  token <email>                        print a bearer token for scripts
  key rotate                           new master key; every stored secret re-encrypted with it
  key status                           the master keys and how many secrets each one encrypts
  key forget-old                       drop old master keys once no secret needs them

Environment: OWNPOST_DATA_DIR, OWNPOST_MASTER_KEY, OWNPOST_PREVIOUS_MASTER_KEYS, OWNPOST_DATABASE_URL, OWNPOST_ALLOW_PRIVATE_HOSTS,
OWNPOST_HOSTNAMES, OWNPOST_RETRY_DELAYS, NODE_EXTRA_CA_CERTS (see README.md).`;

class UsageError extends Error {}

function log(line: string) {
  process.stderr.write(`[ownpost] ${new Date().toISOString()} ${line}\n`);
}

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
  const user = await store.getUserByEmail(email);
  if (!user) throw new UsageError(`there is no user ${email}; add one with: npx ownpost user add ${email}`);
  return user;
}

function nextSteps(url: string, userCount: number): string {
  const built = path.join(REPO_ROOT, '.output', 'chrome-mv3');
  const lines = [
    ``,
    `  Ownpost relay is running at ${url}`,
    ``,
    `  Next steps:`,
    `  1. Load the extension: open chrome://extensions, switch on Developer mode, click "Load unpacked"`,
    `     and choose ${existsSync(built) ? built : `${built} (build it with: npm run build)`}`,
    userCount === 0
      ? `  2. Add yourself (the first user is the admin):  npx ownpost user add you@yourcompany.com --name "Your Name"`
      : `  2. Users: ${userCount} on this relay (add more with: npx ownpost user add <email>)`,
    `  3. Get a pairing code:  npx ownpost pair you@yourcompany.com`,
    `  4. Click the Ownpost icon, keep the relay URL ${url}, type the code and press Connect.`,
    ``,
  ];
  return lines.join('\n');
}

async function serveCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { host: { type: 'string' }, port: { type: 'string' } } });
  const config = loadConfig(process.env, {
    ...(values.host ? { host: values.host } : {}),
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
  });
  const relay = await createRelay(config, log);
  const url = await relay.listen();
  process.stdout.write(nextSteps(url, await relay.store.countUsers()) + '\n');
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
  if (sub !== 'add') throw new UsageError('usage: ownpost user add <email> [--name N] [--admin]');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { name: { type: 'string' }, admin: { type: 'boolean' } },
  });
  const parsed = parseAddress(positionals[0] ?? '');
  if (!parsed.ok) throw new UsageError(parsed.message);
  await withStore(async (store) => {
    if (await store.getUserByEmail(parsed.value.address)) throw new UsageError(`${parsed.value.address} is already a user`);
    const user = await store.createUser({
      id: randomUUID(),
      email: parsed.value.address,
      name: values.name ?? null,
      role: values.admin ? 'admin' : 'member',
      createdAt: Date.now(),
    });
    process.stdout.write(`Added ${user.email} (${user.role}). Next: npx ownpost pair ${user.email}\n`);
  });
}

async function pairCommand(args: string[]) {
  await withStore(async (store) => {
    const user = await requireUser(store, args[0]);
    const code = newPairingCode();
    await store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + PAIRING_CODE_TTL_MS });
    process.stdout.write(`Pairing code for ${user.email} (works once, for 10 minutes):\n${code}\n`);
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
            (report.source === 'file'
              ? 'Once backups made with them are no longer needed: npx ownpost key forget-old\n'
              : 'You can now remove OWNPOST_PREVIOUS_MASTER_KEYS.\n'),
        );
      } else if (report.source === 'environment') {
        process.stdout.write(
          'To rotate an environment key: set OWNPOST_MASTER_KEY to a new key (openssl rand -base64 32), put the old one in OWNPOST_PREVIOUS_MASTER_KEYS, and run this again.\n',
        );
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
      case 'key':
        return await keyCommand(args);
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
    if (error instanceof UsageError || error instanceof ConfigError || (error as Error).name === 'TypeError' && /parseArgs|option/i.test((error as Error).message)) {
      process.stderr.write(`ownpost: ${(error as Error).message}\n`);
      if (error instanceof UsageError && /unknown command/.test(error.message)) process.stderr.write(USAGE + '\n');
      process.exit(2);
    }
    throw error;
  }
}
