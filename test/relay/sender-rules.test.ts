/**
 * The sender rules of issue #3 through the API, against a real SMTP server (STARTTLS + AUTH): for each
 * rule an allowed send (what arrives: envelope, headers, the mailbox that signed in) and a refused one
 * (the 403 code, nothing queued, nothing delivered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import {
  countAllMessages,
  createProfile,
  expectRefusedAndNothingSent,
  mailboxProfile,
  MAILBOX_PASSWORD,
  sendAndReceive,
} from '../helpers/sender-rules';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let smtp: TestSmtpServer;
let admin: string;
let anna: string;
let annaId: string;
let bo: string;
/** Company mailbox faktura@firma.se; its rules change per test through PATCH. */
let company: string;
let canaryCount = 0;

beforeAll(async () => {
  smtp = await startSmtpServer({
    users: { 'faktura@firma.se': MAILBOX_PASSWORD, 'anna@firma.se': MAILBOX_PASSWORD, 'anna@brand.example': MAILBOX_PASSWORD },
  });
  t = await startTestRelay();
  admin = (await t.addUser('admin@firma.se', 'admin')).token;
  ({ token: anna, user: { id: annaId } } = await t.addUser('anna@firma.se'));
  bo = (await t.addUser('bo@firma.se')).token;
  company = await createProfile(t, admin, mailboxProfile(smtp.port, 'faktura@firma.se', { name: 'Faktura', scope: 'company', fromName: 'Firma AB', isDefault: true }));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function setCompanyRules(rules: Record<string, unknown>) {
  const res = await t.request('PATCH', `/v1/profiles/${company}`, { token: admin, body: rules });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A harmless send through the company profile that must arrive: proves the worker had its chance. */
async function canary() {
  await sendAndReceive(t, admin, smtp, { profileId: company, to: ['kontroll@exempel.se'], subject: `canary ${++canaryCount}` });
}

async function refusal(res: { status: number; body: any }, status: number, code: string, messagesBefore: number) {
  await expectRefusedAndNothingSent(t, res, { status, code }, { adminToken: admin, messagesBefore, smtp, canary });
}

describe('From: the profile’s address unless other senders are allowed', () => {
  it('allowed: without a From, the profile’s From and mailbox are used and no Sender header is added', async () => {
    await setCompanyRules({ allowOtherSender: false, allowedSenders: [] });
    const { mail } = await sendAndReceive(t, bo, smtp, { profileId: company, to: ['kund@exempel.se'], subject: 'Faktura 1' });
    expect(mail.user).toBe('faktura@firma.se');
    expect(mail.envelope).toEqual({ from: 'faktura@firma.se', to: ['kund@exempel.se'] });
    expect(mail.parsed.from?.value).toEqual([{ name: 'Firma AB', address: 'faktura@firma.se' }]);
    expect(mail.parsed.headers.has('sender')).toBe(false);
  });

  it('refused: another From when the profile does not allow other senders → 403 sender_not_allowed', async () => {
    await setCompanyRules({ allowOtherSender: false, allowedSenders: ['@firma.se'] });
    const before = await countAllMessages(t, admin);
    const res = await t.request('POST', '/v1/messages', {
      token: bo,
      body: { profileId: company, from: 'Bo Ek <bo@firma.se>', to: ['kund@exempel.se'], subject: 'as Bo' },
    });
    await refusal(res, 403, 'sender_not_allowed', before);
    expect(res.body.error.details.allowed).toEqual(['faktura@firma.se']);
  });

  it('allowed: an address of an allowed @domain; the mailbox signs in, is the envelope sender and the Sender header', async () => {
    await setCompanyRules({ allowOtherSender: true, allowedSenders: ['@firma.se', 'kundtjanst@partner.example'], senderStyle: 'sender_header' });
    const { mail } = await sendAndReceive(t, bo, smtp, {
      profileId: company,
      from: 'Bo Ek <bo@firma.se>',
      to: ['kund@exempel.se'],
      subject: 'Faktura 2',
    });
    expect(mail.user).toBe('faktura@firma.se');
    expect(mail.envelope.from).toBe('faktura@firma.se');
    expect(mail.parsed.from?.value).toEqual([{ name: 'Bo Ek', address: 'bo@firma.se' }]);
    expect(mail.raw.toString()).toMatch(/^Sender: Firma AB <faktura@firma\.se>\r$/m);
  });

  it('allowed: a single allowed address; with senderStyle send_as there is no Sender header', async () => {
    await setCompanyRules({ allowOtherSender: true, allowedSenders: ['kundtjanst@partner.example'], senderStyle: 'send_as' });
    const { mail } = await sendAndReceive(t, bo, smtp, {
      profileId: company,
      from: 'kundtjanst@partner.example',
      to: ['kund@exempel.se'],
      subject: 'Faktura 3',
    });
    expect(mail.parsed.from?.value[0]?.address).toBe('kundtjanst@partner.example');
    expect(mail.envelope.from).toBe('faktura@firma.se');
    expect(mail.parsed.headers.has('sender')).toBe(false);
  });

  it.each([
    ['an address outside the list', 'ceo@annan.example'],
    ['a sub-domain of an allowed @domain (only the domain itself is allowed)', 'bo@sub.firma.se'],
    ['a look-alike of an allowed domain', 'bo@firma.se.evil.example'],
  ])('refused: %s → 403 sender_not_allowed', async (_, from) => {
    await setCompanyRules({ allowOtherSender: true, allowedSenders: ['@firma.se'], senderStyle: 'sender_header' });
    const before = await countAllMessages(t, admin);
    const res = await t.request('POST', '/v1/messages', { token: bo, body: { profileId: company, from, to: ['kund@exempel.se'], subject: 'x' } });
    await refusal(res, 403, 'sender_not_allowed', before);
  });
});

describe('a member’s personal profile sends only from the member’s own address unless an admin allows more', () => {
  it('refused: a member saving a personal profile for another address → 403 member_sender_not_allowed, nothing saved', async () => {
    const res = await t.request('POST', '/v1/profiles', { token: anna, body: mailboxProfile(smtp.port, 'faktura@firma.se') });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('member_sender_not_allowed');
    expect(res.body.error.details.allowed).toEqual(['anna@firma.se']);
    const mine = await t.request('GET', '/v1/profiles', { token: anna });
    expect(mine.body.profiles.filter((p: { scope: string }) => p.scope === 'personal')).toEqual([]);
  });

  it('refused: a member allowing other senders on their personal profile beyond what an admin allowed', async () => {
    const res = await t.request('POST', '/v1/profiles', {
      token: anna,
      body: mailboxProfile(smtp.port, 'anna@firma.se', { allowOtherSender: true, allowedSenders: ['@firma.se'] }),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('member_sender_not_allowed');
  });

  it('allowed: the member’s own address; the mail goes out through the member’s mailbox', async () => {
    const profileId = await createProfile(t, anna, mailboxProfile(smtp.port, 'anna@firma.se', { name: 'Anna', fromName: 'Anna Berg' }));
    const { mail } = await sendAndReceive(t, anna, smtp, { profileId, to: ['kund@exempel.se'], subject: 'Faktura 4' });
    expect(mail.user).toBe('anna@firma.se');
    expect(mail.parsed.from?.value).toEqual([{ name: 'Anna Berg', address: 'anna@firma.se' }]);
  });

  it('only an admin changes what a member may send from (403 forbidden for the member)', async () => {
    const res = await t.request('PATCH', `/v1/users/${annaId}`, { token: anna, body: { allowedSenders: ['@brand.example'] } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('allowed after an admin allows @brand.example; refused at send time once the admin takes it back', async () => {
    const allowed = await t.request('PATCH', `/v1/users/${annaId}`, { token: admin, body: { allowedSenders: ['@Brand.Example'] } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.allowedSenders).toEqual(['@brand.example']);
    expect((await t.request('GET', `/v1/users/${annaId}`, { token: anna })).body.allowedSenders).toEqual(['@brand.example']);

    const profileId = await createProfile(t, anna, mailboxProfile(smtp.port, 'anna@brand.example', { name: 'Brand' }));
    const { mail } = await sendAndReceive(t, anna, smtp, { profileId, to: ['kund@exempel.se'], subject: 'Brand invoice' });
    expect(mail.user).toBe('anna@brand.example');

    expect((await t.request('PATCH', `/v1/users/${annaId}`, { token: admin, body: { allowedSenders: [] } })).status).toBe(200);
    const before = await countAllMessages(t, admin);
    const res = await t.request('POST', '/v1/messages', { token: anna, body: { profileId, to: ['kund@exempel.se'], subject: 'again' } });
    await refusal(res, 403, 'member_sender_not_allowed', before);
  });

  it('refuses an allowance that is not an address or @domain (400, nothing stored)', async () => {
    const res = await t.request('PATCH', `/v1/users/${annaId}`, { token: admin, body: { allowedSenders: ['@'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect((await t.request('GET', `/v1/users/${annaId}`, { token: admin })).body.allowedSenders).toEqual([]);
  });
});

describe('Reply-To', () => {
  it('allowed: the profile’s default Reply-To is on every message', async () => {
    await setCompanyRules({ replyTo: 'ekonomi@firma.se', allowOtherSender: false });
    const { mail } = await sendAndReceive(t, bo, smtp, { profileId: company, to: ['kund@exempel.se'], subject: 'Faktura 5' });
    expect(mail.parsed.replyTo?.value).toEqual([{ name: '', address: 'ekonomi@firma.se' }]);
  });

  it('allowed: a per-message Reply-To to the user’s own address', async () => {
    const { mail } = await sendAndReceive(t, bo, smtp, { profileId: company, replyTo: 'bo@firma.se', to: ['kund@exempel.se'], subject: 'Faktura 6' });
    expect(mail.parsed.replyTo?.value).toEqual([{ name: '', address: 'bo@firma.se' }]);
    expect(mail.envelope.to).toEqual(['kund@exempel.se']);
  });

  it('refused: a per-message Reply-To to someone else (a page redirecting answers) → 403 reply_to_not_allowed', async () => {
    const before = await countAllMessages(t, admin);
    const res = await t.request('POST', '/v1/messages', {
      token: bo,
      body: { profileId: company, replyTo: 'payments@attacker.example', to: ['kund@exempel.se'], subject: 'x' },
    });
    await refusal(res, 403, 'reply_to_not_allowed', before);
  });

  it('refused: a member’s personal profile with a default Reply-To outside what the member may use', async () => {
    const res = await t.request('POST', '/v1/profiles', {
      token: anna,
      body: mailboxProfile(smtp.port, 'anna@firma.se', { name: 'Anna 2', replyTo: 'someone@else.example' }),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('reply_to_not_allowed');
  });
});

describe('bccSelf', () => {
  it('allowed: on a company sender the blind copy goes to the person who sent, not the company mailbox, in the envelope only', async () => {
    await setCompanyRules({ bccSelf: true, replyTo: null });
    const { mail } = await sendAndReceive(t, bo, smtp, { profileId: company, to: ['kund@exempel.se'], cc: ['revisor@exempel.se'], subject: 'Faktura 7' });
    expect(mail.envelope.to).toEqual(['kund@exempel.se', 'revisor@exempel.se', 'bo@firma.se']);
    expect(mail.raw.toString()).not.toMatch(/^Bcc:/im);
    expect(mail.raw.toString()).not.toContain('bo@firma.se');
    expect(mail.parsed.to && 'value' in mail.parsed.to ? mail.parsed.to.value.map((v) => v.address) : []).toEqual(['kund@exempel.se']);
    expect(mail.parsed.headers.has('reply-to')).toBe(false);
  });

  it('allowed: on a personal sender the blind copy goes to its From address', async () => {
    const own = await createProfile(t, anna, mailboxProfile(smtp.port, 'anna@firma.se', { name: 'Anna copy', bccSelf: true }));
    const { mail } = await sendAndReceive(t, anna, smtp, { profileId: own, to: ['kund@exempel.se'], subject: 'Faktura 7b' });
    expect(mail.envelope.to).toEqual(['kund@exempel.se', 'anna@firma.se']);
    expect(mail.raw.toString()).not.toMatch(/^Bcc:/im);
  });

  it('without bccSelf the sender gets no copy', async () => {
    await setCompanyRules({ bccSelf: false });
    const { mail } = await sendAndReceive(t, bo, smtp, { profileId: company, to: ['kund@exempel.se'], subject: 'Faktura 8' });
    expect(mail.envelope.to).toEqual(['kund@exempel.se']);
  });
});

describe('blind copies: the message’s bcc and the profile’s archive address', () => {
  it('allowed: bcc and the archive address reach the envelope, once each, and no header names them', async () => {
    await setCompanyRules({ bccSelf: true, archiveAddress: 'arkiv@firma.se' });
    const { mail } = await sendAndReceive(t, bo, smtp, {
      profileId: company,
      to: ['kund@exempel.se'],
      bcc: ['revisor@exempel.se', 'REVISOR@exempel.se', 'arkiv@firma.se'],
      subject: 'Faktura 9',
    });
    expect(mail.envelope.to).toEqual(['kund@exempel.se', 'revisor@exempel.se', 'arkiv@firma.se', 'bo@firma.se']);
    const raw = mail.raw.toString();
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(raw).not.toMatch(/revisor@exempel\.se|arkiv@firma\.se|bo@firma\.se/i);
    const view = await t.request('GET', `/v1/profiles/${company}`, { token: admin });
    expect(view.body.archiveAddress).toBe('arkiv@firma.se');
    await setCompanyRules({ bccSelf: false, archiveAddress: null });
    expect((await t.request('GET', `/v1/profiles/${company}`, { token: admin })).body).not.toHaveProperty('archiveAddress');
  });

  it.each([
    ['a display name', ['"Revisor" <revisor@exempel.se>']],
    ['a header injection', ['revisor@exempel.se\r\nSubject: x']],
    ['a list in one string', ['a@exempel.se, b@exempel.se']],
    ['more than 20 addresses', Array.from({ length: 21 }, (_, i) => `r${i}@exempel.se`)],
  ])('refused: a bcc with %s (400 naming bcc), and nothing is queued', async (_label, bcc) => {
    const before = await countAllMessages(t, admin);
    const res = await t.request('POST', '/v1/messages', { token: bo, body: { profileId: company, to: ['kund@exempel.se'], bcc, subject: 'x' } });
    await refusal(res, 400, 'validation_failed', before);
    expect(res.body.error.message).toContain('bcc');
  });

  it('refused: an archive address that is not a strict address (400)', async () => {
    const res = await t.request('PATCH', `/v1/profiles/${company}`, { token: admin, body: { archiveAddress: 'Arkiv <arkiv@firma.se>' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('archiveAddress');
  });
});

describe('scopes', () => {
  it('refused: someone else’s personal profile is not found (404), and nothing is queued', async () => {
    const adminOwn = await createProfile(t, admin, mailboxProfile(smtp.port, 'admin@firma.se', { name: 'Admin own' }));
    const before = await countAllMessages(t, admin);
    const res = await t.request('POST', '/v1/messages', { token: bo, body: { profileId: adminOwn, to: ['kund@exempel.se'], subject: 'x' } });
    await refusal(res, 404, 'not_found', before);
  });

  it('refused: a member cannot change a company profile (403 forbidden) nor make one', async () => {
    const change = await t.request('PATCH', `/v1/profiles/${company}`, { token: bo, body: { allowOtherSender: true } });
    expect(change.status).toBe(403);
    const make = await t.request('POST', '/v1/profiles', { token: bo, body: mailboxProfile(smtp.port, 'bo@firma.se', { scope: 'company' }) });
    expect(make.status).toBe(403);
    expect(make.body.error.code).toBe('forbidden');
  });

  it('refused: only a company profile can be the fallback (400)', async () => {
    const res = await t.request('POST', '/v1/profiles', { token: bo, body: mailboxProfile(smtp.port, 'bo@firma.se', { isFallback: true }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('isFallback');
  });
});
