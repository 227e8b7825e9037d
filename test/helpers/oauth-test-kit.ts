/**
 * Shared steps of the OAuth2 tests (test/relay/oauth-*.test.ts): profile bodies for each kind of
 * OAuth2 sender, a send through the API, and waiting for its outcome.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '../../relay/store/types';
import { oauthEnv, startOAuthTokenServer, type OAuthTokenServer } from './oauth-token-server';
import { startTestRelay, type TestRelay } from './test-relay';
import { startXOAuth2SmtpServer, type XOAuth2SmtpServer } from './xoauth2-smtp-server';

export const TENANT_ID = '0b7c2a45-1d7e-4c9a-9d1a-6f0e8a1b2c3d';
export const APP_CLIENT_ID = '4d1f8c3e-2b6a-4e0f-9c7d-1a2b3c4d5e6f';
export const PUBLIC_CLIENT_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
export const GOOGLE_CLIENT_ID = '123456789012-abcdefghijklmnop.apps.googleusercontent.com';
/** What `browser.identity.getRedirectURL()` returns in Chrome for an extension id. */
export const CHROME_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

type RelayLike = Pick<TestRelay, 'request'>;

/** A local token server, an SMTP server that checks XOAUTH2 against it, and a relay pointed at both, with two users. */
export interface OAuthScene {
  tokens: OAuthTokenServer;
  smtp: XOAuth2SmtpServer;
  t: TestRelay;
  /** Tokens of the admin `account` and of `bo@firma.se`. */
  anna: string;
  bo: string;
  close(): Promise<void>;
}

export async function startOAuthScene(options: {
  style: 'microsoft' | 'google';
  /** The first user's address (an admin). */
  account: string;
  /** Registers the apps and clients the test needs with the token server. */
  register(tokens: OAuthTokenServer): void;
  /** Relay environment besides the token server's URLs (e.g. OWNPOST_MS_CLIENT_ID). */
  env?: NodeJS.ProcessEnv;
  /** @default startTestRelay */
  startRelay?: (overrides: object, env: NodeJS.ProcessEnv) => Promise<TestRelay>;
  /** @default 'member' */
  boRole?: Role;
}): Promise<OAuthScene> {
  const tokens = await startOAuthTokenServer();
  options.register(tokens);
  const smtp = await startXOAuth2SmtpServer(tokens, { style: options.style });
  const t = await (options.startRelay ?? startTestRelay)({}, oauthEnv(tokens, options.env));
  const { token: anna } = await t.addUser(options.account, 'admin');
  const { token: bo } = await t.addUser('bo@firma.se', options.boRole ?? 'member');
  return {
    tokens,
    smtp,
    t,
    anna,
    bo,
    async close() {
      await t.close();
      await smtp.close();
      await tokens.close();
    },
  };
}

export function smtpSettings(port: number) {
  return { host: '127.0.0.1', port, security: 'starttls' };
}

/** A Microsoft 365 app-only sender (client credentials). */
export function appOnlyProfile(smtpPort: number, clientSecret: string, overrides: Record<string, unknown> = {}) {
  const { auth, ...rest } = overrides as { auth?: Record<string, unknown> };
  return {
    name: 'Faktura (app)',
    fromName: 'Firma AB',
    fromAddress: 'faktura@firma.se',
    smtp: smtpSettings(smtpPort),
    auth: { type: 'oauth2', provider: 'microsoft', flow: 'client_credentials', tenantId: TENANT_ID, clientId: APP_CLIENT_ID, clientSecret, ...auth },
    ...rest,
  };
}

export async function createProfile(relay: RelayLike, token: string, body: unknown): Promise<any> {
  const res = await relay.request('POST', '/v1/profiles', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Queues one invoice message through the API and returns its id. */
export async function sendMessage(relay: RelayLike, token: string, profileId: string, subject = `Faktura ${randomUUID().slice(0, 8)}`): Promise<string> {
  const res = await relay.request('POST', '/v1/messages', {
    token,
    headers: { 'Idempotency-Key': randomUUID() },
    body: { profileId, to: ['kund@exempel.se'], subject, text: 'Hej! Fakturan bifogas.' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.id as string;
}

export async function waitForStatus(relay: RelayLike, token: string, id: string, wanted: string[], timeoutMs = 15_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await relay.request('GET', `/v1/messages/${id}`, { token });
    if (wanted.includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`message ${id} stayed ${res.body.status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends one message and waits until it is sent or failed. */
export async function sendAndWait(relay: RelayLike, token: string, profileId: string): Promise<any> {
  return waitForStatus(relay, token, await sendMessage(relay, token, profileId), ['sent', 'failed']);
}

/**
 * Closes a profile's pooled SMTP connections, so that its next message opens a new one and signs in
 * again (a pooled connection stays signed in across messages).
 */
export function closePooledConnections(t: TestRelay, profileId: string): void {
  t.relay.worker.pool.retire(profileId);
}

/** Asserts that no file in the relay's data folder contains `secret` (after a WAL checkpoint). */
export function expectNotInDataDir(t: TestRelay, secret: string, label: string): void {
  (t.relay.store as unknown as { db: Database }).db.pragma('wal_checkpoint(FULL)');
  for (const file of readdirSync(t.dataDir)) {
    const full = path.join(t.dataDir, file);
    if (!statSync(full).isFile()) continue;
    expect(readFileSync(full).includes(Buffer.from(secret)), `${label} in ${file}`).toBe(false);
  }
  expect(t.logs.join('\n'), `${label} in the logs`).not.toContain(secret);
}
