/**
 * The sender test through the API (issue 4): what a passing test reports and delivers, the test of a
 * saved profile, test-before-save with `force`, the limits, and the relay's refusals (ports,
 * private hosts resolved once and pinned).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zDiagnosisResult } from '../../shared/diagnosis-schemas';
import { getProblem } from '../../relay/diagnosis/catalogue';
import { certs } from '../helpers/certs';
import { diagnose, diagnoseBody, expectFailure, PASSWORD, startDiagnosisRelay } from '../helpers/diagnosis-relay';
import { closedPort, startDnsServer, startSilentServer } from '../helpers/fake-smtp-peers';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const USERS = { 'anna@firma.se': PASSWORD, 'faktura@firma.se': 'second password' };
const STAGE_ORDER = ['dns', 'connect', 'tls', 'ehlo', 'auth', 'sender', 'recipient', 'data'];

let t: TestRelay;
let smtp: TestSmtpServer;
/** MAIL FROM addresses the server saw, in order. */
const mailFroms: string[] = [];
beforeAll(async () => {
  t = await startDiagnosisRelay();
  smtp = await startSmtpServer({
    users: USERS,
    server: {
      size: 10 * 1024 * 1024,
      onMailFrom(address, _session, callback) {
        mailFroms.push(address.address);
        callback();
      },
    },
  });
});
afterAll(async () => {
  await Promise.all([t.close(), smtp.close()]);
});

async function user(role: 'admin' | 'member' = 'member') {
  return (await member(role)).token;
}

/** A fresh user; a member's personal profile may send only from the member's own address (sender rules). */
async function member(role: 'admin' | 'member' = 'member') {
  const email = `${role}-${randomUUID()}@firma.se`;
  return { email, token: (await t.addUser(email, role)).token };
}

