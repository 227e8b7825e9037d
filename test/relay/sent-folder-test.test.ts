/**
 * Issue 21 item 9: Sent-folder (IMAP) settings are tested before they are saved, like a sender's SMTP
 * settings: the same stages (dns, connect, tls, auth, then folder), the same problem catalogue, a 422
 * that holds the test, and `force` for admins only. Against a real Dovecot.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zDiagnosisResult } from '../../shared/diagnosis-schemas';
import { startDovecot, type TestDovecot } from '../helpers/dovecot';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { createProfile, startDeliveryRelay } from '../helpers/delivery';
import type { TestRelay } from '../helpers/test-relay';

const PASSWORD = 'correct horse battery staple';
let t: TestRelay;
let admin: string;
let member: string;
let smtp: TestSmtpServer;
let dovecot: TestDovecot;
let profileId: string;

beforeAll(async () => {
  dovecot = await startDovecot({ 'anna@firma.se': PASSWORD });
  smtp = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD, 'bo@firma.se': PASSWORD } });
  t = await startDeliveryRelay({ OWNPOST_TEST_BEFORE_SAVE: '1' });
  ({ token: admin } = await t.addUser('anna@firma.se', 'admin'));
  ({ token: member } = await t.addUser('bo@firma.se'));
  profileId = await createProfile(t, admin, smtp.port);
}, 30_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await dovecot?.close();
});

const put = (body: Record<string, unknown>, token = admin) => t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token, body });
const imap = (overrides: Record<string, unknown> = {}) => ({ host: '127.0.0.1', port: dovecot.port, security: 'tls', ...overrides });

function failedTest(res: { status: number; body: any }) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe('sent_folder_test_failed');
  return zDiagnosisResult.parse(res.body.error.details.diagnosis);
}

describe('Sent-folder settings are tested before they are saved', () => {
  it('saves settings that pass, after the stages dns, connect, tls, auth and folder', async () => {
    const res = await put({ saveToSent: imap() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.saveToSent).toMatchObject({ host: '127.0.0.1', port: dovecot.port, security: 'tls' });
    expect(t.logs.some((line) => /Sent-folder test by anna@firma\.se: 127\.0\.0\.1:\d+ \(tls\) passed/.test(line))).toBe(true);
  });

  it('refuses a wrong IMAP password with auth_failed at the auth stage, and keeps the saved settings', async () => {
    const diagnosis = failedTest(await put({ saveToSent: imap({ username: 'anna@firma.se', password: 'not the password' }) }));
    expect(diagnosis.stages.map((s) => [s.stage, s.ok])).toEqual([
      ['dns', true],
      ['connect', true],
      ['tls', true],
      ['auth', false],
    ]);
    expect(diagnosis.problem?.code).toBe('auth_failed');
    expect(JSON.stringify(diagnosis)).not.toContain('not the password');
    expect((await t.request('GET', `/v1/profiles/${profileId}/delivery`, { token: admin })).body.saveToSent.username).toBeUndefined();
  });

  it('refuses a folder that does not exist with sent_folder_missing at the folder stage, in the user’s language', async () => {
    const res = await t.request('PUT', `/v1/profiles/${profileId}/delivery?lang=de`, { token: admin, body: { saveToSent: imap({ folder: 'Gesendete Objekte' }) } });
    const diagnosis = failedTest(res);
    expect(diagnosis.stages.at(-1)).toMatchObject({ stage: 'folder', ok: false });
    expect(diagnosis.stages.at(-1)!.detail).toContain('Es gibt keinen Ordner Gesendete Objekte');
    expect(diagnosis.problem).toMatchObject({ code: 'sent_folder_missing', title: 'Der Ordner „Gesendet“ wurde nicht gefunden' });
  });

  it('refuses a server that is not there with connection_refused at the connect stage', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const diagnosis = failedTest(await put({ saveToSent: imap({ port: closed }) }));
    expect(diagnosis.stages.map((s) => [s.stage, s.ok])).toEqual([
      ['dns', true],
      ['connect', false],
    ]);
    expect(diagnosis.problem?.code).toBe('connection_refused');
  });

  it('does not test settings that did not change, and lets only an admin save failing ones with force', async () => {
    const before = t.logs.filter((line) => line.startsWith('Sent-folder test')).length;
    expect((await put({ maxMessageBytes: 5_000_000, saveToSent: imap() })).status).toBe(200);
    expect(t.logs.filter((line) => line.startsWith('Sent-folder test')).length).toBe(before);

    const wrongFolder = { saveToSent: imap({ folder: 'Nowhere' }), force: true };
    const bosProfile = await createProfile(t, member, smtp.port, { name: 'Bo', fromName: 'Bo', fromAddress: 'bo@firma.se', auth: { type: 'password', username: 'bo@firma.se', password: PASSWORD } });
    const refused = await t.request('PUT', `/v1/profiles/${bosProfile}/delivery`, { token: member, body: wrongFolder });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const forced = await put(wrongFolder);
    expect(forced.status, JSON.stringify(forced.body)).toBe(200);
    expect(forced.body.saveToSent.folder).toBe('Nowhere');
  });
});
