/**
 * Which profile a send uses when it names none (issue #3 "Scopes and resolution"), and the company
 * fallback for a failing profile ("Fallback"), through the API against a real SMTP server: the mailbox
 * that signed in shows which profile really sent.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretCipher } from '../../relay/secrets/cipher';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { countAllMessages, createProfile, mailboxProfile, MAILBOX_PASSWORD, sendAndReceive, waitForFinal } from '../helpers/sender-rules';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

const MAILBOXES = ['faktura@firma.se', 'brand@firma.se', 'kund42@firma.se', 'projekt@firma.se', 'anna@firma.se', 'reserv@firma.se'];

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer({ users: Object.fromEntries(MAILBOXES.map((m) => [m, MAILBOX_PASSWORD])) });
});
afterAll(() => smtp.close());

/** A fresh relay per test: resolution depends on every profile that exists. */
let t: TestRelay;
let admin: string;
let anna: string;
async function freshRelay() {
  t = await startTestRelay();
  admin = (await t.addUser('admin@firma.se', 'admin')).token;
  anna = (await t.addUser('anna@firma.se')).token;
}
afterEach(() => t?.close());

const companyProfile = (mailbox: string, extra: Record<string, unknown> = {}) => createProfile(t, admin, mailboxProfile(smtp.port, mailbox, { scope: 'company', name: mailbox, ...extra }));
const annaProfile = (extra: Record<string, unknown> = {}) => createProfile(t, anna, mailboxProfile(smtp.port, 'anna@firma.se', { name: 'Anna', ...extra }));

/** Sends as Anna without naming a profile; returns the mailbox that signed in at the SMTP server. */
async function sentThrough(context: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const { view, mail } = await sendAndReceive(t, anna, smtp, { to: ['kund@exempel.se'], subject: `resolve ${randomBytes(4).toString('hex')}`, context, ...extra });
  return { mailbox: mail.user, view, mail };
}