describe('a passing test', () => {
  it('runs every stage in order, timed, and completes DATA to the From address', async () => {
    const before = smtp.received.length;
    const result = await diagnose(t, diagnoseBody(smtp.port));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.problem).toBeUndefined();
    expect(result.stages.map((s) => s.stage)).toEqual(STAGE_ORDER);
    for (const stage of result.stages) {
      expect(stage.ok).toBe(true);
      expect(Number.isInteger(stage.ms) && stage.ms >= 0).toBe(true);
      expect(stage.detail.length).toBeGreaterThan(0);
    }
    const byName = Object.fromEntries(result.stages.map((s) => [s.stage, s]));
    expect(byName.dns!.addresses).toEqual(['127.0.0.1']);
    expect(byName.tls!.tls).toMatchObject({ subject: 'localhost', issuer: 'Ownpost Test CA' });
    expect(byName.ehlo!.maxMessageBytes).toBe(10 * 1024 * 1024);
    expect(byName.ehlo!.capabilities).toContain('SIZE 10485760');
    expect(byName.auth!.mechanism).toBe('PLAIN');
    expect(byName.recipient!.recipient).toBe('anna@firma.se');
    // The queue reply is the server's own, with its queue id.
    expect(byName.data!.queueReply).toMatch(/^250 Ok: queued as TEST\d+$/);
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail!.envelope).toEqual({ from: 'anna@firma.se', to: ['anna@firma.se'] });
    expect(mail!.user).toBe('anna@firma.se');
    expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail!.parsed.subject).toBe('Ownpost test message');
  });

  it('sends a real test message to sendTo, in the language of the request', async () => {
    const before = smtp.received.length;
    const german = await diagnose(t, diagnoseBody(smtp.port, { sendTo: 'kunde@beispiel.de' }), { 'Accept-Language': 'de-AT,de;q=0.9,en;q=0.5' });
    expect(german.ok).toBe(true);
    expect(german.stages.find((s) => s.stage === 'data')!.recipient).toBe('kunde@beispiel.de');
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail!.envelope.to).toEqual(['kunde@beispiel.de']);
    expect(mail!.parsed.subject).toBe('Testnachricht von Ownpost');
    expect(mail!.parsed.text).toContain('anna@firma.se');
    expect(mail!.parsed.from?.value[0]).toMatchObject({ name: 'Anna Berg', address: 'anna@firma.se' });

    // ?lang= wins over Accept-Language.
    await diagnose(t, diagnoseBody(smtp.port), { 'Accept-Language': 'de' }).then(() => undefined);
    const { token } = await t.addUser(`lang-${randomUUID()}@firma.se`, 'admin');
    const res = await t.request('POST', '/v1/diagnose?lang=sv', { token, body: diagnoseBody(smtp.port), headers: { 'Accept-Language': 'de' } });
    expect(res.status).toBe(200);
    const last = await smtp.waitForMessages(before + 3);
    expect(last.at(-1)!.parsed.subject).toBe('Testmeddelande från Ownpost');
  });

  it('tries MAIL FROM for the From address and each allowed sender, and skips patterns', async () => {
    mailFroms.length = 0;
    const result = await diagnose(t, diagnoseBody(smtp.port, { allowedSenders: ['faktura@firma.se', '*@firma.se', 'ANNA@firma.se', 'sales@firma.se'] }));
    expect(result.ok).toBe(true);
    const sender = result.stages.find((s) => s.stage === 'sender')!;
    expect(sender.senders).toEqual(['anna@firma.se', 'faktura@firma.se', 'sales@firma.se']);
    expect(sender.detail).toContain('*@firma.se');
    // Each allowed sender, then the From address again for the real transaction, then one test message per
    // allowed sender, sent as delivery sends it: the mailbox's envelope.
    expect(mailFroms).toEqual(['anna@firma.se', 'faktura@firma.se', 'sales@firma.se', 'anna@firma.se', 'anna@firma.se', 'anna@firma.se']);
  });

  it('sends a real test message from each allowed sender to its own mailbox, to the end of DATA, and reports each', async () => {
    const before = smtp.received.length;
    const result = await diagnose(t, diagnoseBody(smtp.port, { allowedSenders: ['faktura@firma.se', '*@firma.se', 'sales@firma.se'] }));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.stages.map((s) => s.stage)).toEqual([...STAGE_ORDER, 'senders']);
    const senders = result.stages.find((s) => s.stage === 'senders')!;
    expect(senders.senderResults).toEqual([
      { address: 'faktura@firma.se', ok: true, reply: expect.stringMatching(/queued as TEST/) },
      { address: 'sales@firma.se', ok: true, reply: expect.stringMatching(/queued as TEST/) },
    ]);
    const mails = (await smtp.waitForMessages(before + 3)).slice(before);
    expect(mails.map((m) => m.envelope)).toEqual([
      { from: 'anna@firma.se', to: ['anna@firma.se'] },
      { from: 'anna@firma.se', to: ['faktura@firma.se'] },
      { from: 'anna@firma.se', to: ['sales@firma.se'] },
    ]);
    for (const [index, address] of ['faktura@firma.se', 'sales@firma.se'].entries()) {
      const mail = mails[index + 1]!;
      expect(mail.parsed.from?.value[0]?.address).toBe(address);
      expect(mail.parsed.headers.get('x-ownpost-test')).toBe('sender-test');
      expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    }
  });

  it('fails an alias the server refuses only at the end of DATA (Exchange 550 5.7.60), naming it, where MAIL FROM alone said OK', async () => {
    const exchange = await startSmtpServer({
      users: USERS,
      onMessage(mail) {
        const from = mail.parsed.from?.value[0]?.address;
        if (from !== 'anna@firma.se') {
          throw Object.assign(new Error('5.7.60 SMTP; Client does not have permissions to send as this sender'), { responseCode: 550 });
        }
      },
    });
    try {
      const result = await diagnose(t, diagnoseBody(exchange.port, { allowedSenders: ['faktura@firma.se'] }));
      expect(result.ok).toBe(false);
      expect(result.problem?.code).toBe('send_as_denied');
      expect(result.stages.find((s) => s.stage === 'sender')).toMatchObject({ ok: true, senders: ['anna@firma.se', 'faktura@firma.se'] });
      expect(result.stages.find((s) => s.stage === 'data')).toMatchObject({ ok: true });
      const senders = result.stages.find((s) => s.stage === 'senders')!;
      expect(senders.ok).toBe(false);
      expect(senders.detail).toContain('faktura@firma.se');
      expect(senders.reply).toMatch(/^550 5\.7\.60/);
      expect(senders.senderResults).toEqual([{ address: 'faktura@firma.se', ok: false, reply: expect.stringMatching(/5\.7\.60/) }]);
    } finally {
      await exchange.close();
    }
  });

  it('writes the stage lines in the language asked for, quoting the server as it is', async () => {
    const sv = await t.request('POST', '/v1/diagnose?lang=sv', { token: await user('admin'), body: diagnoseBody(smtp.port) });
    expect(sv.status, JSON.stringify(sv.body)).toBe(200);
    expect(sv.body.language).toBe('sv');
    const detail = (stage: string) => sv.body.stages.find((s: { stage: string }) => s.stage === stage).detail as string;
    expect(detail('connect')).toMatch(/^Ansluten till 127\.0\.0\.1:\d+/);
    expect(detail('auth')).toBe('Inloggad som anna@firma.se med PLAIN.');
    expect(detail('data')).toMatch(/^Servern tog emot testmeddelandet till anna@firma\.se: .*queued as TEST/);
  });

  it('skips signing in when no password is set, and says so', async () => {
    const open = await startSmtpServer({});
    try {
      const result = await diagnose(t, diagnoseBody(open.port, { auth: undefined }));
      expect(result.ok).toBe(true);
      expect(result.stages.find((s) => s.stage === 'auth')).toMatchObject({ ok: true, skipped: true });
    } finally {
      await open.close();
    }
  });

  it('never returns or logs the password', async () => {
    const result = await diagnose(t, diagnoseBody(smtp.port));
    const plainToken = Buffer.from(`\u0000anna@firma.se\u0000${PASSWORD}`).toString('base64');
    for (const text of [JSON.stringify(result), t.logs.join('\n')]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(plainToken);
    }
  });

  it('explains a failure in the asked language', async () => {
    const result = await diagnose(t, diagnoseBody(smtp.port, { auth: { type: 'password', username: 'anna@firma.se', password: 'wrong' } }), { 'Accept-Language': 'pl' });
    expectFailure(result, { stage: 'auth', code: 'auth_failed' });
    expect(result.problem).toEqual(getProblem('auth_failed', 'pl'));
    expect(result.stages.at(-1)!.reply).toBe('535 5.7.8 Username and Password not accepted');
  });
});

