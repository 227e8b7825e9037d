import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
beforeAll(async () => {
  t = await startTestRelay();
});
afterAll(() => t.close());

async function pairingCodeFor(userId: string, ttlMs = 600_000) {
  const code = newPairingCode();
  await t.relay.store.createPairingCode({ hash: hashSecretToken(code), userId, expiresAt: Date.now() + ttlMs });
  return code;
}

describe('pairing', () => {
  it('turns a one-time code into a bearer token that works for /v1/me', async () => {
    const { user } = await t.addUser('anna@firma.se');
    const code = await pairingCodeFor(user.id);
    const res = await t.request('POST', '/v1/pair', { body: { code: code.toLowerCase().replace('-', ' '), device: 'test browser' } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'anna@firma.se', role: 'admin' });
    const me = await t.request('GET', '/v1/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('anna@firma.se');
  });

  it('accepts a code only once', async () => {
    const { user } = await t.addUser('bo@firma.se');
    const code = await pairingCodeFor(user.id);
    expect((await t.request('POST', '/v1/pair', { body: { code } })).status).toBe(200);
    const again = await t.request('POST', '/v1/pair', { body: { code } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('pairing_code_invalid');
    expect(again.body.error.hint).toMatch(/ownpost pair/);
  });

  it('refuses an expired code', async () => {
    const { user } = await t.addUser('cay@firma.se');
    const code = await pairingCodeFor(user.id, -1);
    const res = await t.request('POST', '/v1/pair', { body: { code } });
    expect(res.status).toBe(401);
  });

  it('stores tokens and codes only as hashes', async () => {
    const { user } = await t.addUser('dan@firma.se');
    const code = await pairingCodeFor(user.id);
    const res = await t.request('POST', '/v1/pair', { body: { code } });
    const db = (t.relay.store as unknown as { db: import('better-sqlite3').Database }).db;
    const tokens = db.prepare('SELECT hash FROM tokens').all() as { hash: string }[];
    expect(tokens.some((r) => r.hash === res.body.token)).toBe(false);
    expect(tokens.some((r) => r.hash === hashSecretToken(res.body.token))).toBe(true);
    const codes = db.prepare('SELECT hash FROM pairing_codes').all() as { hash: string }[];
    expect(codes.some((r) => r.hash === code)).toBe(false);
  });
});
