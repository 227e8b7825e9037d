/**
 * Every catalogued failure a mail server can cause, caused by a real server behaving that way:
 * smtp-server answering the exact reply text the providers send, a scripted server for
 * multi-line replies, raw sockets for greetings and hang-ups, TLS listeners with bad certificates,
 * a closed port, a port whose packets vanish, and a DNS server. Each test asserts the stage, the
 * problem code and the suggestion (or that there is none).
 *
 * Not here, because no SMTP server can cause them: the OAuth2 token problems (oauth_*) and
 * ms_oauth_token_rejected come from signing in with XOAUTH2, which sender tests do not do yet;
 * `unknown` is the classifier's fallback for what matches nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SMTPServerOptions } from 'smtp-server';
import { certs } from '../helpers/certs';
import { diagnose, diagnoseBody, expectFailure, PASSWORD, startDiagnosisRelay, type ExpectedFailure } from '../helpers/diagnosis-relay';
import {
  closedPort,
  startBlackholePort,
  startDnsServer,
  startHangingUpServer,
  startScriptedSmtpServer,
  startSilentServer,
  startTlsListener,
  type ScriptedSmtpOptions,
} from '../helpers/fake-smtp-peers';
import { startSmtpServer, type TestSmtpOptions } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

let t: TestRelay;
/** A relay that does not trust the test CA: for "unknown issuer" and "self-signed in chain". */
let untrusting: TestRelay;
beforeAll(async () => {
  [t, untrusting] = await Promise.all([startDiagnosisRelay(), startDiagnosisRelay({ extraCa: [] })]);
});
afterAll(async () => {
  await Promise.all([t.close(), untrusting.close()]);
});

const USERS = { 'anna@firma.se': PASSWORD };

/** A reply as smtp-server sends it from a handler's error: `<responseCode> <message>`, exactly. */
function refusal(reply: string): Error {
  const match = /^(\d{3}) (.*)$/s.exec(reply);
  if (!match) throw new Error(`not a reply: ${reply}`);
  return Object.assign(new Error(match[2]), { responseCode: Number(match[1]) });
}

type Step = 'connect' | 'auth' | 'mail' | 'rcpt' | 'data';

/** smtp-server (STARTTLS, AUTH PLAIN/LOGIN with the test user) that answers `reply` at `step`. */
function smtpServerRefusing(step: Step, reply: string, options: TestSmtpOptions = {}) {
  const error = refusal(reply);
  const server: Partial<SMTPServerOptions> = {
    ...(step === 'connect' && { onConnect: (_session, callback) => callback(error) }),
    ...(step === 'auth' && { onAuth: (_auth, _session, callback) => callback(error) }),
    ...(step === 'mail' && { onMailFrom: (_address, _session, callback) => callback(error) }),
    ...(step === 'rcpt' && { onRcptTo: (_address, _session, callback) => callback(error) }),
    ...options.server,
  };
  return startSmtpServer({
    users: USERS,
    ...options,
    server,
    ...(step === 'data' && {
      onMessage: () => {
        throw error;
      },
    }),
  });
}

interface Case {
  name: string;
  /** Starts the misbehaving server(s); returns what to diagnose. */
  setup: () => Promise<{ body: Record<string, unknown>; close: () => Promise<void> }>;
  expected: (port: number) => ExpectedFailure;
  relay?: () => TestRelay;
  /** The server's reply, which the failed stage must show exactly as sent (all lines). */
  reply?: string;
}

/** A case against one server on 127.0.0.1 with the default profile (STARTTLS, password). */
function against(start: () => Promise<{ port: number; close: () => Promise<void> }>, overrides: (port: number) => Record<string, unknown> = () => ({})) {
  return async () => {
    const server = await start();
    return { body: diagnoseBody(server.port, overrides(server.port)), close: () => server.close() };
  };
}

const fail = (stage: string, code: string) => () => ({ stage, code });

const GMAIL_BAD_CREDENTIALS =
  '535-5.7.8 Username and Password not accepted. For more information, go to\n' + '535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-a9a1b2c3d4e5f.70 - gsmtp';
