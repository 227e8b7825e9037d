import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';
import type { Database } from 'better-sqlite3';

const PASSWORD = 'correct horse battery staple';
let t: TestRelay;
let admin: string;
let member: string;
beforeAll(async () => {
  t = await startTestRelay();
  admin = (await t.addUser('admin@firma.se', 'admin')).token;
  member = (await t.addUser('member@firma.se')).token;
});
afterAll(() => t.close());

describe('sender profiles', () => {
  it('creates a profile, normalises the host, fills the port, and never returns the password', async () => {
    const res = await t.request('POST', '/v1/profiles', {
      token: admin,
      body: testProfile(0, { smtp: { host: 'TLS://SMTP.Example.COM/', security: 'tls' } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.smtp).toEqual({ host: 'smtp.example.com', port: 465, security: 'tls', minTlsVersion: 'TLSv1.2', ciphers: 'default' });
    expect(res.body.auth).toEqual({ type: 'password', username: 'anna@firma.se', hasPassword: true });
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
    const listed = await t.request('GET', '/v1/profiles', { token: admin });
    expect(JSON.stringify(listed.body)).not.toContain(PASSWORD);
  });

  it('keeps the password out of the database file and the logs', async () => {
    await t.request('POST', '/v1/profiles', { token: admin, body: testProfile(2525) });
    // Force the WAL into the main file too, then grep every file in the data folder.
    (t.relay.store as unknown as { db: Database }).db.pragma('wal_checkpoint(FULL)');
    for (const file of readdirSync(t.dataDir)) {
      const full = path.join(t.dataDir, file);
      if (!statSync(full).isFile()) continue;
      expect(readFileSync(full).includes(Buffer.from(PASSWORD)), file).toBe(false);
    }
    expect(t.logs.join('\n')).not.toContain(PASSWORD);
  });

  it('lets only admins add company profiles', async () => {
    const refused = await t.request('POST', '/v1/profiles', { token: member, body: testProfile(587, { scope: 'company' }) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const allowed = await t.request('POST', '/v1/profiles', { token: admin, body: testProfile(587, { scope: 'company', name: 'Company' }) });
    expect(allowed.status).toBe(201);
    expect(allowed.body.scope).toBe('company');
    const seenByMember = await t.request('GET', '/v1/profiles', { token: member });
    expect(seenByMember.body.profiles.map((p: { id: string }) => p.id)).toContain(allowed.body.id);
  });

  it('hides a personal profile from other users', async () => {
    // A member's personal profile sends from the member's own address (test/relay/sender-rules.test.ts).
    const mine = await t.request('POST', '/v1/profiles', { token: member, body: testProfile(587, { name: 'Mine', fromAddress: 'member@firma.se' }) });
    expect(mine.status).toBe(201);
    const other = await t.request('GET', `/v1/profiles/${mine.body.id}`, { token: admin });
    expect(other.status).toBe(404);
  });

  it('patches fields without touching the rest, and a new password replaces the old', async () => {
    const created = await t.request('POST', '/v1/profiles', { token: member, body: testProfile(587, { bccSelf: true, fromAddress: 'member@firma.se' }) });
    const patched = await t.request('PATCH', `/v1/profiles/${created.body.id}`, { token: member, body: { name: 'Renamed' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', bccSelf: true, auth: { hasPassword: true } });
    const deleted = await t.request('DELETE', `/v1/profiles/${created.body.id}`, { token: member });
    expect(deleted.status).toBe(204);
    expect((await t.request('GET', `/v1/profiles/${created.body.id}`, { token: member })).status).toBe(404);
  });

  it('refuses a security mode it does not know and an invalid From address', async () => {
    const badSecurity = await t.request('POST', '/v1/profiles', { token: member, body: testProfile(587, { smtp: { host: 'smtp.x.se', security: 'ssl' } }) });
    expect(badSecurity.status).toBe(400);
    expect(badSecurity.body.error.details[0].path).toBe('smtp.security');
    const badFrom = await t.request('POST', '/v1/profiles', { token: member, body: testProfile(587, { fromAddress: 'anna@@firma' }) });
    expect(badFrom.status).toBe(400);
    expect(badFrom.body.error.details[0].path).toBe('fromAddress');
  });
});

describe('private hosts', () => {
  it('refuses loopback SMTP hosts unless OWNPOST_ALLOW_PRIVATE_HOSTS is set', async () => {
    const strict = await startTestRelay({ allowPrivateHosts: false });
    try {
      const { token } = await strict.addUser('x@firma.se');
      const res = await strict.request('POST', '/v1/profiles', { token, body: testProfile(587) });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('private_host_not_allowed');
      expect(res.body.error.hint).toMatch(/OWNPOST_ALLOW_PRIVATE_HOSTS/);
    } finally {
      await strict.close();
    }
  });
});
