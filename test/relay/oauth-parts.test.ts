/**
 * The smaller parts of OAuth2 sending (issue 8): endpoint configuration, the XOAUTH2 string, the
 * token client's failures (against real HTTP servers), and how a token failure reaches the catalogue
 * after nodemailer has wrapped it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../relay/config';
import { classifySmtpFailure } from '../../relay/diagnosis/classify';
import { usableUntil } from '../../relay/oauth/access-tokens';
import { OAuthError } from '../../relay/oauth/oauth-error';
import { idTokenClaims, requestToken } from '../../relay/oauth/token-client';
import { xoauth2InitialResponse } from '../../relay/oauth/xoauth2';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A one-route HTTP server on 127.0.0.1 answering every request with `handler`. */
async function httpServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
}

describe('OAuth2 endpoint configuration', () => {
  const env = (extra: NodeJS.ProcessEnv) => ({ OWNPOST_DATA_DIR: '/tmp/ownpost-config-test', ...extra });

  it('defaults to Microsoft’s and Google’s public endpoints', () => {
    expect(loadConfig(env({})).oauth).toEqual({
      microsoftAuthority: 'https://login.microsoftonline.com',
      googleAuthorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      googleTokenUrl: 'https://oauth2.googleapis.com/token',
      requestTimeoutMs: 15_000,
    });
  });

  it('takes other endpoints and default apps from the environment', () => {
    const oauth = loadConfig(
      env({
        OWNPOST_MS_AUTHORITY: 'https://login.microsoftonline.us/',
        OWNPOST_GOOGLE_TOKEN_URL: 'http://127.0.0.1:9999/token',
        OWNPOST_MS_CLIENT_ID: 'ms-app',
        OWNPOST_GOOGLE_CLIENT_ID: 'g-app',
        OWNPOST_GOOGLE_CLIENT_SECRET: 'g-secret',
        OWNPOST_OAUTH_TIMEOUT: '5s',
      }),
    ).oauth;
    expect(oauth).toMatchObject({
      microsoftAuthority: 'https://login.microsoftonline.us',
      googleTokenUrl: 'http://127.0.0.1:9999/token',
      microsoftClientId: 'ms-app',
      googleClientId: 'g-app',
      googleClientSecret: 'g-secret',
      requestTimeoutMs: 5_000,
    });
  });

  it('refuses endpoints that would send secrets in clear or elsewhere, and a secret without its client', () => {
    expect(() => loadConfig(env({ OWNPOST_MS_AUTHORITY: 'http://login.example.com' }))).toThrow(ConfigError);
    expect(() => loadConfig(env({ OWNPOST_GOOGLE_TOKEN_URL: 'not a url' }))).toThrow(/must be a URL/);
    expect(() => loadConfig(env({ OWNPOST_GOOGLE_TOKEN_URL: 'https://oauth2.googleapis.com/token?x=1' }))).toThrow(/query/);
    expect(() => loadConfig(env({ OWNPOST_GOOGLE_CLIENT_SECRET: 'orphan' }))).toThrow(/without OWNPOST_GOOGLE_CLIENT_ID/);
  });
});

describe('XOAUTH2 and token lifetimes', () => {
  it('builds the initial response as base64 of user=…^Aauth=Bearer …^A^A', () => {
    const encoded = xoauth2InitialResponse('anna@firma.se', 'ya29.token');
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe('user=anna@firma.se\x01auth=Bearer ya29.token\x01\x01');
    // The example of Google's XOAUTH2 documentation, byte for byte.
    expect(xoauth2InitialResponse('someuser@example.com', 'ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg')).toBe(
      'dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==',
    );
  });

  it('stops handing a token out five minutes before it expires, or a fifth of a short lifetime before', () => {
    expect(usableUntil({ obtainedAt: 0, expiresAt: 3_600_000 })).toBe(3_300_000);
    expect(usableUntil({ obtainedAt: 0, expiresAt: 2_000 })).toBe(1_600);
  });
});

