import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode, normalisePairingCode, PAIRING_CODE_LENGTH } from '../../relay/auth/tokens';
import { pairingClientKey } from '../../relay/limits/pairing-limits';
import { issueSetupCode } from '../../relay/people/people-service';
import { peopleStoreFor } from '../../relay/people/people-store';
import { databaseUrlWithSchema, dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';
import type { Database } from 'better-sqlite3';

let t: TestRelay;
beforeAll(async () => {
  t = await startTestRelay();
});
afterAll(() => t.close());

async function pairingCodeFor(relay: TestRelay, userId: string, ttlMs = 600_000) {
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId, expiresAt: Date.now() + ttlMs });
  return code;
}

/** POST /v1/pair over real TCP from a chosen loopback address (127.0.0.0/8 is all ours on Linux). */
function pairFrom(url: string, localAddress: string, body: unknown): Promise<{ status: number; body: any; headers: http.IncomingHttpHeaders }> {
  const target = new URL('/v1/pair', url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } },
      (response) => {
        let text = '';
        response.on('data', (d: Buffer) => (text += d));
        response.on('end', () => resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : undefined, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

describe('pairing', () => {
  it('turns a one-time code into a bearer token that works for /v1/me', async () => {
    const { user } = await t.addUser('anna@firma.se');
    const code = await pairingCodeFor(t, user.id);
    const res = await t.request('POST', '/v1/pair', { body: { code: code.toLowerCase().replace('-', ' '), device: 'test browser' } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'anna@firma.se', role: 'admin' });
    const me = await t.request('GET', '/v1/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('anna@firma.se');
  });

  it('accepts a code only once', async () => {
    const { user } = await t.addUser('bo@firma.se');
    const code = await pairingCodeFor(t, user.id);
    expect((await t.request('POST', '/v1/pair', { body: { code } })).status).toBe(200);
    const again = await t.request('POST', '/v1/pair', { body: { code } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('pairing_code_invalid');
    expect(again.body.error.hint).toMatch(/ownpost pair/);
  });

  it('refuses an expired code', async () => {
    const { user } = await t.addUser('cay@firma.se');
    const code = await pairingCodeFor(t, user.id, -1);
    const res = await t.request('POST', '/v1/pair', { body: { code } });
    expect(res.status).toBe(401);
  });

  it('stores tokens and codes only as hashes', async () => {
    const { user } = await t.addUser('dan@firma.se');
    const code = await pairingCodeFor(t, user.id);
    const res = await t.request('POST', '/v1/pair', { body: { code } });
    const db = (t.relay.store as unknown as { db: Database }).db;
    const tokens = db.prepare('SELECT hash FROM tokens').all() as { hash: string }[];
    expect(tokens.some((r) => r.hash === res.body.token)).toBe(false);
    expect(tokens.some((r) => r.hash === hashSecretToken(res.body.token))).toBe(true);
    const codes = db.prepare('SELECT hash FROM pairing_codes').all() as { hash: string }[];
    expect(codes.some((r) => r.hash === code)).toBe(false);
  });

  it('makes codes of 60 bits: 12 characters of a 32-letter alphabet, in groups of four, read forgivingly', () => {
    const codes = Array.from({ length: 200 }, newPairingCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(PAIRING_CODE_LENGTH * Math.log2(32)).toBe(60);
    expect(new Set(codes).size).toBe(codes.length);
    expect(normalisePairingCode('7kq4 m2xd 9ptr')).toBe('7KQ4-M2XD-9PTR');
    expect(normalisePairingCode('oIl0-aaaa-bbbb')).toBe('0110-AAAA-BBBB');
    // A code of the old length, made just before an upgrade, still matches its stored hash.
    expect(normalisePairingCode('ab12cd34')).toBe('AB12-CD34');
  });
});

describe('pairing-code guessing is rate limited (issue 14)', () => {
  let r: TestRelay;
  let url: string;
  beforeAll(async () => {
    r = await startTestRelay();
    url = await r.relay.listen();
  });
  afterAll(() => r.close());

  it('pairing brute force from one client: 60 wrong codes in a row meet 429 after the tenth, and then even a right code is refused', async () => {
    const { user } = await r.addUser('anna@firma.se');
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await pairFrom(url, '127.0.0.2', { code: newPairingCode() })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(50).fill(429));
    const right = await pairingCodeFor(r, user.id);
    const refused = await pairFrom(url, '127.0.0.2', { code: right });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', details: { reason: 'pairing_client' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    // Another client is not punished for this one's guesses, and its right code works.
    expect((await pairFrom(url, '127.0.0.3', { code: right })).status).toBe(200);
  });

  it('pairing brute force from many addresses: 50 wrong codes in all close pairing for everybody', async () => {
    const { user } = await r.addUser('bo@firma.se');
    const statuses: number[] = [];
    // The first test left 10 wrong codes in the overall count; six per address stays under each client's limit.
    for (let i = 0; i < 60; i++) statuses.push((await pairFrom(url, `127.0.1.${1 + Math.floor(i / 6)}`, { code: newPairingCode() })).status);
    expect(statuses.slice(0, 40)).toEqual(Array(40).fill(401));
    expect(statuses.slice(40)).toEqual(Array(20).fill(429));
    const fresh = await pairFrom(url, '127.0.2.1', { code: await pairingCodeFor(r, user.id) });
    expect(fresh.status).toBe(429);
    expect(fresh.body.error.details.reason).toBe('pairing_overall');
  });

  it('pairing brute force in a burst: 60 wrong codes sent at once from one client get no more than ten tried (PostgreSQL counts)', async () => {
    // On PostgreSQL the limits are counted in the database, with real waits between checking and
    // counting: the case where guesses sent side by side could all pass the check.
    const schema = freshSchemaName('ownpost_pairing');
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
    await admin.end();
    const fresh = await startTestRelay({}, { OWNPOST_DATABASE_URL: databaseUrlWithSchema(schema), OWNPOST_MASTER_KEY: randomBytes(32).toString('base64') });
    try {
      const freshUrl = await fresh.relay.listen();
      const statuses = await Promise.all(Array.from({ length: 60 }, () => pairFrom(freshUrl, '127.0.3.1', { code: newPairingCode() }).then((r) => r.status)));
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(50);
    } finally {
      await fresh.close();
      await dropSchema(schema);
    }
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one by its IPv4 address', () => {
    expect(pairingClientKey('2001:db8:1:2:3:4:5:6')).toBe(pairingClientKey('2001:db8:1:2:ffff::1'));
    expect(pairingClientKey('2001:db8:1:2::1')).not.toBe(pairingClientKey('2001:db8:1:3::1'));
    expect(pairingClientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });
});

describe('the setup code of a relay without users (issue 20)', () => {
  let r: TestRelay;
  beforeAll(async () => {
    r = await startTestRelay();
  });
  afterAll(() => r.close());

  it('asks for the admin’s e-mail without using the code up, then makes whoever pairs with it the admin, once', async () => {
    const setup = (await issueSetupCode(r.relay.store, peopleStoreFor(r.relay.store), Date.now()))!;
    expect(setup.code).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(setup.expiresAt - Date.now()).toBeGreaterThan(59 * 60_000);

    const asked = await r.request('POST', '/v1/pair', { body: { code: setup.code } });
    expect(asked.status).toBe(422);
    expect(asked.body.error.code).toBe('setup_email_required');
    const badAddress = await r.request('POST', '/v1/pair', { body: { code: setup.code, email: 'not an address' } });
    expect(badAddress.status).toBe(400);

    const paired = await r.request('POST', '/v1/pair', { body: { code: setup.code, email: 'anna@Firma.se', name: 'Anna Berg', device: 'Chromium extension' } });
    expect(paired.status).toBe(200);
    expect(paired.body.user).toMatchObject({ email: 'anna@firma.se', name: 'Anna Berg', role: 'admin' });
    const me = await r.request('GET', '/v1/me', { token: paired.body.token });
    expect(me.body).toMatchObject({ email: 'anna@firma.se', role: 'admin' });

    const again = await r.request('POST', '/v1/pair', { body: { code: setup.code, email: 'mallory@evil.example' } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('pairing_code_invalid');
    expect(await r.relay.store.countUsers()).toBe(1);
  });

  it('setup code takeover: a setup code is void once the relay has a user, however that user came', async () => {
    const people = peopleStoreFor(r.relay.store);
    // The relay of the test above has its admin now: a new setup code is not even made…
    expect(await issueSetupCode(r.relay.store, people, Date.now())).toBeUndefined();
    // …and one made earlier (another instance's, or an earlier start's) makes nobody admin.
    await people.createSetupCode({ hash: hashSecretToken('AAAA-BBBB-CCCC'), createdAt: Date.now(), expiresAt: Date.now() + 60_000 });
    const res = await r.request('POST', '/v1/pair', { body: { code: 'AAAA-BBBB-CCCC', email: 'mallory@evil.example' } });
    expect(res.status).toBe(401);
    expect(await r.relay.store.getUserByEmail('mallory@evil.example')).toBeUndefined();
  });

  it('refuses an expired setup code', async () => {
    const fresh = await startTestRelay();
    try {
      const people = peopleStoreFor(fresh.relay.store);
      await people.createSetupCode({ hash: hashSecretToken('DDDD-EEEE-FFFF'), createdAt: Date.now() - 2 * 3_600_000, expiresAt: Date.now() - 1 });
      const res = await fresh.request('POST', '/v1/pair', { body: { code: 'DDDD-EEEE-FFFF', email: 'anna@firma.se' } });
      expect(res.status).toBe(401);
      expect(await fresh.relay.store.countUsers()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
