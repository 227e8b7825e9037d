/**
 * A local OAuth2 server on 127.0.0.1 that answers like Microsoft's identity platform and Google's
 * OAuth endpoints, with the error bodies they send (AADSTS numbers, invalid_grant texts), so that the
 * relay's token code runs against real HTTP in tests. It keeps every token it issues, and
 * `validateAccessToken` lets the test SMTP server check a token like Exchange or Gmail would:
 * known, not expired, not revoked, the right audience, scope or role, and the right mailbox.
 *
 * Microsoft: POST /ms/<tenant>/oauth2/v2.0/token and /devicecode (the relay's OWNPOST_MS_AUTHORITY
 * is `<url>/ms`). Google: GET /google/auth (the consent screen; `consent()` plays the user) and
 * POST /google/token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MicrosoftApp {
  tenant: string;
  clientId: string;
  /** Confidential app (client credentials); absent: a public client (device code). */
  clientSecret?: string;
  /** Admin consent given (else AADSTS65001). @default true */
  consented?: boolean;
  /** Application permissions with admin consent, e.g. ['SMTP.SendAsApp']. @default ['SMTP.SendAsApp'] */
  roles?: string[];
  /** Mailboxes the app's service principal has FullAccess to (Add-MailboxPermission). @default [] */
  mailboxes?: string[];
  /** "Allow public client flows" (needed for device code). @default true */
  publicClientFlows?: boolean;
}

export interface GoogleClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface IssuedToken {
  accessToken: string;
  provider: 'microsoft' | 'google';
  grantType: string;
  clientId: string;
  tenant?: string;
  /** Delegated: the account that signed in. */
  account?: string;
  roles: string[];
  scopes: string[];
  audience: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface TokenRequest {
  path: string;
  grantType: string;
  clientId: string;
  status: number;
  error?: string;
}

interface RefreshGrant {
  provider: 'microsoft' | 'google';
  clientId: string;
  tenant?: string;
  account: string;
  scopes: string[];
  revoked: boolean;
}

interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  tenant: string;
  scopes: string[];
  expiresAt: number;
  intervalMs: number;
  lastPollAt: number;
  state: 'pending' | 'approved' | 'declined' | 'redeemed';
  account?: string;
}

interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  account: string;
  used: boolean;
}

export interface OAuthTokenServer {
  url: string;
  /** For OWNPOST_MS_AUTHORITY. */
  microsoftAuthority: string;
  googleAuthorizationUrl: string;
  googleTokenUrl: string;
  /** Lifetime of tokens issued from now on, in seconds. @default 3600 */
  tokenLifetimeSeconds: number;
  /** Device-code poll interval announced, in seconds. @default 1 */
  deviceCodeIntervalSeconds: number;
  /** Answer `slow_down` to polls closer together than this (seconds), whatever was announced. @default 0 */
  deviceCodeSlowDownBelowSeconds: number;
  /** Tenants that have no Exchange Online (token requests for it fail with AADSTS500011). */
  readonly tenantsWithoutExchange: Set<string>;
  readonly issued: IssuedToken[];
  readonly requests: TokenRequest[];
  addMicrosoftApp(app: MicrosoftApp): MicrosoftApp;
  addGoogleClient(client: GoogleClient): void;
  /** The user typed `userCode` at the verification page and signed in as `account`. */
  approveDeviceCode(userCode: string, account: string): void;
  declineDeviceCode(userCode: string): void;
  /** The Google consent screen: returns the URL the browser is sent back to (code and state, or an error). */
  consent(authorizationUrl: string, answer: { account: string } | { deny: true }): Promise<string>;
  /** Revokes every refresh token of an account (password change, "remove access"). */
  revokeRefreshTokens(account: string): void;
  revokeAccessToken(accessToken: string): void;
  /** Every refresh token issued to an account, oldest first (to check none is stored in clear). */
  refreshTokensOf(account: string): string[];
  /** How a mail server sees a token presented for `user`. */
  validateAccessToken(accessToken: string, user: string): { ok: true; token: IssuedToken } | { ok: false; reason: string };
  tokenRequests(grantType: string): TokenRequest[];
  close(): Promise<void>;
}

