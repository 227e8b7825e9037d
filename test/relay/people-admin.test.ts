/**
 * Admins manage people over the API (issue 20): add a person, make them a pairing code, see their
 * devices, remove them. Through `app.request()` on a real relay with its SQLite store, and a real
 * SMTP server for the history a removed person leaves behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zDeviceList, zPairingCodeView, zUserWithAllowancesView } from '../../shared/api-schemas';
import { createProfile, mailboxProfile, MAILBOX_PASSWORD, waitForFinal } from '../helpers/sender-rules';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let smtp: TestSmtpServer;
let admin: string;
let adminId: string;
beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'bo@firma.se': MAILBOX_PASSWORD } });
  t = await startTestRelay();
  const added = await t.addUser('anna@firma.se', 'admin');
  admin = added.token;
  adminId = added.user.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function addPerson(body: Record<string, unknown>, token = admin) {
  return t.request('POST', '/v1/users', { token, body });
}

async function pairAs(userId: string, device = 'Chromium extension', token = admin): Promise<string> {
  const made = await t.request('POST', `/v1/users/${userId}/pairing-code`, { token });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const paired = await t.request('POST', '/v1/pair', { body: { code: made.body.code, device } });
  expect(paired.status, JSON.stringify(paired.body)).toBe(200);
  return paired.body.token as string;
}

describe('adding people', () => {
  it('adds a person (201), a member unless said, and lists them', async () => {
    const res = await addPerson({ email: 'bo@firma.se', name: 'Bo Ek' });
    expect(res.status).toBe(201);
    expect(zUserWithAllowancesView.parse(res.body)).toMatchObject({ email: 'bo@firma.se', name: 'Bo Ek', role: 'member', allowedSenders: [] });
    const admin2 = await addPerson({ email: 'cay@firma.se', role: 'admin' });
    expect(admin2.body.role).toBe('admin');
    const list = await t.request('GET', '/v1/users', { token: admin });
    expect(list.body.users.map((u: { email: string }) => u.email)).toEqual(['anna@firma.se', 'bo@firma.se', 'cay@firma.se']);
  });

  it('refuses a second person with the same address (409), a bad address, a bad role and unknown fields (400)', async () => {
    expect((await addPerson({ email: 'bo@FIRMA.se' })).body.error.code).toBe('conflict');
    const bad = await addPerson({ email: 'bo@firma.se (x)evil.com' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await addPerson({ email: 'dag@firma.se', role: 'owner' })).status).toBe(400);
    const unknown = await addPerson({ email: 'dag@firma.se', password: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/password/);
    expect((await addPerson({ email: 'dag@firma.se', name: 'Dag\r\nBcc: x@evil.example' })).status).toBe(400);
  });

  it('people management is for admins: a member can neither add, list, remove, nor make codes for others', async () => {
    const bo = (await t.request('GET', '/v1/users', { token: admin })).body.users.find((u: { email: string }) => u.email === 'bo@firma.se');
    const boToken = await pairAs(bo.id);
    expect((await addPerson({ email: 'eve@firma.se' }, boToken)).status).toBe(403);
    expect((await t.request('GET', '/v1/users', { token: boToken })).status).toBe(403);
    expect((await t.request('DELETE', `/v1/users/${adminId}`, { token: boToken })).status).toBe(403);
    expect((await t.request('POST', `/v1/users/${adminId}/pairing-code`, { token: boToken })).status).toBe(404);
    expect((await t.request('GET', `/v1/users/${adminId}/devices`, { token: boToken })).status).toBe(404);
    // Their own next browser, they may pair themselves.
    expect((await t.request('POST', `/v1/users/${bo.id}/pairing-code`, { token: boToken })).status).toBe(201);
  });
});

describe('pairing codes and devices', () => {
  it('makes a one-time code of 10 minutes that pairs the person, and lists the device that paired', async () => {
    const dag = (await addPerson({ email: 'dag@firma.se', name: 'Dag' })).body;
    const made = await t.request('POST', `/v1/users/${dag.id}/pairing-code`, { token: admin });
    const view = zPairingCodeView.parse(made.body);
    expect(view.code).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const minutes = (Date.parse(view.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    const paired = await t.request('POST', '/v1/pair', { body: { code: view.code, device: 'Firefox extension' } });
    expect(paired.body.user).toMatchObject({ email: 'dag@firma.se', role: 'member' });

    const devices = zDeviceList.parse((await t.request('GET', `/v1/users/${dag.id}/devices`, { token: admin })).body).devices;
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ name: 'Firefox extension', current: false });
    // Expiry is sliding, 90 days after the last use by default.
    expect(Date.parse(devices[0]!.expiresAt!) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    const mine = zDeviceList.parse((await t.request('GET', '/v1/me/devices', { token: paired.body.token })).body).devices;
    expect(mine).toEqual([expect.objectContaining({ id: devices[0]!.id, current: true })]);
    // Tokens never appear in a device list, not even hashed.
    expect(JSON.stringify(mine)).not.toContain(paired.body.token);
  });

  it('answers 404 for an unknown person', async () => {
    expect((await t.request('POST', '/v1/users/nobody/pairing-code', { token: admin })).status).toBe(404);
    expect((await t.request('GET', '/v1/users/nobody/devices', { token: admin })).status).toBe(404);
    expect((await t.request('DELETE', '/v1/users/nobody', { token: admin })).status).toBe(404);
  });
});

describe('removing a person', () => {
  it('stops their devices at once, voids their codes, deletes their own senders and keeps their sent mail in the history', async () => {
    const erik = (await addPerson({ email: 'erik@firma.se' })).body;
    await t.request('PATCH', `/v1/users/${erik.id}`, { token: admin, body: { allowedSenders: ['bo@firma.se'] } });
    const erikToken = await pairAs(erik.id);
    const profileId = await createProfile(t, erikToken, mailboxProfile(smtp.port, 'bo@firma.se'));
    const sent = await t.request('POST', '/v1/messages', { token: erikToken, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 1', text: 'x' } });
    expect(sent.status).toBe(202);
    expect((await waitForFinal(t, erikToken, sent.body.id)).status).toBe('sent');
    const unusedCode = (await t.request('POST', `/v1/users/${erik.id}/pairing-code`, { token: admin })).body.code;

    expect((await t.request('DELETE', `/v1/users/${erik.id}`, { token: admin })).status).toBe(204);

    const after = await t.request('GET', '/v1/me', { token: erikToken });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    expect((await t.request('POST', '/v1/pair', { body: { code: unusedCode } })).status).toBe(401);
    expect((await t.request('GET', `/v1/profiles/${profileId}`, { token: admin })).status).toBe(404);
    expect((await t.request('GET', `/v1/users/${erik.id}`, { token: admin })).status).toBe(404);
    const users = (await t.request('GET', '/v1/users', { token: admin })).body.users.map((u: { email: string }) => u.email);
    expect(users).not.toContain('erik@firma.se');
    // The invoice they sent is still in the company's history.
    expect((await t.request('GET', `/v1/messages/${sent.body.id}`, { token: admin })).body.status).toBe('sent');
    expect((await t.request('DELETE', `/v1/users/${erik.id}`, { token: admin })).status).toBe(404);

    // Adding the address again brings the person back, without their old devices or senders.
    const back = await addPerson({ email: 'erik@firma.se', name: 'Erik' });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ id: erik.id, name: 'Erik', role: 'member', allowedSenders: [] });
    expect((await t.request('GET', '/v1/me', { token: erikToken })).status).toBe(401);
    expect((await t.request('GET', `/v1/users/${erik.id}/devices`, { token: admin })).body.devices).toEqual([]);
  });

  it('never removes the last admin (409), but an admin among others', async () => {
    const cay = (await t.request('GET', '/v1/users', { token: admin })).body.users.find((u: { email: string }) => u.email === 'cay@firma.se');
    expect((await t.request('DELETE', `/v1/users/${cay.id}`, { token: admin })).status).toBe(204);
    const last = await t.request('DELETE', `/v1/users/${adminId}`, { token: admin });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/only admin/);
    expect((await t.request('GET', '/v1/me', { token: admin })).status).toBe(200);
  });
});

describe('/openapi.json', () => {
  it('describes the people and device routes', async () => {
    const doc = (await t.request('GET', '/openapi.json')).body;
    for (const [path, method] of [
      ['/v1/users', 'post'],
      ['/v1/users/{id}', 'delete'],
      ['/v1/users/{id}/pairing-code', 'post'],
      ['/v1/users/{id}/devices', 'get'],
      ['/v1/me/devices', 'get'],
      ['/v1/devices/{id}', 'delete'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      expect(doc.paths[path][method]['x-undescribed'], `${method} ${path}`).toBeUndefined();
    }
    expect(doc.components.schemas.PersonInput.required).toEqual(['email']);
    expect(doc.paths['/v1/pair'].post.responses['422'].description).toMatch(/setup_email_required/);
  });
});
