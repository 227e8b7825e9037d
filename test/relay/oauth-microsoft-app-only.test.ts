/**
 * Microsoft 365 app-only sending (issue 8): a profile with the app registration's tenant, client ID
 * and client secret gets tokens with the client-credentials grant from a local token server and
 * signs in with XOAUTH2 at a local SMTP server that checks the string and the token like Exchange.
 * Sharing the token between relay instances: oauth-token-cache.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthEnv, startOAuthTokenServer, type MicrosoftApp, type OAuthTokenServer } from '../helpers/oauth-token-server';
import { APP_CLIENT_ID, appOnlyProfile, closePooledConnections, createProfile, expectNotInDataDir, sendAndWait, TENANT_ID } from '../helpers/oauth-test-kit';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';
import { startXOAuth2SmtpServer, type XOAuth2SmtpServer } from '../helpers/xoauth2-smtp-server';

const CLIENT_SECRET = `Xy8Q~${randomBytes(24).toString('base64url')}`;
const MAILBOX = 'faktura@firma.se';

let tokens: OAuthTokenServer;
let smtp: XOAuth2SmtpServer;
let t: TestRelay;
let admin: string;
let app: MicrosoftApp;

beforeAll(async () => {
  tokens = await startOAuthTokenServer();
  app = tokens.addMicrosoftApp({ tenant: TENANT_ID, clientId: APP_CLIENT_ID, clientSecret: CLIENT_SECRET, mailboxes: [MAILBOX] });
  smtp = await startXOAuth2SmtpServer(tokens, { style: 'microsoft' });
  t = await startTestRelay({}, oauthEnv(tokens));
  ({ token: admin } = await t.addUser('admin@firma.se', 'admin'));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await tokens.close();
});

const clientCredentialRequests = () => tokens.tokenRequests('client_credentials').length;

describe('Microsoft 365 app-only (client credentials)', () => {
  it('creates the profile without ever returning, logging or storing the client secret in clear', async () => {
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, CLIENT_SECRET));
    expect(profile.auth).toEqual({
      type: 'oauth2',
      provider: 'microsoft',
      flow: 'client_credentials',
      tenantId: TENANT_ID,
      clientId: APP_CLIENT_ID,
      username: MAILBOX,
      hasClientSecret: true,
      hasRefreshToken: false,
      status: 'ready',
    });
    const listed = await t.request('GET', '/v1/profiles', { token: admin });
    expect(JSON.stringify([profile, listed.body])).not.toContain(CLIENT_SECRET);
    expectNotInDataDir(t, CLIENT_SECRET, 'the client secret');
  });

  it('refuses an app-only profile without a client secret, and common as its tenant', async () => {
    const noSecret = await t.request('POST', '/v1/profiles', { token: admin, body: appOnlyProfile(smtp.port, CLIENT_SECRET, { auth: { clientSecret: undefined } }) });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error.details[0].path).toBe('auth.clientSecret');
    const common = await t.request('POST', '/v1/profiles', { token: admin, body: appOnlyProfile(smtp.port, CLIENT_SECRET, { auth: { tenantId: 'common' } }) });
    expect(common.status).toBe(400);
    expect(common.body.error.details[0].path).toBe('auth.tenantId');
  });

  it('sends with XOAUTH2 as the mailbox, fetching one token for several messages', async () => {
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, CLIENT_SECRET, { name: 'Reuse' }));
    const before = { requests: clientCredentialRequests(), attempts: smtp.attempts.length, mails: smtp.received.length };
    const first = await sendAndWait(t, admin, profile.id);
    // A new connection signs in again, with the cached token.
    closePooledConnections(t, profile.id);
    const second = await sendAndWait(t, admin, profile.id);
    expect([first.status, second.status]).toEqual(['sent', 'sent']);
    expect(clientCredentialRequests() - before.requests).toBe(1);
    const attempts = smtp.attempts.slice(before.attempts);
    expect(attempts.map((a) => [a.user, a.ok])).toEqual([
      [MAILBOX, true],
      [MAILBOX, true],
    ]);
    expect(attempts[0]!.raw).toBe(`user=${MAILBOX}\x01auth=Bearer ${attempts[0]!.accessToken}\x01\x01`);
    expect(attempts[1]!.accessToken).toBe(attempts[0]!.accessToken);
    expect(smtp.received.length - before.mails).toBe(2);
    expect(smtp.received.at(-1)!.user).toBe(MAILBOX);
    // Exchange advertises AUTH LOGIN XOAUTH2: nothing may fall back to a password login.
    expect(smtp.passwordAttempts).toEqual([]);
    // The token endpoint was asked for Exchange Online's app-only scope.
    expect(tokens.issued.at(-1)).toMatchObject({ grantType: 'client_credentials', scopes: ['https://outlook.office365.com/.default'] });
    expectNotInDataDir(t, attempts[0]!.accessToken, 'the access token');
  });

  it('fetches a new token shortly before the cached one expires', async () => {
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, CLIENT_SECRET, { name: 'Expiry' }));
    tokens.tokenLifetimeSeconds = 2;
    try {
      const requests = clientCredentialRequests();
      const attempts = smtp.attempts.length;
      expect((await sendAndWait(t, admin, profile.id)).status).toBe('sent');
      const firstToken = smtp.attempts.at(-1)!.accessToken;
      // A fixed wait on purpose: it waits out the access token's 2 s lifetime, which the relay must honour.
      await new Promise((r) => setTimeout(r, 2_100));
      // The server now refuses the first token as expired, so only a new one can get through.
      expect(tokens.validateAccessToken(firstToken, MAILBOX)).toEqual({ ok: false, reason: 'expired' });
      expect((await sendAndWait(t, admin, profile.id)).status).toBe('sent');
      expect(clientCredentialRequests() - requests).toBe(2);
      const used = smtp.attempts.slice(attempts);
      expect(used.every((a) => a.ok)).toBe(true);
      expect(used.at(-1)!.accessToken).not.toBe(firstToken);
    } finally {
      tokens.tokenLifetimeSeconds = 3600;
    }
  });

  it('replaces a cached token the server stopped accepting within the same attempt', async () => {
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, CLIENT_SECRET, { name: 'Revoked' }));
    expect((await sendAndWait(t, admin, profile.id)).status).toBe('sent');
    const cached = smtp.attempts.at(-1)!.accessToken;
    tokens.revokeAccessToken(cached);
    closePooledConnections(t, profile.id);
    const attempts = smtp.attempts.length;
    const done = await sendAndWait(t, admin, profile.id);
    expect(done).toMatchObject({ status: 'sent', attemptCount: 1 });
    expect(smtp.attempts.slice(attempts).map((a) => [a.accessToken === cached, a.ok])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('explains AADSTS7000215 (a wrong client secret) as oauth_invalid_client_secret, without retrying', async () => {
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, 'the-secret-id-not-its-value', { name: 'Wrong secret' }));
    const attempts = smtp.attempts.length;
    const done = await sendAndWait(t, admin, profile.id);
    expect(done).toMatchObject({ status: 'failed', attemptCount: 1, problem: { code: 'oauth_invalid_client_secret' } });
    expect(done.lastReply).toContain('AADSTS7000215');
    expect(done.problem.fix).toContain('Certificates & secrets');
    // The relay never offered the server anything: there was no token.
    expect(smtp.attempts.length).toBe(attempts);
  });

  it('explains AADSTS500011 (no Exchange Online in the tenant) as oauth_resource_not_found', async () => {
    const tenant = 'firma-utan-exchange.onmicrosoft.com';
    tokens.addMicrosoftApp({ tenant, clientId: APP_CLIENT_ID, clientSecret: CLIENT_SECRET });
    tokens.tenantsWithoutExchange.add(tenant);
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, CLIENT_SECRET, { name: 'No Exchange', auth: { tenantId: tenant } }));
    const done = await sendAndWait(t, admin, profile.id);
    expect(done).toMatchObject({ status: 'failed', problem: { code: 'oauth_resource_not_found' } });
    expect(done.lastReply).toContain('AADSTS500011');
  });

  it('explains AADSTS65001 (no admin consent) as oauth_consent_missing', async () => {
    const tenant = 'firma-utan-samtycke.onmicrosoft.com';
    tokens.addMicrosoftApp({ tenant, clientId: APP_CLIENT_ID, clientSecret: CLIENT_SECRET, consented: false });
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, CLIENT_SECRET, { name: 'No consent', auth: { tenantId: tenant } }));
    const done = await sendAndWait(t, admin, profile.id);
    expect(done).toMatchObject({ status: 'failed', problem: { code: 'oauth_consent_missing' } });
    expect(done.lastReply).toContain('AADSTS65001');
    expect(done.problem.fix).toContain('Grant admin consent');
  });

  it('reports a token Exchange refuses (535 5.7.3) as ms_oauth_token_rejected, and sends with a fresh token once the admin fixed it', async () => {
    const mailbox = 'order@firma.se';
    const profile = await createProfile(t, admin, appOnlyProfile(smtp.port, CLIENT_SECRET, { name: 'No mailbox right', fromAddress: mailbox }));
    // The app has SMTP.SendAsApp but no FullAccess to this mailbox (Add-MailboxPermission missing).
    const requests = clientCredentialRequests();
    const attempts = smtp.attempts.length;
    const failed = await sendAndWait(t, admin, profile.id);
    expect(failed).toMatchObject({ status: 'failed', problem: { code: 'ms_oauth_token_rejected' } });
    expect(failed.lastReply).toMatch(/^535 5\.7\.3 Authentication unsuccessful/);
    expect(failed.problem.fix).toContain('Add-MailboxPermission');
    expect(failed.problem.fix).toContain('New-ServicePrincipal');
    expect(failed.problem.fix).toContain('SMTP.SendAsApp');
    // Every refused token was dropped from the cache: each attempt asked for a new one, and no
    // token the server refused was ever offered again.
    expect(clientCredentialRequests() - requests).toBe(failed.attemptCount);
    const offered = smtp.attempts.slice(attempts).map((a) => a.accessToken);
    expect(offered).toHaveLength(failed.attemptCount);
    expect(new Set(offered).size).toBe(offered.length);

    app.mailboxes!.push(mailbox);
    // The relay refuses new messages for a sender whose last one failed until the sender changes
    // (issue 3): the admin saves it again after fixing Exchange.
    const resaved = await t.request('PATCH', `/v1/profiles/${profile.id}`, { token: admin, body: { name: 'Mailbox right granted' } });
    expect(resaved.status).toBe(200);
    expect((await sendAndWait(t, admin, profile.id)).status).toBe('sent');
    expect(smtp.attempts.at(-1)).toMatchObject({ user: mailbox, ok: true });
  });
});
