/**
 * The OAuth2 access-token cache lives in the database, not in a relay process (issue 8): two relay
 * instances on one database (SQLite file, or PostgreSQL) share a token, and a token one of them saw
 * refused is gone for the other too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { loadConfig } from '../../relay/config';
import { createRelay, type Relay } from '../../relay/relay';
import { certs } from '../helpers/certs';
import { oauthEnv, startOAuthTokenServer, type OAuthTokenServer } from '../helpers/oauth-token-server';
import { APP_CLIENT_ID, appOnlyProfile, createProfile, sendMessage, TENANT_ID, waitForStatus } from '../helpers/oauth-test-kit';
import { databaseUrlWithSchema, dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { startXOAuth2SmtpServer, type XOAuth2SmtpServer } from '../helpers/xoauth2-smtp-server';

const CLIENT_SECRET = `Xy8Q~${randomBytes(24).toString('base64url')}`;
const MAILBOX = 'faktura@firma.se';

interface Database {
  env: NodeJS.ProcessEnv;
  cleanup: () => Promise<void>;
}

/** Both instances get the same environment: the same database and the same master key. */
const databases: { name: string; create: () => Promise<Database> }[] = [
  {
    name: 'sqlite (one data folder)',
    create: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-oauth-cache-'));
      return { env: { OWNPOST_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    create: async () => {
      const schema = freshSchemaName('ownpost_oauth');
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
      await admin.end();
      const dirs = [mkdtempSync(path.join(os.tmpdir(), 'ownpost-oauth-cache-'))];
      return {
        env: {
          OWNPOST_DATA_DIR: dirs[0],
          OWNPOST_DATABASE_URL: databaseUrlWithSchema(schema),
          OWNPOST_MASTER_KEY: randomBytes(32).toString('base64'),
        },
        cleanup: async () => {
          dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
          await dropSchema(schema);
        },
      };
    },
  },
];

/** `request()` against one instance's app, like test-relay's helper. */
function client(relay: Relay) {
  return {
    async request(method: string, pathName: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      const response = await relay.app.request(pathName, {
        method,
        headers: { 'Content-Type': 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...options.headers },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined, headers: response.headers };
    },
  };
}

describe.each(databases)('OAuth2 token cache shared by two relay instances: $name', ({ create }) => {
  let tokens: OAuthTokenServer;
  let smtp: XOAuth2SmtpServer;
  let database: Database;
  let first: Relay;
  let second: Relay;
  let token: string;

  beforeAll(async () => {
    tokens = await startOAuthTokenServer();
    tokens.addMicrosoftApp({ tenant: TENANT_ID, clientId: APP_CLIENT_ID, clientSecret: CLIENT_SECRET, mailboxes: [MAILBOX] });
    smtp = await startXOAuth2SmtpServer(tokens, { style: 'microsoft' });
    database = await create();
    const env = {
      OWNPOST_ALLOW_PRIVATE_HOSTS: '1',
      OWNPOST_ALLOWED_PORTS: '1024-65535',
      OWNPOST_TEST_BEFORE_SAVE: '0',
      OWNPOST_POLL: '50ms',
      // Every message on a new connection, so every message signs in and asks for a token.
      OWNPOST_TRANSPORT_IDLE: '1ms',
      OWNPOST_RETRY_DELAYS: '200ms,400ms',
      ...oauthEnv(tokens),
      ...database.env,
    };
    first = await createRelay(loadConfig(env, { port: 0, extraCa: [certs.ca] }));
    second = await createRelay(loadConfig(env, { port: 0, extraCa: [certs.ca] }));
    const user = await first.store.createUser({ id: randomUUID(), email: 'admin@firma.se', name: null, role: 'admin', createdAt: Date.now() });
    token = newBearerToken();
    await first.store.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'test', createdAt: Date.now() });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await smtp?.close();
    await tokens?.close();
    await database?.cleanup();
  });

  it('fetches a token on one instance and reuses it on the other', async () => {
    const profile = await createProfile(client(first), token, appOnlyProfile(smtp.port, CLIENT_SECRET));
    first.worker.start();
    const sentByFirst = await waitForStatus(client(first), token, await sendMessage(client(first), token, profile.id), ['sent', 'failed']);
    expect(sentByFirst.status).toBe('sent');
    expect(tokens.tokenRequests('client_credentials')).toHaveLength(1);
    const cached = smtp.attempts.at(-1)!.accessToken;

    await first.worker.stop();
    second.worker.start();
    const viaSecond = client(second);
    const sentBySecond = await waitForStatus(viaSecond, token, await sendMessage(viaSecond, token, profile.id), ['sent', 'failed']);
    expect(sentBySecond.status).toBe('sent');
    expect(tokens.tokenRequests('client_credentials')).toHaveLength(1);
    expect(smtp.attempts.at(-1)).toMatchObject({ accessToken: cached, ok: true });

    // Both instances sending at once still share the one token.
    first.worker.start();
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => sendMessage(client(i % 2 ? first : second), token, profile.id)));
    for (const id of ids) expect((await waitForStatus(viaSecond, token, id, ['sent', 'failed'])).status).toBe('sent');
    expect(tokens.tokenRequests('client_credentials')).toHaveLength(1);
    expect(new Set(smtp.attempts.map((a) => a.accessToken))).toEqual(new Set([cached]));
  });

  it('a token refused on one instance is not offered by the other', async () => {
    const cached = smtp.attempts.at(-1)!.accessToken;
    const profileId = (await client(first).request('GET', '/v1/profiles', { token })).body.profiles[0].id as string;
    tokens.revokeAccessToken(cached);
    await second.worker.stop();
    // New connections, which sign in (a stopped and restarted worker keeps its pooled ones open).
    first.worker.pool.retire(profileId);
    second.worker.pool.retire(profileId);
    const requests = tokens.tokenRequests('client_credentials').length;
    expect((await waitForStatus(client(first), token, await sendMessage(client(first), token, profileId), ['sent', 'failed'])).status).toBe('sent');
    expect(tokens.tokenRequests('client_credentials').length - requests).toBe(1);
    const replacement = smtp.attempts.at(-1)!.accessToken;
    expect(replacement).not.toBe(cached);

    await first.worker.stop();
    second.worker.start();
    const attempts = smtp.attempts.length;
    expect((await waitForStatus(client(second), token, await sendMessage(client(second), token, profileId), ['sent', 'failed'])).status).toBe('sent');
    expect(smtp.attempts.slice(attempts).map((a) => [a.accessToken, a.ok])).toEqual([[replacement, true]]);
    expect(tokens.tokenRequests('client_credentials').length - requests).toBe(1);
  });
});