describe('resolution when the send names no profile', () => {
  it('the personal default wins over the company default', async () => {
    await freshRelay();
    await companyProfile('faktura@firma.se', { isDefault: true });
    await annaProfile({ isDefault: true });
    expect((await sentThrough()).mailbox).toBe('anna@firma.se');
  });

  it('the company default when the user has no default of their own', async () => {
    await freshRelay();
    await companyProfile('faktura@firma.se', { isDefault: true });
    await annaProfile({ isDefault: false });
    await createProfile(t, anna, mailboxProfile(smtp.port, 'anna@firma.se', { name: 'Anna 2' }));
    expect((await sentThrough()).mailbox).toBe('faktura@firma.se');
  });

  it('a profile mapped to the page’s site wins over the defaults (*.wfirma.pl)', async () => {
    await freshRelay();
    await companyProfile('faktura@firma.se', { isDefault: true });
    await companyProfile('brand@firma.se', { sites: ['*.WFirma.pl'] });
    await annaProfile({ isDefault: true });
    expect((await sentThrough({ pageUrl: 'https://app.wfirma.pl/invoices/4711' })).mailbox).toBe('brand@firma.se');
    expect((await sentThrough({ pageUrl: 'https://wfirma.pl/x' })).mailbox).toBe('brand@firma.se');
    // Not a match: a different registrable domain that merely ends the same way.
    expect((await sentThrough({ pageUrl: 'https://notwfirma.pl/x' })).mailbox).toBe('anna@firma.se');
  });

  it('a URL prefix wins over a host pattern, and stops at a path boundary', async () => {
    await freshRelay();
    await companyProfile('brand@firma.se', { sites: ['*.erp.example'] });
    await companyProfile('kund42@firma.se', { sites: ['https://app.erp.example/company/42'] });
    expect((await sentThrough({ pageUrl: 'https://app.erp.example/company/42/invoices/1' })).mailbox).toBe('kund42@firma.se');
    expect((await sentThrough({ pageUrl: 'https://app.erp.example/company/42?tab=2' })).mailbox).toBe('kund42@firma.se');
    expect((await sentThrough({ pageUrl: 'https://app.erp.example/company/421/invoices/1' })).mailbox).toBe('brand@firma.se');
  });

  it('a personal mapping wins over the company’s mapping of the same site', async () => {
    await freshRelay();
    await companyProfile('brand@firma.se', { sites: ['app.erp.example'] });
    await annaProfile({ sites: ['app.erp.example'] });
    expect((await sentThrough({ pageUrl: 'https://app.erp.example/i/1' })).mailbox).toBe('anna@firma.se');
  });

  it('a project mapping wins over a site mapping (Planfix: a sender per project)', async () => {
    await freshRelay();
    await companyProfile('brand@firma.se', { sites: ['app.erp.example'] });
    await companyProfile('projekt@firma.se', { projects: ['Projekt Nord'] });
    expect((await sentThrough({ pageUrl: 'https://app.erp.example/i/1', project: '  projekt   NORD ' })).mailbox).toBe('projekt@firma.se');
    expect((await sentThrough({ pageUrl: 'https://app.erp.example/i/1', project: 'Projekt Syd' })).mailbox).toBe('brand@firma.se');
  });

  it('the profile the send names wins over every mapping', async () => {
    await freshRelay();
    await companyProfile('brand@firma.se', { sites: ['app.erp.example'] });
    const named = await companyProfile('faktura@firma.se');
    expect((await sentThrough({ pageUrl: 'https://app.erp.example/i/1' }, { profileId: named })).mailbox).toBe('faktura@firma.se');
  });

  it('refused: no usable profile → 422 no_sender_profile with a hint, nothing queued', async () => {
    await freshRelay();
    // Two personal profiles, neither the default, and no company default: nothing says which.
    await annaProfile();
    await createProfile(t, anna, mailboxProfile(smtp.port, 'anna@firma.se', { name: 'Anna 2' }));
    const res = await t.request('POST', '/v1/messages', { token: anna, body: { to: ['kund@exempel.se'], subject: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('no_sender_profile');
    expect(res.body.error.hint).toMatch(/default/);
    expect(await countAllMessages(t, admin)).toBe(0);
  });

  it('refused: one site mapped twice in the same scope → 409 conflict; the default moves when set elsewhere', async () => {
    await freshRelay();
    const first = await companyProfile('brand@firma.se', { sites: ['*.wfirma.pl'], isDefault: true });
    const conflict = await t.request('POST', '/v1/profiles', {
      token: admin,
      body: mailboxProfile(smtp.port, 'faktura@firma.se', { scope: 'company', sites: ['*.wfirma.pl'] }),
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('conflict');
    expect(conflict.body.error.details.profileId).toBe(first);
    const second = await companyProfile('faktura@firma.se', { isDefault: true });
    expect((await t.request('GET', `/v1/profiles/${first}`, { token: admin })).body.isDefault).toBe(false);
    expect((await t.request('GET', `/v1/profiles/${second}`, { token: admin })).body.isDefault).toBe(true);
  });

  it('refuses a site pattern that is too broad or malformed (400 with the field)', async () => {
    await freshRelay();
    for (const site of ['*.pl', 'ftp://x.example/', 'app.*.example', 'https://user:pw@x.example/']) {
      const res = await t.request('POST', '/v1/profiles', { token: anna, body: mailboxProfile(smtp.port, 'anna@firma.se', { sites: [site] }) });
      expect(res.status, site).toBe(400);
      expect(res.body.error.details[0].path, site).toBe('sites.0');
    }
  });
});

describe('fallback for a failing profile', () => {
  /** Anna's personal default with a wrong password: its first message fails at AUTH. */
  async function failingAnna() {
    const id = await annaProfile({ isDefault: true, auth: { type: 'password', username: 'anna@firma.se', password: 'wrong password' } });
    const res = await t.request('POST', '/v1/messages', { token: anna, body: { to: ['kund@exempel.se'], subject: 'will fail' } });
    expect(res.status).toBe(202);
    const failed = await waitForFinal(t, anna, res.body.id);
    expect(failed.status).toBe('failed');
    return id;
  }

  it('refused: without a company fallback a failing profile fails loudly → 422 profile_unusable, nothing queued', async () => {
    await freshRelay();
    const id = await failingAnna();
    const before = await countAllMessages(t, admin);
    const res = await t.request('POST', '/v1/messages', { token: anna, body: { to: ['kund@exempel.se'], subject: 'next' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('profile_unusable');
    expect(res.body.error.details).toMatchObject({ profileId: id, reason: 'profile_failing' });
    expect(res.body.error.details.problemCode).toBeTruthy();
    expect(await countAllMessages(t, admin)).toBe(before);
  });

  it('allowed: with a company fallback the message goes out through it, says so in its status, and replies reach Anna', async () => {
    await freshRelay();
    const fallbackId = await companyProfile('reserv@firma.se', { isFallback: true, fromName: 'Firma AB' });
    const id = await failingAnna();
    const { view, mail } = await sentThrough();
    expect(mail.user).toBe('reserv@firma.se');
    expect(view.profileId).toBe(fallbackId);
    expect(view.fallback).toMatchObject({ fromProfileId: id, fromProfileName: 'Anna', code: 'profile_failing' });
    expect(view.fallback.reason).toMatch(/Anna/);
    expect(mail.parsed.replyTo?.value).toEqual([{ name: '', address: 'anna@firma.se' }]);
    // Fixing the profile (a new password) ends the fallback.
    const fixed = await t.request('PATCH', `/v1/profiles/${id}`, { token: anna, body: { auth: { type: 'password', username: 'anna@firma.se', password: MAILBOX_PASSWORD } } });
    expect(fixed.status).toBe(200);
    const again = await sentThrough();
    expect(again.mailbox).toBe('anna@firma.se');
    expect(again.view.fallback).toBeUndefined();
  });

  it('a refused recipient does not make a profile failing', async () => {
    await freshRelay();
    const picky = await startSmtpServer({
      users: { 'anna@firma.se': MAILBOX_PASSWORD },
      server: {
        onRcptTo(address, _session, callback) {
          if (address.address === 'gone@exempel.se') return callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
          callback();
        },
      },
    });
    try {
      const id = await createProfile(t, anna, mailboxProfile(picky.port, 'anna@firma.se', { isDefault: true }));
      const res = await t.request('POST', '/v1/messages', { token: anna, body: { to: ['gone@exempel.se'], subject: 'bounce' } });
      expect((await waitForFinal(t, anna, res.body.id)).status).toBe('failed');
      const next = await t.request('POST', '/v1/messages', { token: anna, body: { profileId: id, to: ['kund@exempel.se'], subject: 'fine' } });
      expect(next.status).toBe(202);
      expect((await waitForFinal(t, anna, next.body.id)).status).toBe('sent');
    } finally {
      await picky.close();
    }
  });

  it('a password sealed with a key this relay does not have makes the profile unusable, and the fallback sends', async () => {
    await freshRelay();
    await companyProfile('reserv@firma.se', { isFallback: true });
    const id = await annaProfile({ isDefault: true });
    const row = (await t.relay.store.getProfile(id))!;
    const foreign = new SecretCipher([randomBytes(32)]).seal(MAILBOX_PASSWORD, `profile:${id}:password`);
    await t.relay.store.updateProfile({ ...row, secrets: { password: foreign } });
    const { mail, view } = await sentThrough();
    expect(mail.user).toBe('reserv@firma.se');
    expect(view.fallback).toMatchObject({ fromProfileId: id, code: 'profile_secrets_unreadable' });
  });

  it('there is only one company fallback: setting another moves it', async () => {
    await freshRelay();
    const first = await companyProfile('reserv@firma.se', { isFallback: true });
    const second = await companyProfile('faktura@firma.se', { isFallback: true });
    expect((await t.request('GET', `/v1/profiles/${first}`, { token: admin })).body.isFallback).toBe(false);
    expect((await t.request('GET', `/v1/profiles/${second}`, { token: admin })).body.isFallback).toBe(true);
  });
});
