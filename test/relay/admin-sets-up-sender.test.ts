import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { isFinal, waitForMessage } from '../helpers/delivery';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

/** Issue 21 item 4 (Planfix): an admin sets up an employee's mailbox with `ownerEmail`. */
let t: TestRelay;
let smtp: TestSmtpServer;
let admin: string;
let bo: string;
let cecilia: string;
beforeAll(async () => {
  t = await startTestRelay();
  smtp = await startSmtpServer({ users: { 'bo@firma.se': 'bo-secret' } });
  ({ token: admin } = await t.addUser('anna@firma.se', 'admin'));
  ({ token: bo } = await t.addUser('bo@firma.se'));
  ({ token: cecilia } = await t.addUser('cecilia@firma.se'));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const bosMailbox = (overrides: Record<string, unknown> = {}) =>
  testProfile(smtp.port, {
    name: 'Bo',
    fromName: 'Bo Ek',
    fromAddress: 'bo@firma.se',
    auth: { type: 'password', username: 'bo@firma.se', password: 'bo-secret' },
    ...overrides,
  });

describe('an admin sets up an employee’s mailbox (ownerEmail)', () => {
  it('creates a personal sender owned by that person, which they see and send with', async () => {
    const res = await t.request('POST', '/v1/profiles', { token: admin, body: bosMailbox({ ownerEmail: 'Bo@Firma.se' }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ scope: 'personal', ownerEmail: 'bo@firma.se', fromAddress: 'bo@firma.se' });
    expect(JSON.stringify(res.body)).not.toContain('bo-secret');

    const mine = await t.request('GET', '/v1/profiles', { token: bo });
    expect(mine.body.profiles.map((p: { id: string }) => p.id)).toContain(res.body.id);
    const others = await t.request('GET', '/v1/profiles', { token: cecilia });
    expect(others.body.profiles.map((p: { id: string }) => p.id)).not.toContain(res.body.id);

    const sent = await t.request('POST', '/v1/messages', { token: bo, body: { profileId: res.body.id, to: ['kund@exempel.se'], subject: 'Faktura 1' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect((await waitForMessage(t, bo, sent.body.id, isFinal)).status).toBe('sent');
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.user).toBe('bo@firma.se');
    expect(mail!.parsed.from?.value[0]?.address).toBe('bo@firma.se');
  });

  it('refuses ownerEmail from a member (403) and for a company sender (400), and names an unknown person (404)', async () => {
    const member = await t.request('POST', '/v1/profiles', { token: cecilia, body: bosMailbox({ ownerEmail: 'bo@firma.se', name: 'Sneaky' }) });
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('forbidden');

    const company = await t.request('POST', '/v1/profiles', { token: admin, body: bosMailbox({ ownerEmail: 'bo@firma.se', scope: 'company', name: 'Co' }) });
    expect(company.status).toBe(400);
    expect(company.body.error.details[0].path).toBe('ownerEmail');

    const unknown = await t.request('POST', '/v1/profiles', { token: admin, body: bosMailbox({ ownerEmail: 'nobody@firma.se', name: 'Nobody' }) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody@firma.se');

    const list = await t.request('GET', '/v1/profiles', { token: admin });
    expect(list.body.profiles.map((p: { name: string }) => p.name)).not.toEqual(expect.arrayContaining(['Sneaky', 'Co', 'Nobody']));
  });

  it('a member may name themselves as owner (the same as leaving it out)', async () => {
    const res = await t.request('POST', '/v1/profiles', {
      token: cecilia,
      body: testProfile(smtp.port, {
        name: 'Mine',
        fromAddress: 'cecilia@firma.se',
        isDefault: false,
        auth: { type: 'password', username: 'cecilia@firma.se', password: 'x' },
        ownerEmail: 'cecilia@firma.se',
      }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.ownerEmail).toBe('cecilia@firma.se');
  });
});
