/**
 * README, Security: "Unknown request fields (`html`, a misspelt `attachements`) are refused with 400
 * naming them." Sends did; sender profiles, their sign-in, their delivery settings and the sender test
 * dropped a misspelt field without a word, so `{"isdefault": true}` answered 200 and changed nothing,
 * and `{"sendto": …}` mailed the test message to the From address instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let token: string;
let profileId: string;
beforeAll(async () => {
  t = await startTestRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
  const created = await t.request('POST', '/v1/profiles', { token, body: testProfile(2525) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  profileId = created.body.id;
});
afterAll(() => t.close());

const profile = testProfile(2525);

describe('a misspelt field is refused with 400 naming it', () => {
  it.each([
    ['POST', '/v1/profiles', { ...profile, isdefault: true }, 'isdefault'],
    ['POST', '/v1/profiles', { ...profile, auth: { ...profile.auth, pasword: 'x' } }, 'auth.pasword'],
    ['POST', '/v1/profiles', { ...profile, auth: { type: 'oauth2', provider: 'microsoft', flow: 'device_code', tenant: 'firma.onmicrosoft.com' } }, 'auth.tenant'],
    ['PATCH', '/v1/profiles/:id', { isdefault: true }, 'isdefault'],
    ['PATCH', '/v1/profiles/:id', { auth: { type: 'password', username: 'anna@firma.se', passwd: 'x' } }, 'auth.passwd'],
    ['PUT', '/v1/profiles/:id/delivery', { maxMessagebytes: 5_000_000 }, 'maxMessagebytes'],
    ['PUT', '/v1/profiles/:id/delivery', { saveToSent: { host: 'imap.firma.se', security: 'tls', fodler: 'Sent' } }, 'saveToSent.fodler'],
    ['POST', '/v1/profiles/:id/test', { sendto: 'kund@exempel.se' }, 'sendto'],
  ])('%s %s with %j', async (method, route, body, field) => {
    const res = await t.request(method, route.replace(':id', profileId), { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: field, code: 'unknown_field' }));
  });

  it('changed nothing: the delivery settings are still unset', async () => {
    const res = await t.request('GET', `/v1/profiles/${profileId}/delivery`, { token });
    expect(res.status).toBe(200);
    expect(res.body.maxMessageBytes).toBeUndefined();
    expect(res.body.saveToSent).toBeUndefined();
  });
});

describe('the sender test of unsaved settings still takes a whole profile', () => {
  it('accepts name, scope and isDefault besides the settings it tests (the options page sends the form as it is)', async () => {
    const res = await t.request('POST', '/v1/diagnose', { token, body: { ...testProfile(2525), scope: 'personal', profileId } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