describe('POST /v1/profiles/:id/test', () => {
  it('tests a saved profile (with its stored password) for anyone who may use it', async () => {
    const admin = await user('admin');
    const created = await t.request('POST', '/v1/profiles', { token: admin, body: { ...diagnoseBody(smtp.port), scope: 'company', name: `Company ${randomUUID()}` } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const member = await user();
    for (const body of [undefined, {}, { sendTo: 'kund@exempel.se' }]) {
      const res = await t.request('POST', `/v1/profiles/${created.body.id}/test`, { token: member, ...(body !== undefined ? { body } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const result = zDiagnosisResult.parse(res.body);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(result.stages.find((s) => s.stage === 'auth')).toMatchObject({ ok: true, mechanism: 'PLAIN' });
    }
  });

  it("answers 404 for another user's personal profile and for unknown ids", async () => {
    const { email, token: owner } = await member();
    const created = await t.request('POST', '/v1/profiles', { token: owner, body: diagnoseBody(smtp.port, { name: `Mine ${randomUUID()}`, fromAddress: email }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const stranger = await user();
    expect((await t.request('POST', `/v1/profiles/${created.body.id}/test`, { token: stranger })).status).toBe(404);
    expect((await t.request('POST', '/v1/profiles/no-such-profile/test', { token: owner })).body.error.code).toBe('not_found');
  });
});

describe('refusals before any connection', () => {
  it('needs a token', async () => {
    for (const path of ['/v1/diagnose', '/v1/profiles/x/test']) {
      const res = await t.request('POST', path, { body: diagnoseBody(smtp.port) });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it.each([
    ['not JSON', { rawBody: '{"smtp":' }, 'invalid_json'],
    ['no body', {}, 'invalid_json'],
    ['no From address', { body: { smtp: { host: 'smtp.example.com', security: 'tls' } } }, 'validation_failed'],
    ['a bad host', { body: diagnoseBody(587, { smtp: { host: 'smtp example com', security: 'tls' } }) }, 'validation_failed'],
    ['a port that is a string', { body: diagnoseBody(587, { smtp: { host: 'smtp.example.com', port: '587', security: 'tls' } }) }, 'validation_failed'],
    ['an unknown security mode', { body: diagnoseBody(587, { smtp: { host: 'smtp.example.com', port: 587, security: 'ssl' } }) }, 'validation_failed'],
    ['a sendTo that is not an address', { body: diagnoseBody(587, { sendTo: 'kund@exempel.se\r\nRCPT TO:<x@evil.test>' }) }, 'validation_failed'],
    ['a From address with a line break', { body: diagnoseBody(587, { fromAddress: 'anna@firma.se\r\nDATA' }) }, 'validation_failed'],
  ])('answers 400 for %s, never 500', async (_name, request, code) => {
    const token = await user();
    const res = await t.request('POST', '/v1/diagnose', { token, ...request });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('connects only to 25, 465, 587, 2525 and the ports an admin allowed', async () => {
    const strict = await startDiagnosisRelay({}, { OWNPOST_ALLOWED_PORTS: '2587' });
    try {
      const { token } = await strict.addUser('someone@firma.se');
      for (const port of [22, 80, 6379, 8080, smtp.port]) {
        const res = await strict.request('POST', '/v1/diagnose', { token, body: diagnoseBody(port) });
        expect(res.status, `port ${port}`).toBe(403);
        expect(res.body.error.code).toBe('port_not_allowed');
      }
      // Allowed ports get a real test (nothing listens on them here).
      for (const port of [587, 2587]) {
        const res = await strict.request('POST', '/v1/diagnose', { token, body: diagnoseBody(port) });
        expect(res.status).toBe(200);
        expect(res.body.problem.code).toBe('connection_refused');
      }
    } finally {
      await strict.close();
    }
  });

  // Appsmith GHSA-vvxf-f8q9-86gh: a "test connection" endpoint must not reach inside the network.
  it('refuses private and loopback hosts, also behind a public-looking name, unless allowed (GHSA-vvxf-f8q9-86gh)', async () => {
    const dns = await startDnsServer({ 'smtp.rebind.test': { a: ['127.0.0.1'] }, 'smtp.metadata.test': { a: ['169.254.169.254'] } });
    const closed = await startDiagnosisRelay({ dnsServers: [dns.address] }, { OWNPOST_ALLOW_PRIVATE_HOSTS: '0' });
    try {
      const { token } = await closed.addUser('someone@firma.se');
      for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '192.168.1.1', 'smtp.rebind.test', 'smtp.metadata.test']) {
        const res = await closed.request('POST', '/v1/diagnose', { token, body: diagnoseBody(587, { smtp: { host, port: 587, security: 'starttls' } }) });
        expect(res.status, host).toBe(403);
        expect(res.body.error.code).toBe('private_host_not_allowed');
        expect(res.body.error.hint).toContain('OWNPOST_ALLOW_PRIVATE_HOSTS');
      }
    } finally {
      await Promise.all([closed.close(), dns.close()]);
    }
  });

  it('resolves the host once and pins every connection to that address, checking the certificate for the name', async () => {
    // A name with a certificate for it: the relay connects to the pinned 127.0.0.1 but verifies the
    // certificate (and sends SNI) for mail.wrong.example, so the handshake succeeds.
    const named = await startSmtpServer({ users: USERS, server: { key: certs.wrongName.key, cert: certs.wrongName.cert } });
    const dns = await startDnsServer({ 'mail.wrong.example': { a: ['127.0.0.1'] } });
    const relay = await startDiagnosisRelay({ dnsServers: [dns.address] });
    try {
      const passed = await diagnose(relay, diagnoseBody(named.port, { smtp: { host: 'mail.wrong.example', port: named.port, security: 'starttls' } }));
      expect(passed.ok, JSON.stringify(passed)).toBe(true);
      expect(passed.stages.find((s) => s.stage === 'tls')!.tls!.altNames).toBe('DNS:mail.wrong.example');
      expect(dns.queries.filter((q) => q.startsWith('A '))).toEqual(['A mail.wrong.example']);

      // A failing test probes alternatives (several connections): still one lookup.
      dns.queries.length = 0;
      const failed = await diagnose(relay, diagnoseBody(named.port, { smtp: { host: 'mail.wrong.example', port: named.port, security: 'tls' } }));
      expectFailure(failed, { stage: 'tls', code: 'tls_wrong_version_number', suggestion: { host: 'mail.wrong.example', port: named.port, security: 'starttls' } });
      expect(dns.queries.filter((q) => q.startsWith('A '))).toEqual(['A mail.wrong.example']);
    } finally {
      await Promise.all([relay.close(), dns.close(), named.close()]);
    }
  });
});

describe('limits', () => {
  it('limits tests per user: 429 with Retry-After', async () => {
    const relay = await startDiagnosisRelay({
      senderTestLimits: { testsPerWindow: { max: 2, windowMs: 60_000 }, authFailureWait: { free: 100, firstMs: 1000, maxMs: 1000, forgetMs: 60_000 } },
    });
    try {
      const { token } = await relay.addUser('busy@firma.se', 'admin');
      const port = await closedPort();
      for (let i = 0; i < 2; i++) expect((await relay.request('POST', '/v1/diagnose', { token, body: diagnoseBody(port) })).status).toBe(200);
      const refused = await relay.request('POST', '/v1/diagnose', { token, body: diagnoseBody(port) });
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'rate_limited', details: { reason: 'tests' } });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Another user is not affected.
      const { token: other } = await relay.addUser('other@firma.se', 'admin');
      expect((await relay.request('POST', '/v1/diagnose', { token: other, body: diagnoseBody(port) })).status).toBe(200);
    } finally {
      await relay.close();
    }
  });

  it('makes refused sign-ins wait longer and longer, per user and per mailbox (brute-force protection)', async () => {
    const relay = await startDiagnosisRelay({
      senderTestLimits: { testsPerWindow: { max: 100, windowMs: 60_000 }, authFailureWait: { free: 1, firstMs: 1000, maxMs: 60_000, forgetMs: 60_000 } },
    });
    const guarded = await startSmtpServer({ users: USERS });
    try {
      const { token } = await relay.addUser('guesser@firma.se', 'admin');
      const guess = (password: string, as = token) =>
        relay.request('POST', '/v1/diagnose', { token: as, body: diagnoseBody(guarded.port, { auth: { type: 'password', username: 'anna@firma.se', password } }) });

      expect((await guess('guess-1')).body.problem.code).toBe('auth_failed'); // free
      expect((await guess('guess-2')).body.problem.code).toBe('auth_failed'); // now 1 s
      const first = await guess('guess-3');
      expect(first.status).toBe(429);
      expect(first.body.error.details).toMatchObject({ reason: 'auth_failures' });
      expect(first.headers.get('retry-after')).toBe('1');

      // The same mailbox from another user's token waits too.
      const { token: accomplice } = await relay.addUser('accomplice@firma.se', 'admin');
      expect((await guess('guess-4', accomplice)).status).toBe(429);

      // A fixed wait on purpose: it waits out the 1 s lockout (Retry-After: 1) the relay must honour.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await guess('guess-5')).body.problem.code).toBe('auth_failed'); // now 2 s
      const second = await guess('guess-6');
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('2');

      // Tests that do not sign in are not held up.
      expect((await relay.request('POST', '/v1/diagnose', { token, body: diagnoseBody(guarded.port, { auth: undefined }) })).status).toBe(200);
    } finally {
      await Promise.all([relay.close(), guarded.close()]);
    }
  });

  it('runs one test at a time per user', async () => {
    const silent = await startSilentServer();
    try {
      const token = await user('admin');
      const first = t.request('POST', '/v1/diagnose', { token, body: diagnoseBody(silent.port) });
      // The second test starts once the first holds the user's slot: it has reached the silent server,
      // which keeps it busy until the greeting times out.
      await waitFor(
        'the first test to reach the silent server',
        () => silent.connections(),
        (n) => n > 0,
        { intervalMs: 10 },
      );
      const b = await t.request('POST', '/v1/diagnose', { token, body: diagnoseBody(silent.port) });
      const a = await first;
      expect(a.status).toBe(200);
      expect(b.status).toBe(429);
      expect(b.body.error.details.reason).toBe('busy');
      expect(b.headers.get('retry-after')).toBeTruthy();
    } finally {
      await silent.close();
    }
  });
});

describe('test before save', () => {
  it('refuses to create a profile whose test fails, with the test in the error', async () => {
    const { email, token } = await member();
    const name = `Broken ${randomUUID()}`;
    const port = await closedPort();
    const res = await t.request('POST', '/v1/profiles', { token, body: diagnoseBody(port, { name, fromAddress: email }) });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('profile_test_failed');
    const diagnosis = zDiagnosisResult.parse(res.body.error.details.diagnosis);
    expectFailure(diagnosis, { stage: 'connect', code: 'connection_refused' });
    const listed = await t.request('GET', '/v1/profiles', { token });
    expect(listed.body.profiles.map((p: { name: string }) => p.name)).not.toContain(name);
  });

  it('saves a profile whose test passes, records it, and does not test again right after a passing diagnose', async () => {
    const { email, token } = await member();
    let before = smtp.received.length;
    const created = await t.request('POST', '/v1/profiles', { token, body: diagnoseBody(smtp.port, { name: `Works ${randomUUID()}`, fromAddress: email }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.verification).toMatchObject({ status: 'passed' });
    expect(smtp.received.length).toBe(before + 1);

    // The options page tests first, then saves the same settings: one test message, not two.
    const body = diagnoseBody(smtp.port, { name: `Tested ${randomUUID()}`, fromAddress: email });
    const res = await t.request('POST', '/v1/diagnose', { token, body });
    expect(res.body.ok).toBe(true);
    before = smtp.received.length;
    const saved = await t.request('POST', '/v1/profiles', { token, body });
    expect(saved.status).toBe(201);
    expect(saved.body.verification).toMatchObject({ status: 'passed', at: res.body.testedAt });
    expect(smtp.received.length).toBe(before);
  });

  it('lets an admin save anyway with "force", and records it; a member may not', async () => {
    const port = await closedPort();
    const someone = await member();
    const refused = await t.request('POST', '/v1/profiles', { token: someone.token, body: { ...diagnoseBody(port, { name: `Forced ${randomUUID()}`, fromAddress: someone.email }), force: true } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    const adminEmail = `admin-${randomUUID()}@firma.se`;
    const { token: admin } = await t.addUser(adminEmail, 'admin');
    const forced = await t.request('POST', '/v1/profiles', { token: admin, body: { ...diagnoseBody(port, { name: `Forced ${randomUUID()}` }), force: true } });
    expect(forced.status, JSON.stringify(forced.body)).toBe(201);
    expect(forced.body.verification).toMatchObject({ status: 'forced', by: adminEmail });
    const read = await t.request('GET', `/v1/profiles/${forced.body.id}`, { token: admin });
    expect(read.body.verification).toMatchObject({ status: 'forced', by: adminEmail });
  });

  it('tests a change of server or credentials, not of other fields', async () => {
    const { email, token } = await member();
    const created = await t.request('POST', '/v1/profiles', { token, body: diagnoseBody(smtp.port, { name: `Edit ${randomUUID()}`, fromAddress: email }) });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const before = smtp.received.length;

    const renamed = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { name: `Renamed ${randomUUID()}`, smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' } } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(smtp.received.length).toBe(before);

    const port = await closedPort();
    // Another server needs the password again (issue 14); with it, the move is tested before it is saved.
    const moved = await t.request('PATCH', `/v1/profiles/${id}`, {
      token,
      body: { smtp: { host: '127.0.0.1', port, security: 'starttls' }, auth: { type: 'password', username: 'anna@firma.se', password: PASSWORD } },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.error.details.diagnosis.problem.code).toBe('connection_refused');
    expect((await t.request('GET', `/v1/profiles/${id}`, { token })).body.smtp.port).toBe(smtp.port);

    const wrongPassword = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { auth: { type: 'password', username: 'anna@firma.se', password: 'typo' } } });
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.body.error.details.diagnosis.problem.code).toBe('auth_failed');

    // The password it already has: nothing changed, nothing to test.
    const samePassword = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { auth: { type: 'password', username: 'anna@firma.se', password: PASSWORD } } });
    expect(samePassword.status).toBe(200);
    expect(smtp.received.length).toBe(before);

    // Other credentials that work: tested (one test message) and saved.
    const otherAccount = await t.request('PATCH', `/v1/profiles/${id}`, { token, body: { auth: { type: 'password', username: 'faktura@firma.se', password: 'second password' } } });
    expect(otherAccount.status, JSON.stringify(otherAccount.body)).toBe(200);
    expect(otherAccount.body.auth).toMatchObject({ username: 'faktura@firma.se', hasPassword: true });
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)!.user).toBe('faktura@firma.se');
  });

  it('tests changed settings of a saved profile with its stored password (profileId)', async () => {
    const { email, token: owner } = await member();
    const created = await t.request('POST', '/v1/profiles', { token: owner, body: diagnoseBody(smtp.port, { name: `Stored ${randomUUID()}`, fromAddress: email }) });
    expect(created.status).toBe(201);
    // The same server and port with another EHLO name: the stored password may be used.
    const body = {
      profileId: created.body.id,
      fromAddress: email,
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls', ehloName: 'changed.example' },
      auth: { type: 'password', username: 'anna@firma.se' },
    };
    const res = await t.request('POST', '/v1/diagnose', { token: owner, body });
    expect(res.body.ok, JSON.stringify(res.body)).toBe(true);
    expect(res.body.stages.find((s: { stage: string }) => s.stage === 'auth')).toMatchObject({ ok: true, mechanism: 'PLAIN' });
    // Another server (even one that is the same machine): the stored password never goes there (issue 14).
    const moved = await t.request('POST', '/v1/diagnose', { token: owner, body: { ...body, smtp: { host: 'localhost', port: smtp.port, security: 'starttls' } } });
    expect(moved.status).toBe(422);
    expect(moved.body.error.code).toBe('profile_password_required');
    // Somebody else may not send that password anywhere.
    const stranger = await user();
    expect((await t.request('POST', '/v1/diagnose', { token: stranger, body })).status).toBe(404);
  });
});