const MS_APP_AUDIENCE = 'https://outlook.office365.com';
const random = (prefix: string) => `${prefix}-${randomBytes(18).toString('base64url')}`;
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** An unsigned ID token (the relay reads it only because it came straight from the token endpoint). */
function fakeIdToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(16).toString('base64url')}`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

class OAuthFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

/** Microsoft's error body: the AADSTS number in the text and in `error_codes`. */
function aadsts(status: number, error: string, number: number, text: string): OAuthFailure {
  return new OAuthFailure(status, {
    error,
    error_description: `AADSTS${number}: ${text} Trace ID: 00000000-0000-0000-0000-000000000000 Correlation ID: 00000000-0000-0000-0000-000000000000 Timestamp: 2026-11-20 10:00:00Z`,
    error_codes: [number],
    timestamp: '2026-11-20 10:00:00Z',
  });
}

export async function startOAuthTokenServer(): Promise<OAuthTokenServer> {
  const apps: MicrosoftApp[] = [];
  const googleClients: GoogleClient[] = [];
  const issued: IssuedToken[] = [];
  const requests: TokenRequest[] = [];
  const refreshGrants = new Map<string, RefreshGrant>();
  const deviceCodes = new Map<string, DeviceCode>();
  const authorizationCodes = new Map<string, AuthorizationCode>();
  const tenantsWithoutExchange = new Set<string>();

  const server: OAuthTokenServer = {
    url: '',
    microsoftAuthority: '',
    googleAuthorizationUrl: '',
    googleTokenUrl: '',
    tokenLifetimeSeconds: 3600,
    deviceCodeIntervalSeconds: 1,
    deviceCodeSlowDownBelowSeconds: 0,
    tenantsWithoutExchange,
    issued,
    requests,
    addMicrosoftApp(app) {
      const full = { consented: true, roles: ['SMTP.SendAsApp'], mailboxes: [], publicClientFlows: true, ...app };
      apps.push(full);
      return full;
    },
    addGoogleClient(client) {
      googleClients.push(client);
    },
    approveDeviceCode(userCode, account) {
      const entry = [...deviceCodes.values()].find((d) => d.userCode === userCode);
      if (!entry) throw new Error(`no device code with user code ${userCode}`);
      entry.state = 'approved';
      entry.account = account;
    },
    declineDeviceCode(userCode) {
      const entry = [...deviceCodes.values()].find((d) => d.userCode === userCode);
      if (!entry) throw new Error(`no device code with user code ${userCode}`);
      entry.state = 'declined';
    },
    async consent(authorizationUrl, answer) {
      const response = await fetch(authorizationUrl, {
        redirect: 'manual',
        headers: 'deny' in answer ? { 'X-Test-Deny': '1' } : { 'X-Test-Account': answer.account },
      });
      const location = response.headers.get('location');
      if (response.status !== 302 || !location) throw new Error(`the consent screen answered ${response.status}: ${await response.text()}`);
      return location;
    },
    revokeRefreshTokens(account) {
      for (const grant of refreshGrants.values()) if (grant.account.toLowerCase() === account.toLowerCase()) grant.revoked = true;
    },
    refreshTokensOf(account) {
      return [...refreshGrants.entries()].filter(([, g]) => g.account.toLowerCase() === account.toLowerCase()).map(([token]) => token);
    },
    revokeAccessToken(accessToken) {
      const token = issued.find((t) => t.accessToken === accessToken);
      if (token) token.revoked = true;
    },
    validateAccessToken(accessToken, user) {
      const token = issued.find((t) => t.accessToken === accessToken);
      if (!token) return { ok: false, reason: 'unknown token' };
      if (token.revoked) return { ok: false, reason: 'revoked' };
      if (Date.now() >= token.expiresAt) return { ok: false, reason: 'expired' };
      const mailbox = user.toLowerCase();
      if (token.provider === 'google') {
        if (!token.scopes.includes('https://mail.google.com/')) return { ok: false, reason: 'scope https://mail.google.com/ missing' };
        return token.account?.toLowerCase() === mailbox ? { ok: true, token } : { ok: false, reason: `token of ${token.account}, not ${user}` };
      }
      if (token.grantType === 'client_credentials') {
        if (token.audience !== MS_APP_AUDIENCE) return { ok: false, reason: `audience ${token.audience}` };
        if (!token.roles.includes('SMTP.SendAsApp')) return { ok: false, reason: 'role SMTP.SendAsApp missing' };
        const app = apps.find((a) => a.clientId === token.clientId && a.tenant === token.tenant);
        if (!app?.mailboxes?.map((m) => m.toLowerCase()).includes(mailbox)) return { ok: false, reason: `no FullAccess to ${user}` };
        return { ok: true, token };
      }
      if (!token.scopes.includes('https://outlook.office.com/SMTP.Send')) return { ok: false, reason: 'scope SMTP.Send missing' };
      return token.account?.toLowerCase() === mailbox ? { ok: true, token } : { ok: false, reason: `token of ${token.account}, not ${user}` };
    },
    tokenRequests(grantType) {
      return requests.filter((r) => r.grantType === grantType);
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };

  function issue(fields: Omit<IssuedToken, 'accessToken' | 'issuedAt' | 'expiresAt' | 'revoked'>): IssuedToken {
    const now = Date.now();
    const token: IssuedToken = {
      ...fields,
      accessToken: random(fields.provider === 'google' ? 'ya29' : 'eyJ0eXAi'),
      issuedAt: now,
      expiresAt: now + server.tokenLifetimeSeconds * 1000,
      revoked: false,
    };
    issued.push(token);
    return token;
  }

  function newRefreshToken(grant: Omit<RefreshGrant, 'revoked'>): string {
    const refreshToken = random(grant.provider === 'google' ? '1//rt' : 'M.rt');
    refreshGrants.set(refreshToken, { ...grant, revoked: false });
    return refreshToken;
  }

  function findMicrosoftApp(tenant: string, clientId: string): MicrosoftApp {
    const multiTenant = ['common', 'organizations', 'consumers'].includes(tenant);
    if (!multiTenant && !apps.some((a) => a.tenant === tenant)) {
      throw aadsts(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`);
    }
    const app = apps.find((a) => a.clientId === clientId && (multiTenant || a.tenant === tenant));
    if (!app) {
      throw aadsts(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
    }
    return app;
  }

  function microsoftToken(tenant: string, form: URLSearchParams): Record<string, unknown> {
    const grantType = form.get('grant_type') ?? '';
    const app = findMicrosoftApp(tenant, form.get('client_id') ?? '');
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (grantType === 'client_credentials') {
      if (!app.clientSecret || form.get('client_secret') !== app.clientSecret) {
        throw aadsts(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
        );
      }
      if (scopes.join(' ') !== `${MS_APP_AUDIENCE}/.default` || tenantsWithoutExchange.has(tenant)) {
        throw aadsts(
          400,
          'invalid_resource',
          500011,
          `The resource principal named ${MS_APP_AUDIENCE} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant.`,
        );
      }
      if (!app.consented) {
        throw aadsts(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${app.clientId}' named 'Ownpost'.`);
      }
      const token = issue({ provider: 'microsoft', grantType, clientId: app.clientId, tenant, roles: [...(app.roles ?? [])], scopes, audience: MS_APP_AUDIENCE });
      return { token_type: 'Bearer', expires_in: server.tokenLifetimeSeconds, ext_expires_in: server.tokenLifetimeSeconds, access_token: token.accessToken };
    }
    if (grantType === 'urn:ietf:params:oauth:grant-type:device_code') {
      const entry = deviceCodes.get(form.get('device_code') ?? '');
      if (!entry || entry.clientId !== app.clientId) throw aadsts(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
      if (!app.publicClientFlows) {
        throw aadsts(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
      }
      const now = Date.now();
      if (now >= entry.expiresAt) throw aadsts(400, 'expired_token', 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired.");
      const spacing = Math.max(entry.intervalMs, server.deviceCodeSlowDownBelowSeconds * 1000);
      if (now - entry.lastPollAt < spacing - 50) {
        entry.lastPollAt = now;
        throw aadsts(400, 'slow_down', 70000, 'Polling too often.');
      }
      entry.lastPollAt = now;
      if (entry.state === 'pending') throw aadsts(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
      if (entry.state === 'declined') throw aadsts(400, 'authorization_declined', 70000, 'The user declined the sign-in.');
      if (entry.state === 'redeemed') throw aadsts(400, 'invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed.');
      if (!app.consented) throw aadsts(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${app.clientId}' named 'Ownpost'.`);
      entry.state = 'redeemed';
      return delegatedMicrosoftTokens(app, entry.tenant, entry.account!, entry.scopes);
    }
    if (grantType === 'refresh_token') {
      const grant = refreshGrants.get(form.get('refresh_token') ?? '');
      if (!grant || grant.provider !== 'microsoft' || grant.clientId !== app.clientId) {
        throw aadsts(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
      }
      if (grant.revoked) {
        throw aadsts(
          400,
          'invalid_grant',
          70008,
          'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
        );
      }
      // Microsoft rotates refresh tokens; this server also retires the old one, which proves the relay keeps the new.
      grant.revoked = true;
      return delegatedMicrosoftTokens(app, grant.tenant ?? tenant, grant.account, scopes.length ? scopes : grant.scopes);
    }
    throw new OAuthFailure(400, { error: 'unsupported_grant_type', error_description: `AADSTS70003: grant type ${grantType} is not supported.`, error_codes: [70003] });
  }

  function delegatedMicrosoftTokens(app: MicrosoftApp, tenant: string, account: string, scopes: string[]): Record<string, unknown> {
    const token = issue({ provider: 'microsoft', grantType: 'delegated', clientId: app.clientId, tenant, account, roles: [], scopes, audience: 'https://outlook.office.com' });
    return {
      token_type: 'Bearer',
      scope: scopes.filter((s) => s.startsWith('https://')).join(' '),
      expires_in: server.tokenLifetimeSeconds,
      access_token: token.accessToken,
      refresh_token: scopes.includes('offline_access') ? newRefreshToken({ provider: 'microsoft', clientId: app.clientId, tenant, account, scopes }) : undefined,
      id_token: scopes.includes('openid') ? fakeIdToken({ preferred_username: account, tid: tenant }) : undefined,
    };
  }

  function microsoftDeviceCode(tenant: string, form: URLSearchParams): Record<string, unknown> {
    const app = findMicrosoftApp(tenant, form.get('client_id') ?? '');
    const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (!scopes.includes('https://outlook.office.com/SMTP.Send')) throw aadsts(400, 'invalid_scope', 70011, "The provided value for the input parameter 'scope' is not valid.");
    const userCode = randomBytes(4).toString('hex').toUpperCase();
    const entry: DeviceCode = {
      deviceCode: random('DAQABAAEAAA'),
      userCode,
      clientId: app.clientId,
      tenant: ['common', 'organizations', 'consumers'].includes(tenant) ? app.tenant : tenant,
      scopes,
      expiresAt: Date.now() + 900_000,
      intervalMs: server.deviceCodeIntervalSeconds * 1000,
      // Polling starts one interval after the code was issued (RFC 8628 §3.5).
      lastPollAt: Date.now(),
      state: 'pending',
    };
    deviceCodes.set(entry.deviceCode, entry);
    return {
      user_code: userCode,
      device_code: entry.deviceCode,
      verification_uri: `${server.url}/ms/devicelogin`,
      expires_in: 900,
      interval: server.deviceCodeIntervalSeconds,
      message: `To sign in, use a web browser to open the page ${server.url}/ms/devicelogin and enter the code ${userCode} to authenticate.`,
    };
  }

  function googleConsent(url: URL, req: IncomingMessage): string {
    const params = url.searchParams;
    const client = googleClients.find((c) => c.clientId === params.get('client_id'));
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!client) throw new Error('Error 401: invalid_client (The OAuth client was not found.)');
    if (!client.redirectUris.includes(redirectUri)) throw new Error(`Error 400: redirect_uri_mismatch (${redirectUri})`);
    if (params.get('response_type') !== 'code') throw new Error('Error 400: unsupported_response_type');
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) throw new Error('Error 400: PKCE S256 expected by this test server');
    const back = new URL(redirectUri);
    if (req.headers['x-test-deny']) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = random('4/0A');
      authorizationCodes.set(code, {
        code,
        clientId: client.clientId,
        redirectUri,
        challenge: params.get('code_challenge')!,
        scopes: (params.get('scope') ?? '').split(/\s+/).filter(Boolean),
        account: String(req.headers['x-test-account']),
        used: false,
      });
      back.searchParams.set('code', code);
      back.searchParams.set('scope', params.get('scope') ?? '');
    }
    back.searchParams.set('state', params.get('state') ?? '');
    return back.href;
  }

  function googleToken(form: URLSearchParams): Record<string, unknown> {
    const grantType = form.get('grant_type') ?? '';
    const client = googleClients.find((c) => c.clientId === form.get('client_id'));
    if (!client) throw new OAuthFailure(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    if (form.get('client_secret') !== client.clientSecret) throw new OAuthFailure(401, { error: 'invalid_client', error_description: 'Unauthorized' });
    if (grantType === 'authorization_code') {
      const entry = authorizationCodes.get(form.get('code') ?? '');
      if (!entry || entry.used || entry.clientId !== client.clientId) throw new OAuthFailure(400, { error: 'invalid_grant', error_description: 'Bad Request' });
      if (entry.redirectUri !== form.get('redirect_uri')) throw new OAuthFailure(400, { error: 'redirect_uri_mismatch', error_description: 'Bad Request' });
      if (s256(form.get('code_verifier') ?? '') !== entry.challenge) throw new OAuthFailure(400, { error: 'invalid_grant', error_description: 'Invalid code verifier.' });
      entry.used = true;
      const token = issue({ provider: 'google', grantType, clientId: client.clientId, account: entry.account, roles: [], scopes: entry.scopes, audience: client.clientId });
      return {
        access_token: token.accessToken,
        expires_in: server.tokenLifetimeSeconds,
        refresh_token: newRefreshToken({ provider: 'google', clientId: client.clientId, account: entry.account, scopes: entry.scopes }),
        scope: entry.scopes.join(' '),
        token_type: 'Bearer',
        id_token: entry.scopes.includes('openid') ? fakeIdToken({ email: entry.account, email_verified: true, aud: client.clientId }) : undefined,
      };
    }
    if (grantType === 'refresh_token') {
      const grant = refreshGrants.get(form.get('refresh_token') ?? '');
      if (!grant || grant.provider !== 'google' || grant.revoked || grant.clientId !== client.clientId) {
        throw new OAuthFailure(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      }
      const token = issue({ provider: 'google', grantType, clientId: client.clientId, account: grant.account, roles: [], scopes: grant.scopes, audience: client.clientId });
      return { access_token: token.accessToken, expires_in: server.tokenLifetimeSeconds, scope: grant.scopes.join(' '), token_type: 'Bearer' };
    }
    throw new OAuthFailure(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' + grantType });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', server.url);
    const send = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/google/auth') {
      try {
        res.writeHead(302, { Location: googleConsent(url, req) });
        res.end();
      } catch (error) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end((error as Error).message);
      }
      return;
    }
    if (req.method !== 'POST') return send(405, { error: 'invalid_request', error_description: 'POST only' });
    const form = await readForm(req);
    const record = (status: number, error?: string) =>
      requests.push({ path: url.pathname, grantType: form.get('grant_type') ?? 'device_authorization', clientId: form.get('client_id') ?? '', status, ...(error ? { error } : {}) });
    try {
      let body: Record<string, unknown>;
      const ms = /^\/ms\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/.exec(url.pathname);
      if (ms) body = ms[2] === 'token' ? microsoftToken(decodeURIComponent(ms[1]!), form) : microsoftDeviceCode(decodeURIComponent(ms[1]!), form);
      else if (url.pathname === '/google/token') body = googleToken(form);
      else throw new OAuthFailure(404, { error: 'invalid_request', error_description: `nothing at ${url.pathname}` });
      record(200);
      send(200, body);
    } catch (error) {
      if (!(error instanceof OAuthFailure)) throw error;
      record(error.status, String(error.body.error));
      send(error.status, error.body);
    }
  }

  const http = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(error.message);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  server.microsoftAuthority = `${server.url}/ms`;
  server.googleAuthorizationUrl = `${server.url}/google/auth`;
  server.googleTokenUrl = `${server.url}/google/token`;
  return server;
}

/** The relay environment that points it at `server`. */
export function oauthEnv(server: OAuthTokenServer, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    OWNPOST_MS_AUTHORITY: server.microsoftAuthority,
    OWNPOST_GOOGLE_AUTH_URL: server.googleAuthorizationUrl,
    OWNPOST_GOOGLE_TOKEN_URL: server.googleTokenUrl,
    ...extra,
  };
}