const GMAIL_APP_PASSWORD =
  '534-5.7.9 Application-specific password required. For more information, go to\n' + '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor 5b1f17b1804b1-43161e8f5a1sm1 - gsmtp';
const GMAIL_WEB_LOGIN =
  '534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbt> Please log in via your web browser and\n' +
  '534-5.7.14 then try again.\n' +
  '534-5.7.14  Learn more at\n' +
  '534 5.7.14  https://support.google.com/mail/answer/78754 d9443c01a7336-2a1b2c3d4e5sm1 - gsmtp';
const GMAIL_DMARC =
  "550-5.7.26 Unauthenticated email from firma.se is not accepted due to domain's\n" +
  '550-5.7.26 DMARC policy. Please contact the administrator of firma.se domain if\n' +
  '550 5.7.26 this was a legitimate mail. https://support.google.com/mail/answer/2451690 - gsmtp';

/** Gmail-style: implicit TLS (465) with the test CA's certificate, replies sent byte for byte. */
const gmail = (options: ScriptedSmtpOptions) =>
  against(
    () => startScriptedSmtpServer({ implicitTls: certs.server, ehlo: '250-smtp.gmail.com at your service\n250-SIZE 35882577\n250-8BITMIME\n250 AUTH LOGIN PLAIN XOAUTH2', ...options }),
    (port) => ({ smtp: { host: '127.0.0.1', port, security: 'tls' } }),
  );

