/**
 * Issue 14: CORS only for the extensions the relay is told about (Ownpost's store listings and its
 * development build, plus OWNPOST_EXTENSION_IDS), not every extension: any installed extension could
 * call the relay from the browser before.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../relay/config';
import { DEV_CHROME_EXTENSION_ID, extensionOriginOf } from '../../relay/http/extension-origins';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

const OTHER_EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX_INSTALL = '3f2a8c1e-7b4d-4e6f-9a0b-1c2d3e4f5a6b';

let t: TestRelay;
let token: string;
beforeAll(async () => {
  t = await startTestRelay({}, { OWNPOST_EXTENSION_IDS: `${FIREFOX_INSTALL}, kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk` });
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(() => t.close());

describe('extension origins', () => {
  it('refuses another extension, also its preflight (a foreign extension driving the relay)', async () => {
    const res = await t.request('GET', '/v1/me', { token, headers: { Origin: OTHER_EXTENSION } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await t.request('OPTIONS', '/v1/me', { headers: { Origin: OTHER_EXTENSION, 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a Firefox installation nobody listed', async () => {
    const res = await t.request('GET', '/v1/me', { token, headers: { Origin: 'moz-extension://00000000-0000-4000-8000-000000000000' } });
    expect(res.status).toBe(403);
  });

  it.each([`chrome-extension://${DEV_CHROME_EXTENSION_ID}`, `moz-extension://${FIREFOX_INSTALL}`, 'chrome-extension://kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'])('allows %s', async (origin) => {
    const res = await t.request('GET', '/v1/me', { token, headers: { Origin: origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('vary')).toBe('Origin');
    // A refusal inside the chain is readable by the extension too.
    const refused = await t.request('GET', '/v1/me', { headers: { Origin: origin } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    expect(refused.headers.get('vary')).toBe('Origin');
  });

  it('says that answers vary by Origin also to a request without one (a cache must not hand it to an extension)', async () => {
    const res = await t.request('GET', '/v1/me', { token });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('refuses a malformed OWNPOST_EXTENSION_IDS at start-up', () => {
    expect(() => loadConfig({ OWNPOST_EXTENSION_IDS: 'https://evil.example' })).toThrow(/OWNPOST_EXTENSION_IDS/);
    expect(extensionOriginOf('MOZ-EXTENSION://' + FIREFOX_INSTALL)).toBe(`moz-extension://${FIREFOX_INSTALL}`);
  });

  it('matches the id Chromium derives from the development build’s manifest key (wxt.config.ts)', () => {
    const key = /DEV_EXTENSION_KEY =\s*'([^']+)'/.exec(readFileSync('wxt.config.ts', 'utf8'))![1]!;
    const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('')).toBe(DEV_CHROME_EXTENSION_ID);
  });
});