describe('token requests that fail', () => {
  const options = { timeoutMs: 2_000 };

  it('turns a Microsoft error body into its catalogue problem, keeping the provider’s words', async () => {
    const url = await httpServer((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] }));
    });
    const error = await requestToken(url, { grant_type: 'client_credentials' }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ code: 'oauth_invalid_client_secret', error: 'invalid_client', error_codes: [7000215], status: 401, stage: 'oauth' });
    expect((error as Error).message).toBe('invalid_client: AADSTS7000215: Invalid client secret provided.');
  });

  it('reports an answer that is not OAuth2, an endpoint that does not answer in time, and one that is down', async () => {
    const html = await httpServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    await expect(requestToken(html, {}, options)).rejects.toMatchObject({ code: 'oauth_token_failed', status: 502, message: expect.stringContaining('HTTP 502') });

    const silent = await httpServer(() => {});
    await expect(requestToken(silent, {}, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'oauth_token_failed', message: expect.stringContaining('no answer within 200 ms') });

    const down = await httpServer(() => {});
    await new Promise((r) => servers.pop()!.close(r));
    await expect(requestToken(down, {}, options)).rejects.toMatchObject({ code: 'oauth_token_failed', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('never follows a redirect from a token endpoint (the form carries the client secret)', async () => {
    let followed = false;
    const target = await httpServer((_req, res) => {
      followed = true;
      res.end('{}');
    });
    const redirecting = await httpServer((_req, res) => {
      res.writeHead(307, { Location: target });
      res.end();
    });
    await expect(requestToken(redirecting, { client_secret: 's' }, options)).rejects.toMatchObject({ code: 'oauth_token_failed' });
    expect(followed).toBe(false);
  });

  it('is classified by its own problem after nodemailer wrapped it as EAUTH during AUTH', () => {
    const error = new OAuthError('invalid_grant: AADSTS65001: The user or administrator has not consented.', {
      error: 'invalid_grant',
      error_description: 'AADSTS65001: The user or administrator has not consented.',
      error_codes: [65001],
    });
    expect(error.code).toBe('oauth_consent_missing');
    // What nodemailer's _formatError does to an error raised inside a custom AUTH handler.
    Object.assign(error, { originalCode: error.code, code: 'EAUTH', command: 'AUTH OWNPOST-XOAUTH2' });
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'oauth_consent_missing', stage: 'oauth' });
    // Even when a server reply from an earlier, refused token rides along.
    Object.assign(error, { response: '535 5.7.3 Authentication unsuccessful', responseCode: 535 });
    expect(classifySmtpFailure(error).code).toBe('oauth_consent_missing');
  });
});

describe('ID token claims', () => {
  const idToken = (claims: unknown) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('reads who signed in, ignoring an unverified e-mail and anything malformed', () => {
    expect(idTokenClaims(idToken({ email: 'anna@gmail.com', email_verified: true }))).toEqual({ email: 'anna@gmail.com' });
    expect(idTokenClaims(idToken({ email: 'anna@gmail.com', email_verified: false }))).toEqual({});
    expect(idTokenClaims(idToken({ preferred_username: 'anna@firma.se' }))).toEqual({ preferredUsername: 'anna@firma.se' });
    expect(idTokenClaims(idToken({ email: 'a\r\nb@x.se' }))).toEqual({});
    expect(idTokenClaims('not-a-jwt')).toEqual({});
    expect(idTokenClaims(undefined)).toEqual({});
  });
});

describe('issue 14: an OAuth token endpoint goes through the same address check as every outbound connection', () => {
  it('refuses an endpoint on a non-public address before any request (0.0.0.0, unless private hosts are allowed)', async () => {
    await expect(requestToken('https://0.0.0.0:1/token', { grant_type: 'client_credentials' }, { timeoutMs: 2_000 })).rejects.toThrow(/not a public address/);
    // Allowed (an internal identity provider): the request goes out, and fails only for want of a server.
    await expect(requestToken('https://0.0.0.0:1/token', { grant_type: 'client_credentials' }, { timeoutMs: 2_000, allowPrivateHosts: true })).rejects.toThrow(/Could not reach the sign-in service/);
  });
});