const CASES: Case[] = [
  // ------------------------------------------------------------------------------ Gmail
  {
    name: 'Gmail 535-5.7.8 BadCredentials (multi-line, implicit TLS)',
    setup: gmail({ replies: { AUTH: GMAIL_BAD_CREDENTIALS } }),
    expected: fail('auth', 'gmail_bad_credentials'),
    reply: GMAIL_BAD_CREDENTIALS,
  },
  {
    name: 'Gmail 534-5.7.9 application-specific password required',
    setup: gmail({ replies: { AUTH: GMAIL_APP_PASSWORD } }),
    expected: fail('auth', 'gmail_app_password_required'),
    reply: GMAIL_APP_PASSWORD,
  },
  { name: 'Gmail 534-5.7.14 please log in via your web browser', setup: gmail({ replies: { AUTH: GMAIL_WEB_LOGIN } }), expected: fail('auth', 'gmail_web_login_required'), reply: GMAIL_WEB_LOGIN },
  {
    name: 'Gmail 454 4.7.0 too many login attempts',
    setup: against(() => smtpServerRefusing('auth', '454 4.7.0 Too many login attempts, please try again later. d9443c01a7336-2a1b2c3d - gsmtp')),
    expected: fail('auth', 'rate_limited'),
  },
  {
    name: 'Gmail 421 4.7.0 try again later at the greeting',
    setup: against(() => smtpServerRefusing('connect', '421 4.7.0 Try again later, closing connection. d9443c01a7336-2a1b2c3d - gsmtp')),
    expected: fail('connect', 'rate_limited'),
  },
  {
    name: 'Gmail 421 4.7.28 rate limited, after the message',
    setup: against(() => smtpServerRefusing('data', '421 4.7.28 Gmail has detected an unusual rate of mail originating from your IP address, rate limited. - gsmtp')),
    expected: fail('data', 'rate_limited'),
  },
  {
    name: 'Gmail 550 5.4.5 daily user sending limit exceeded',
    setup: against(() =>
      smtpServerRefusing('mail', '550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852 - gsmtp'),
    ),
    expected: fail('sender', 'daily_quota_exceeded'),
  },
  { name: 'Gmail 550-5.7.26 DMARC policy, after the message', setup: gmail({ replies: { END: GMAIL_DMARC } }), expected: fail('data', 'dmarc_unauthenticated_sender'), reply: GMAIL_DMARC },
  {
    name: '530 5.7.0 Must issue a STARTTLS command first (security "none" on a STARTTLS port)',
    setup: against(
      () =>
        startSmtpServer({
          users: USERS,
          server: {
            allowInsecureAuth: true,
            // The test does not sign in over "none" (issue 14), so MAIL FROM is where Gmail refuses.
            authOptional: true,
            onMailFrom(_address, session, callback) {
              callback(session.secure ? null : refusal('530 5.7.0 Must issue a STARTTLS command first. d9443c01a7336 - gsmtp'));
            },
          },
        }),
      (port) => ({ smtp: { host: '127.0.0.1', port, security: 'none' } }),
    ),
    expected: (port) => ({ stage: 'sender', code: 'starttls_required_by_server', suggestion: { host: '127.0.0.1', port, security: 'starttls' } }),
  },

  // --------------------------------------------------------------------------- Microsoft
  ...(
    [
      ['SmtpClientAuthentication is disabled for the Tenant.', 'ms_smtp_auth_disabled_tenant'],
      ['SmtpClientAuthentication is disabled for the Mailbox.', 'ms_smtp_auth_disabled_mailbox'],
      ["user is locked by your organization's security defaults policy.", 'ms_security_defaults'],
      ['the request did not meet the criteria to be authenticated successfully.', 'ms_conditional_access'],
      ['the user credentials were incorrect.', 'ms_bad_credentials'],
      ['account locked.', 'ms_account_locked'],
      ['basic authentication is disabled.', 'ms_basic_auth_disabled'],
    ] as const
  ).map(([reason, code]): Case => ({
    name: `Microsoft 535 5.7.139 Authentication unsuccessful, ${reason}`,
    setup: against(() => smtpServerRefusing('auth', `535 5.7.139 Authentication unsuccessful, ${reason} [AM0PR02CA0001.eurprd02.prod.outlook.com 2026-11-20T10:00:00.000Z 08DCF0A1B2C3D4E5]`)),
    expected: fail('auth', code),
  })),
  {
    name: 'Microsoft 550 5.7.30 Basic authentication is not supported for Client Submission',
    setup: against(() => smtpServerRefusing('auth', '550 5.7.30 Basic authentication is not supported for Client Submission.')),
    expected: fail('auth', 'ms_basic_auth_not_supported'),
  },
  {
    name: 'Microsoft 535 5.7.3 Authentication unsuccessful after a password',
    setup: against(() => smtpServerRefusing('auth', '535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]')),
    expected: fail('auth', 'ms_bad_credentials'),
  },
  {
    name: 'Microsoft 504 5.7.4 Unrecognized authentication type',
    setup: against(() => smtpServerRefusing('auth', '504 5.7.4 Unrecognized authentication type [AM0PR02CA0001.eurprd02.prod.outlook.com]')),
    expected: fail('auth', 'auth_mechanism_not_offered'),
  },
  {
    name: 'Microsoft 530 5.7.57 Client not authenticated to send mail (no password set)',
    setup: against(
      () =>
        startSmtpServer({
          server: {
            onMailFrom(_address, session, callback) {
              callback(session.user ? null : refusal('530 5.7.57 Client not authenticated to send mail. [AM0PR02CA0001.eurprd02.prod.outlook.com]'));
            },
          },
        }),
      () => ({ auth: undefined }),
    ),
    expected: fail('sender', 'not_authenticated'),
  },
  {
    // The refusal Odoo's test (which stops at DATA 354) and nodemailer's verify() never see.
    name: 'Microsoft 550 5.7.60 Client does not have permissions to send as this sender, after the message',
    setup: against(() => smtpServerRefusing('data', '550 5.7.60 SMTP; Client does not have permissions to send as this sender [AM0PR02MB1234.eurprd02.prod.outlook.com]')),
    expected: fail('data', 'send_as_denied'),
    reply: '550 5.7.60 SMTP; Client does not have permissions to send as this sender [AM0PR02MB1234.eurprd02.prod.outlook.com]',
  },
  {
    name: 'Microsoft 554 5.2.252 SendAsDenied, after the message',
    setup: against(() =>
      smtpServerRefusing('data', '554 5.2.252 SendAsDenied; anna@firma.se not allowed to send as faktura@firma.se; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied'),
    ),
    expected: fail('data', 'send_as_denied'),
  },
  {
    name: 'Microsoft 432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded',
    setup: against(() => smtpServerRefusing('data', '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=AM0PR02MB1234.eurprd02.prod.outlook.com]')),
    expected: fail('data', 'ms_concurrent_connections'),
  },
  {
    name: 'Microsoft 421 4.4.2 Message submission rate for this client has exceeded the configured limit',
    setup: against(() => smtpServerRefusing('mail', '421 4.4.2 Message submission rate for this client has exceeded the configured limit')),
    expected: fail('sender', 'rate_limited'),
  },
  {
    name: 'Microsoft 554 5.2.0 SubmissionQuotaExceededException',
    setup: against(() =>
      smtpServerRefusing('data', '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message [BeginDiagnosticData]'),
    ),
    expected: fail('data', 'daily_quota_exceeded'),
  },
  {
    name: 'Microsoft 421 4.7.66 TLS 1.0 and 1.1 are not supported',
    setup: against(() => smtpServerRefusing('mail', '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.')),
    expected: fail('sender', 'tls_version_too_old'),
  },
  {
    name: 'Outlook.com 550 5.7.515 sending domain does not meet the required authentication level',
    setup: against(() => smtpServerRefusing('data', '550 5.7.515 Access denied, sending domain firma.se does not meet the required authentication level.')),
    expected: fail('data', 'dmarc_unauthenticated_sender'),
  },

  // ------------------------------------------------------------------------------ others
  {
    name: 'iCloud 550 5.7.1 daily sending limit, after the message',
    setup: against(() => smtpServerRefusing('data', '550 5.7.1 [CS01] Message rejected due to local policy. You have exceeded your daily sending limit.')),
    expected: fail('data', 'daily_quota_exceeded'),
  },
  {
    name: 'Yahoo 421 4.7.0 [TSS04] temporarily deferred',
    setup: against(() =>
      smtpServerRefusing(
        'mail',
        '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
      ),
    ),
    expected: fail('sender', 'rate_limited'),
  },
  {
    name: '552 5.3.4 message file too big, after the message',
    setup: against(() => startScriptedSmtpServer({ replies: { END: '552 5.3.4 Error: message file too big' } })),
    expected: fail('data', 'message_too_large'),
  },
  {
    name: 'a server whose SIZE is smaller than the test message refuses MAIL FROM … SIZE=',
    setup: against(() => startSmtpServer({ users: USERS, server: { size: 200 } })),
    expected: fail('sender', 'message_too_large'),
  },
  {
    name: 'an allowed sender the mailbox may not use (Postfix reject_sender_login_mismatch)',
    setup: against(
      () =>
        startSmtpServer({
          users: USERS,
          server: {
            onMailFrom(address, _session, callback) {
              callback(address.address === 'anna@firma.se' ? null : refusal(`553 5.7.1 <${address.address}>: Sender address rejected: not owned by user anna@firma.se`));
            },
          },
        }),
      () => ({ allowedSenders: ['faktura@firma.se'] }),
    ),
    expected: fail('sender', 'send_as_denied'),
  },
  {
    name: 'Postfix 553 5.1.8 sender address domain not found',
    setup: against(() => smtpServerRefusing('mail', '553 5.1.8 <anna@firma.se>: Sender address rejected: Domain not found')),
    expected: fail('sender', 'sender_rejected'),
  },
  {
    name: 'Postfix 550 5.1.1 recipient unknown (sendTo)',
    setup: against(
      () => smtpServerRefusing('rcpt', '550 5.1.1 <nobody@kund.se>: Recipient address rejected: User unknown in virtual mailbox table'),
      () => ({ sendTo: 'nobody@kund.se' }),
    ),
    expected: fail('recipient', 'recipient_rejected'),
  },
  {
    name: 'Postfix 451 4.3.0 queue file write error',
    setup: against(() => smtpServerRefusing('data', '451 4.3.0 Error: queue file write error')),
    expected: fail('data', 'server_temporary'),
  },
  {
    name: '554 5.6.0 message refused for its content',
    setup: against(() => smtpServerRefusing('data', '554 5.6.0 Message rejected: content policy violation')),
    expected: fail('data', 'server_permanent'),
  },
  {
    name: 'a wrong password at a generic server (smtp-server, real check)',
    setup: against(() => startSmtpServer({ users: { 'anna@firma.se': 'another password' } })),
    expected: fail('auth', 'auth_failed'),
  },
  {
    name: 'a server that offers no AUTH at all, with a password set',
    setup: against(() => startSmtpServer({})),
    expected: fail('auth', 'auth_mechanism_not_offered'),
  },

  // ------------------------------------------------------------------ ports, modes and TLS
  {
    name: 'implicit TLS against a STARTTLS port: wrong version number → STARTTLS on that port',
    setup: against(
      () => startSmtpServer({ users: USERS }),
      (port) => ({ smtp: { host: '127.0.0.1', port, security: 'tls' } }),
    ),
    expected: (port) => ({ stage: 'tls', code: 'tls_wrong_version_number', suggestion: { host: '127.0.0.1', port, security: 'starttls' } }),
  },
  {
    name: 'STARTTLS against an implicit-TLS port (465 style): greeting timeout → TLS on that port',
    setup: against(() => startSmtpServer({ users: USERS, secure: true })),
    expected: (port) => ({ stage: 'connect', code: 'greeting_timeout', suggestion: { host: '127.0.0.1', port, security: 'tls' } }),
  },
  { name: 'a server that accepts and never greets', setup: against(startSilentServer), expected: fail('connect', 'greeting_timeout') },
  {
    name: 'STARTTLS required but not offered',
    setup: against(
      () => startSmtpServer({ server: { hideSTARTTLS: true, authOptional: true } }),
      () => ({ auth: undefined }),
    ),
    expected: fail('tls', 'starttls_not_offered'),
  },
  {
    name: 'data injected after the STARTTLS reply (CVE-2011-0411)',
    setup: against(() => startScriptedSmtpServer({ injectAfterStartTls: '250-scripted.test\n250 AUTH PLAIN LOGIN' })),
    expected: fail('tls', 'starttls_injection'),
  },
  {
    name: 'an expired certificate (implicit TLS)',
    setup: against(
      () => startSmtpServer({ users: USERS, secure: true, server: { key: certs.expired.key, cert: certs.expired.cert } }),
      (port) => ({ smtp: { host: '127.0.0.1', port, security: 'tls' } }),
    ),
    expected: fail('tls', 'cert_expired'),
  },
  {
    name: 'an expired certificate (STARTTLS)',
    setup: against(() => startSmtpServer({ users: USERS, server: { key: certs.expired.key, cert: certs.expired.cert } })),
    expected: fail('tls', 'cert_expired'),
  },
  {
    name: 'a self-signed certificate',
    setup: against(
      () => startSmtpServer({ users: USERS, secure: true, server: { key: certs.selfSigned.key, cert: certs.selfSigned.cert } }),
      (port) => ({ smtp: { host: '127.0.0.1', port, security: 'tls' } }),
    ),
    expected: fail('tls', 'cert_self_signed'),
  },
  {
    name: 'a certificate for another name (the host is typed as localhost)',
    setup: against(
      () => startSmtpServer({ users: USERS, server: { key: certs.wrongName.key, cert: certs.wrongName.cert } }),
      (port) => ({ smtp: { host: 'localhost', port, security: 'starttls' } }),
    ),
    expected: fail('tls', 'cert_name_mismatch'),
  },
  {
    name: 'a certificate from an issuer the relay does not trust',
    relay: () => untrusting,
    setup: against(() => startSmtpServer({ users: USERS })),
    expected: fail('tls', 'cert_unknown_issuer'),
  },
  {
    name: 'a chain ending in a self-signed root the relay does not trust (TLS-inspecting proxy)',
    relay: () => untrusting,
    setup: against(
      () => startSmtpServer({ users: USERS, secure: true, server: { cert: Buffer.concat([certs.server.cert, Buffer.from(certs.ca)]) } }),
      (port) => ({ smtp: { host: '127.0.0.1', port, security: 'tls' } }),
    ),
    expected: fail('tls', 'cert_self_signed_in_chain'),
  },
  {
    name: 'a server that speaks only TLS 1.0/1.1',
    setup: against(
      () => startTlsListener({ key: certs.server.key, cert: certs.server.cert, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }),
      (port) => ({ smtp: { host: '127.0.0.1', port, security: 'tls' } }),
    ),
    expected: fail('tls', 'tls_version_too_old'),
  },

  // ---------------------------------------------------------------- network and DNS
  { name: 'nothing listens on the port (ECONNREFUSED)', setup: against(async () => ({ port: await closedPort(), close: async () => {} })), expected: fail('connect', 'connection_refused') },
  { name: 'connecting hangs (packets dropped, ETIMEDOUT)', setup: against(startBlackholePort), expected: fail('connect', 'connection_timeout') },
  { name: 'the server hangs up at once', setup: against(() => startHangingUpServer()), expected: fail('connect', 'connection_dropped') },
  { name: 'the server hangs up at MAIL FROM', setup: against(() => startScriptedSmtpServer({ hangUpOn: 'MAIL' })), expected: fail('sender', 'connection_dropped') },
  {
    name: 'an IMAP server on the port',
    setup: against(() => startHangingUpServer('* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] Dovecot ready.')),
    expected: fail('connect', 'not_smtp_service'),
  },
  {
    name: 'a host name that does not exist (ENOTFOUND)',
    setup: async () => ({ body: diagnoseBody(587, { smtp: { host: 'smtp.nothing-here.invalid', security: 'starttls' } }), close: async () => {} }),
    expected: fail('dns', 'host_not_found'),
  },
];

