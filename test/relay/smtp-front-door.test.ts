/**
 * The SMTP front door (issue 19) with real clients: nodemailer and swaks submit over STARTTLS and
 * implicit TLS with app passwords; the relay delivers through the profile to a real SMTP server.
 * Refusals: no AUTH, a wrong password, AUTH before TLS, a foreign From in the envelope or the
 * header, a message too large. OAuth2 delivery, TLS reload and a crash: smtp-front-door-*.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../relay/config';
import { createProfile, startDeliveryRelay, waitForMessage, waitForOutboxAtRest } from '../helpers/delivery';
import { expectNotInDataDir } from '../helpers/oauth-test-kit';
import { appTransport, createAppPassword, rawSmtp, smtpDoorEnv, swaks } from '../helpers/smtp-door';
import { startDovecot } from '../helpers/dovecot';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

const MAILBOX_USERS = { 'anna@firma.se': 'correct horse battery staple', 'bo@firma.se': 'bo password', 'dee@firma.se': 'dee password' };

let mailbox: TestSmtpServer;
let t: TestRelay;
let anna: string;
let bo: string;
let starttlsPort: number;
let tlsPort: number;
let annaApp: { id: string; password: string };
let boApp: { id: string; password: string };
let profileId: string;

beforeAll(async () => {
  mailbox = await startSmtpServer({ users: MAILBOX_USERS });
  t = await startDeliveryRelay(smtpDoorEnv());
  const addresses = await t.relay.smtp!.listen();
  starttlsPort = addresses.starttls!.port;
  tlsPort = addresses.tls!.port;
  ({ token: anna } = await t.addUser('anna@firma.se', 'admin'));
  ({ token: bo } = await t.addUser('bo@firma.se', 'member'));
  profileId = await createProfile(t, anna, mailbox.port, { isDefault: true });
  await createProfile(t, bo, mailbox.port, {
    name: 'Bo',
    fromName: 'Bo Ek',
    fromAddress: 'bo@firma.se',
    auth: { type: 'password', username: 'bo@firma.se', password: 'bo password' },
  });
  annaApp = await createAppPassword(t, anna, 'wFirma');
  boApp = await createAppPassword(t, bo, 'Monitor G5');
});
afterAll(async () => {
  await t?.close();
  await mailbox?.close();
});

async function historyOf(token: string, id: string) {
  return waitForMessage(t, token, id, (m) => m.status === 'sent' || m.status === 'failed');
}

function queuedId(response: string): string {
  const match = /queued as ([0-9a-f-]{36})/.exec(response);
  expect(match, response).not.toBeNull();
  return match![1]!;
}

describe('submitting with real clients', () => {
  it('nodemailer over STARTTLS: 250 after the commit, delivered through the profile with its own Message-ID, Bcc in the envelope only', async () => {
    const subject = `Faktura ${randomUUID().slice(0, 8)}`;
    const before = mailbox.received.length;
    const info = await appTransport(starttlsPort, 'starttls', { user: 'anna@firma.se', pass: annaApp.password }).sendMail({
      from: 'Anna Berg <anna@firma.se>',
      to: 'kund@exempel.se',
      bcc: 'arkiv@firma.se',
      subject,
      text: 'Hej! Fakturan bifogas.',
      messageId: '<faktura-4711@wfirma.example>',
      attachments: [{ filename: 'Faktura-4711.pdf', content: Buffer.from('%PDF-1.4 test'), contentType: 'application/pdf' }],
    });
    expect(info.response).toMatch(/^250 /);
    const id = queuedId(info.response);
    // Committed before the 250: the message is in the outbox already.
    expect((await t.request('GET', `/v1/messages/${id}`, { token: anna })).status).toBe(200);

    const view = await historyOf(anna, id);
    expect(view.status).toBe('sent');
    expect(view).toMatchObject({ source: 'smtp', app: { name: 'wFirma', appPasswordId: annaApp.id, ehlo: 'faktura-app.test' }, subject, to: ['kund@exempel.se'] });
    expect(view.messageId).toBe('<faktura-4711@wfirma.example>');
    const listed = await t.request('GET', '/v1/messages', { token: anna });
    expect(listed.body.messages.find((m: { id: string }) => m.id === id)).toMatchObject({ source: 'smtp' });

    const [mail] = (await mailbox.waitForMessages(before + 1)).slice(before);
    expect(mail!.user).toBe('anna@firma.se');
    expect(mail!.envelope.from).toBe('anna@firma.se');
    expect(mail!.envelope.to.sort()).toEqual(['arkiv@firma.se', 'kund@exempel.se']);
    expect(mail!.parsed.messageId).toBe('<faktura-4711@wfirma.example>');
    expect(mail!.parsed.subject).toBe(subject);
    expect(mail!.parsed.attachments[0]!.content.toString()).toBe('%PDF-1.4 test');
    // Blind copies travel in the envelope only.
    expect(mail!.raw.toString('latin1')).not.toMatch(/^bcc:/im);
    expect(mail!.raw.toString('latin1')).not.toContain('arkiv@firma.se');
  });

  it('nodemailer over implicit TLS', async () => {
    const before = mailbox.received.length;
    const info = await appTransport(tlsPort, 'tls', { user: 'anna@firma.se', pass: annaApp.password }).sendMail({
      from: 'anna@firma.se',
      to: 'kund@exempel.se',
      subject: 'Påminnelse 4711',
      text: 'Hej!',
    });
    const view = await historyOf(anna, queuedId(info.response));
    expect(view.status).toBe('sent');
    const [mail] = (await mailbox.waitForMessages(before + 1)).slice(before);
    expect(mail!.parsed.subject).toBe('Påminnelse 4711');
    // No Message-ID from the app: the relay added one, and it is the one in the history.
    expect(mail!.parsed.messageId).toBe(view.messageId);
  });

  it('swaks over STARTTLS and over implicit TLS, the app password typed with spaces in capitals', async () => {
    const before = mailbox.received.length;
    const typed = annaApp.password.toUpperCase().replace(/-/g, ' ');
    for (const [port, mode] of [
      [starttlsPort, ['--tls']],
      [tlsPort, ['--tlsc']],
    ] as const) {
      const result = await swaks([
        '--server',
        '127.0.0.1',
        '--port',
        String(port),
        ...mode,
        '--auth',
        'LOGIN',
        '--auth-user',
        'anna@firma.se',
        '--auth-password',
        typed,
        '--from',
        'anna@firma.se',
        '--to',
        'kund@exempel.se',
        '--header',
        `Subject: swaks ${mode[0]}`,
        '--body',
        'Hej från swaks',
        '--ehlo',
        'swaks.test',
      ]);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/<~ {1,2}250 2\.0\.0 Ok: queued as/);
    }
    const mails = (await mailbox.waitForMessages(before + 2)).slice(before);
    expect(mails.map((m) => m.parsed.subject).sort()).toEqual(['swaks --tls', 'swaks --tlsc']);
  });
});

describe('the Sent copy', () => {
  it("is the exact message delivered, put into the mailbox's Sent folder over IMAP, as for an API send", async () => {
    const dovecot = await startDovecot({ 'dee@firma.se': 'dee password' });
    try {
      const { token: dee } = await t.addUser('dee@firma.se', 'member');
      const id = await createProfile(t, dee, mailbox.port, {
        name: 'Dee',
        fromAddress: 'dee@firma.se',
        auth: { type: 'password', username: 'dee@firma.se', password: 'dee password' },
      });
      const put = await t.request('PUT', `/v1/profiles/${id}/delivery`, { token: dee, body: { saveToSent: { host: '127.0.0.1', port: dovecot.port, security: 'tls' } } });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const app = await createAppPassword(t, dee, 'Planfix');
      const before = mailbox.received.length;
      const info = await appTransport(tlsPort, 'tls', { user: 'dee@firma.se', pass: app.password }).sendMail({
        from: 'Dee <dee@firma.se>',
        to: 'kund@exempel.se',
        bcc: 'revisor@firma.se',
        subject: 'Faktura 12',
        text: 'Hej!',
      });
      const done = await waitForMessage(t, dee, queuedId(info.response), (m) => m.status === 'failed' || (m.status === 'sent' && m.sentCopy?.status !== 'pending'));
      expect(done).toMatchObject({ status: 'sent', source: 'smtp', sentCopy: { status: 'saved', folder: 'Sent' } });
      const [delivered] = (await mailbox.waitForMessages(before + 1)).slice(before);
      const copies = await dovecot.messagesIn('dee@firma.se', 'Sent');
      expect(copies).toHaveLength(1);
      expect(copies[0]!.toString('latin1')).toBe(delivered!.raw.toString('latin1'));
      expect(copies[0]!.toString('latin1')).not.toContain('revisor@firma.se');
    } finally {
      await dovecot.close();
    }
  });
});

describe('delivery failures', () => {
  it('are explained in the history of a message that came in over SMTP, like those of an API send', async () => {
    const { token: cy } = await t.addUser('cy@firma.se', 'member');
    await createProfile(t, cy, mailbox.port, {
      name: 'Cy',
      fromAddress: 'cy@firma.se',
      auth: { type: 'password', username: 'cy@firma.se', password: 'not the mailbox password' },
    });
    const app = await createAppPassword(t, cy, 'Uniconta');
    const info = await appTransport(starttlsPort, 'starttls', { user: 'cy@firma.se', pass: app.password }).sendMail({
      from: 'cy@firma.se',
      to: 'kund@exempel.se',
      subject: 'Faktura 9',
      text: 'x',
    });
    // Accepted: the door cannot know the mailbox will refuse; the history says why it failed.
    expect(info.response).toMatch(/^250 /);
    const view = await historyOf(cy, queuedId(info.response));
    expect(view).toMatchObject({ status: 'failed', source: 'smtp', app: { name: 'Uniconta' }, problem: { code: 'auth_failed' } });
    expect(view.problem.fix.length).toBeGreaterThan(10);
    expect(view.attempts.at(-1).responseCode).toBe(535);
  });
});

describe('refusals', () => {
  it('open relay: without AUTH nothing is relayed (530), and nothing reaches any mailbox', async () => {
    const before = mailbox.received.length;
    const error = await appTransport(starttlsPort, 'starttls')
      .sendMail({ from: 'anna@firma.se', to: 'victim@exempel.se', subject: 'spam', text: 'x' })
      .catch((e: { responseCode?: number; response?: string }) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(530);
    const client = await rawSmtp(starttlsPort);
    await client.command('EHLO spammer.test');
    await client.startTls();
    await client.command('EHLO spammer.test');
    expect(await client.command('MAIL FROM:<anyone@exempel.se>')).toMatch(/^530 /);
    expect(await client.command('RCPT TO:<victim@exempel.se>')).toMatch(/^5\d\d /);
    client.close();
    // A refused message that got through anyway would be in the outbox, or in the mailbox by the time
    // the outbox is at rest.
    await waitForOutboxAtRest(t);
    expect(mailbox.received.length).toBe(before);
  });

  it('a wrong password is refused with 535', async () => {
    const error = await appTransport(starttlsPort, 'starttls', { user: 'anna@firma.se', pass: 'not-the-app-password' })
      .sendMail({ from: 'anna@firma.se', to: 'kund@exempel.se', subject: 'x', text: 'x' })
      .catch((e: unknown) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(535);
    // The mailbox password is not an app password either.
    const mailboxPassword = await appTransport(starttlsPort, 'starttls', { user: 'anna@firma.se', pass: MAILBOX_USERS['anna@firma.se'] })
      .sendMail({ from: 'anna@firma.se', to: 'kund@exempel.se', subject: 'x', text: 'x' })
      .catch((e: unknown) => e);
    expect((mailboxPassword as { responseCode?: number }).responseCode).toBe(535);
  });

  it('app password sniffing: AUTH before STARTTLS is refused (538) and the password is never checked', async () => {
    const client = await rawSmtp(starttlsPort);
    expect(await client.command('EHLO sniffed.test')).toContain('STARTTLS');
    const plain = Buffer.from(`\0anna@firma.se\0${annaApp.password}`).toString('base64');
    expect(await client.command(`AUTH PLAIN ${plain}`)).toMatch(/^538 /);
    client.close();
  });

  it("spoofing in the envelope: MAIL FROM an address none of the user's senders sends as is refused with 550 5.7.1 naming the rule", async () => {
    const client = await rawSmtp(starttlsPort);
    await client.command('EHLO app.test');
    await client.startTls();
    await client.command('EHLO app.test');
    const plain = Buffer.from(`\0bo@firma.se\0${boApp.password}`).toString('base64');
    expect(await client.command(`AUTH PLAIN ${plain}`)).toMatch(/^235 /);
    const reply = await client.command('MAIL FROM:<anna@firma.se>');
    expect(reply).toMatch(/^550 5\.7\.1 Refused by the rule sender_not_allowed: None of your sender profiles sends as anna@firma\.se/);
    client.close();
  });

  it("spoofing in the header: a From that is not the user's is refused with 550 5.7.1 even when the envelope is", async () => {
    const before = mailbox.received.length;
    const error = await appTransport(starttlsPort, 'starttls', { user: 'bo@firma.se', pass: boApp.password })
      .sendMail({ envelope: { from: 'bo@firma.se', to: ['kund@exempel.se'] }, from: 'VD <anna@firma.se>', to: 'kund@exempel.se', subject: 'Ny bankgiro', text: 'Betala hit' })
      .catch((e: unknown) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(550);
    expect((error as { response?: string }).response).toMatch(/^550 5\.7\.1 Refused by the rule sender_not_allowed/);
    // A second From line smuggled into the header is checked too.
    const client = await rawSmtp(tlsPort, { implicitTls: true });
    await client.command('EHLO app.test');
    expect(await client.command(`AUTH PLAIN ${Buffer.from(`\0bo@firma.se\0${boApp.password}`).toString('base64')}`)).toMatch(/^235 /);
    await client.command('MAIL FROM:<bo@firma.se>');
    await client.command('RCPT TO:<kund@exempel.se>');
    expect(await client.command('DATA')).toMatch(/^354/);
    const reply = await client.command(['From: bo@firma.se', 'From: anna@firma.se', 'To: kund@exempel.se', 'Subject: two froms', '', 'x', '.'].join('\r\n'));
    expect(reply).toMatch(/^550 5\.7\.1 Refused by the rule /);
    client.close();
    // A refused message that got through anyway would be in the outbox, or in the mailbox by the time
    // the outbox is at rest.
    await waitForOutboxAtRest(t);
    expect(mailbox.received.length).toBe(before);
  });

  it("too large for the profile's limit: 552 (EHLO announces SIZE, the largest limit of the relay's profiles)", async () => {
    const put = await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token: anna, body: { maxMessageBytes: 60_000 } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    try {
      // Before AUTH the user is unknown: Bo's profile keeps the default 10 MB, the largest.
      const client = await rawSmtp(starttlsPort);
      expect(await client.command('EHLO app.test')).toMatch(/^250 SIZE 10000000$/m);
      client.close();
      const error = await appTransport(starttlsPort, 'starttls', { user: 'anna@firma.se', pass: annaApp.password })
        .sendMail({
          from: 'anna@firma.se',
          to: 'kund@exempel.se',
          subject: 'stor',
          text: 'x',
          attachments: [{ filename: 'scan.pdf', content: Buffer.alloc(120_000, 7) }],
        })
        .catch((e: unknown) => e);
      expect((error as { responseCode?: number }).responseCode).toBe(552);
    } finally {
      await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token: anna, body: {} });
    }
  });
});

describe('app passwords', () => {
  it('are listed without the password, stored only hashed, and stop working when revoked', async () => {
    const created = await createAppPassword(t, bo, 'Uniconta');
    expect(created.username).toBe('bo@firma.se');
    const listed = await t.request('GET', '/v1/app-passwords', { token: bo });
    expect(listed.body.appPasswords.map((p: { name: string }) => p.name)).toEqual(['Monitor G5', 'Uniconta']);
    expect(JSON.stringify(listed.body)).not.toContain(created.password);
    expectNotInDataDir(t, created.password, 'the app password');
    // Another user cannot revoke it.
    expect((await t.request('DELETE', `/v1/app-passwords/${created.id}`, { token: anna })).status).toBe(404);

    const transport = appTransport(starttlsPort, 'starttls', { user: 'bo@firma.se', pass: created.password });
    const info = await transport.sendMail({ from: 'bo@firma.se', to: 'kund@exempel.se', subject: 'före', text: 'x' });
    expect(info.response).toMatch(/^250 /);
    expect((await t.request('DELETE', `/v1/app-passwords/${created.id}`, { token: bo })).status).toBe(204);
    const error = await appTransport(starttlsPort, 'starttls', { user: 'bo@firma.se', pass: created.password })
      .sendMail({ from: 'bo@firma.se', to: 'kund@exempel.se', subject: 'efter', text: 'x' })
      .catch((e: unknown) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(535);
  });

  it('refuses a nameless one with 400', async () => {
    const res = await t.request('POST', '/v1/app-passwords', { token: bo, body: { name: ' ' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('configuration', () => {
  it('fails loudly on a door that could not be used safely', () => {
    const base = { OWNPOST_DATA_DIR: '/tmp/ownpost-config-test' };
    expect(() => loadConfig({ ...base, OWNPOST_SMTP_PORT: '587' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, OWNPOST_SMTPS_PORT: '465', OWNPOST_SMTP_ALLOW_PLAINTEXT: '1' })).toThrow(/needs a certificate/);
    expect(() => loadConfig({ ...base, OWNPOST_SMTP_PORT: '587', OWNPOST_SMTP_ALLOW_PLAINTEXT: '1', OWNPOST_SMTP_HOST: '0.0.0.0' })).toThrow(/only on loopback/);
    expect(loadConfig({ ...base, OWNPOST_SMTP_PORT: '2587', OWNPOST_SMTP_ALLOW_PLAINTEXT: '1' }).smtpDoor).toMatchObject({ host: '127.0.0.1', port: 2587, allowPlaintext: true });
    expect(loadConfig(base).smtpDoor).toBeUndefined();
  });
});

describe('plain text on loopback (OWNPOST_SMTP_ALLOW_PLAINTEXT=1)', () => {
  it("lets an app on the relay's own machine that cannot do TLS sign in, and still relays nothing without AUTH", async () => {
    const local = await startDeliveryRelay({ OWNPOST_SMTP_PORT: '0', OWNPOST_SMTP_ALLOW_PLAINTEXT: '1' });
    try {
      const port = (await local.relay.smtp!.listen()).starttls!.port;
      const { token } = await local.addUser('anna@firma.se', 'admin');
      await createProfile(local, token, mailbox.port, { isDefault: true });
      const app = await createAppPassword(local, token, 'Old desktop app');
      const client = await rawSmtp(port);
      // No certificate, so no STARTTLS to offer.
      expect(await client.command('EHLO old-app.test')).not.toContain('STARTTLS');
      expect(await client.command('MAIL FROM:<anna@firma.se>')).toMatch(/^530 /);
      expect(await client.command(`AUTH PLAIN ${Buffer.from(`\0anna@firma.se\0${app.password}`).toString('base64')}`)).toMatch(/^235 /);
      expect(await client.command('MAIL FROM:<anna@firma.se>')).toMatch(/^250 /);
      client.close();
      const info = await appTransport(port, 'starttls', { user: 'anna@firma.se', pass: app.password }, { requireTLS: false, ignoreTLS: true }).sendMail({
        from: 'anna@firma.se',
        to: 'kund@exempel.se',
        subject: 'plain',
        text: 'x',
      });
      expect(info.response).toMatch(/^250 2\.0\.0 Ok: queued as/);
    } finally {
      await local.close();
    }
  });
});

// Last: it makes 127.0.0.1, where every test's client comes from, wait.
describe('failed AUTH is rate limited', () => {
  it('password guessing: after repeated refused AUTH the client must wait (454), even with the right password', async () => {
    const client = await rawSmtp(tlsPort, { implicitTls: true });
    await client.command('EHLO guesser.test');
    const replies: string[] = [];
    for (let i = 0; i < 10 && !replies.at(-1)?.startsWith('454'); i++) {
      replies.push(await client.command(`AUTH PLAIN ${Buffer.from(`\0anna@firma.se\0guess-${i}`).toString('base64')}`));
    }
    expect(replies[0]).toMatch(/^535 /);
    expect(replies.at(-1)).toMatch(/^454 4\.7\.0 Too many failed sign-ins; try again in \d+ seconds/);
    client.close();
    const second = await rawSmtp(tlsPort, { implicitTls: true });
    await second.command('EHLO guesser.test');
    expect(await second.command(`AUTH PLAIN ${Buffer.from(`\0anna@firma.se\0${annaApp.password}`).toString('base64')}`)).toMatch(/^454 /);
    second.close();
  });
});