describe.concurrent('each catalogued failure, from a real server behaving that way', () => {
  it.each(CASES)('$name', async ({ setup, expected, relay, reply }) => {
    const { body, close } = await setup();
    try {
      const smtp = body.smtp as { port?: number };
      const result = await diagnose((relay ?? (() => t))(), body);
      expectFailure(result, expected(smtp.port ?? 0));
      if (reply) expect(result.stages.at(-1)!.reply).toBe(reply);
    } finally {
      await close();
    }
  });
});

describe('DNS failures, from a DNS server behaving that way', () => {
  it('SERVFAIL → dns_temporary; NXDOMAIN → host_not_found', async () => {
    const dns = await startDnsServer({ 'smtp.broken.test': 'SERVFAIL', 'smtp.gone.test': 'NXDOMAIN' });
    const relay = await startDiagnosisRelay({ dnsServers: [dns.address] });
    try {
      const broken = await diagnose(relay, diagnoseBody(587, { smtp: { host: 'smtp.broken.test', security: 'starttls' } }));
      expectFailure(broken, { stage: 'dns', code: 'dns_temporary' });
      const gone = await diagnose(relay, diagnoseBody(587, { smtp: { host: 'smtp.gone.test', security: 'starttls' } }));
      expectFailure(gone, { stage: 'dns', code: 'host_not_found' });
      expect(dns.queries).toContain('A smtp.broken.test');
    } finally {
      await Promise.all([relay.close(), dns.close()]);
    }
  });
});

describe('suggestions for a blocked port', () => {
  // The standard ports on 127.0.0.1 are closed here, so the working alternative is a port an
  // admin allowed by name (OWNPOST_ALLOWED_PORTS), which the relay probes like 465 and 587.
  it.each([
    ['refused', async () => ({ port: await closedPort(), close: async () => {} }), 'connection_refused'],
    ['dropped', startBlackholePort, 'connection_timeout'],
  ] as const)('a %s port → the allowed port where TLS works', async (_kind, startBlocked, code) => {
    const [blocked, working] = await Promise.all([startBlocked(), startSmtpServer({ users: USERS, secure: true })]);
    const relay = await startDiagnosisRelay({}, { OWNPOST_ALLOWED_PORTS: `${blocked.port}, ${working.port}` });
    try {
      const result = await diagnose(relay, diagnoseBody(blocked.port));
      expectFailure(result, { stage: 'connect', code, suggestion: { host: '127.0.0.1', port: working.port, security: 'tls' } });
    } finally {
      await Promise.all([relay.close(), blocked.close(), working.close()]);
    }
  });
});
