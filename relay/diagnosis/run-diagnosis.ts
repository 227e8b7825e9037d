/**
 * The sender test: the steps a real send takes, one at a time and each timed, up to and including
 * the end of DATA. Stopping at DATA's 354, as Odoo's test does, misses the refusals that come after
 * the body: Microsoft's "550 5.7.60 Client does not have permissions to send as this sender", DMARC
 * and size refusals. So the test completes the message, to the From address itself unless a
 * `sendTo` is given.
 *
 * Stages: dns → connect → tls → ehlo → auth → sender → recipient → data. After a failed stage
 * nothing else runs. With implicit TLS (port 465) the server greets only after the handshake, so
 * its greeting is part of the ehlo stage there; with STARTTLS and plain it is part of connect.
 */
import { createHmac } from 'node:crypto';
import os from 'node:os';
import { parseAddress, sameAddress } from '../../shared/address';
import type { DiagnosisResult, DiagnosisStage, DiagnosisStageName } from '../../shared/diagnosis-schemas';
import type { CipherLevel, SmtpSecurity, TlsVersion } from '../../shared/schemas';
import type { PinnedHost } from '../net/host-policy';
import { pinOutbound } from '../net/outbound';
import { mayAuthenticateOn } from '../profiles/profile-record';
import { isSmtpPortAllowed, PortNotAllowedError, type PortRange } from '../net/port-policy';
import type { HostResolver } from '../net/resolve-host';
import { tlsOptionsFor } from '../profiles/server-options';
import { stageTexts } from './stage-texts';
import { getProblem, type Language, type ProblemCode } from './catalogue';
import { classifySmtpFailure } from './classify';
import { ImplicitTlsError, openImplicitTlsSession, openPlainSession, replyError, SmtpSessionError, type SmtpEndpoint, type SmtpReply, type SmtpSession, type TlsPolicy } from './smtp-session';
import type { TlsDetails } from '../net/tls-details';
import { mayHaveBetterSettings, suggestWorkingSettings } from './suggest-settings';
import { composeTestMessage } from './test-message';
import { redactSecretsDeep, secretForms } from '../secrets/redact-secrets';

/** What is tested: a saved profile's settings or an unsaved one's. */
export interface DiagnosisSubject {
  smtp: {
    host: string;
    port: number;
    security: SmtpSecurity;
    ehloName?: string;
    /** The profile's TLS settings, so the test secures the connection exactly as delivery will. @default TLSv1.2, default */
    minTlsVersion?: TlsVersion;
    ciphers?: CipherLevel;
    /** `security: none`: whether the password may be sent in clear (admin only). @default false */
    allowPlaintextAuth?: boolean;
  };
  /**
   * Sign in with a password (AUTH PLAIN or LOGIN) or an OAuth2 access token (AUTH XOAUTH2, which
   * the caller fetched); absent: the test runs without signing in (and says so).
   */
  credentials?: SignInCredentials;
  fromName?: string;
  fromAddress: string;
  /** Other From addresses the profile may use; each gets a MAIL FROM. Patterns (`*@firma.se`) are skipped. */
  allowedSenders: readonly string[];
}

export type SignInCredentials = { username: string; password: string } | { username: string; accessToken: string };

export interface DiagnosisOptions {
  /** Where the test message goes; default the From address. */
  sendTo?: string;
  /** The test message's language and the problem text's. */
  lang: Language;
}

/** What the relay allows and how long it waits. */
export interface DiagnosisEnvironment {
  resolveHost: HostResolver;
  allowPrivateHosts: boolean;
  extraSmtpPorts: readonly PortRange[];
  /** The longest wait for one step: connecting, the greeting, the TLS handshake, each reply. */
  stepTimeoutMs: number;
  /** CA certificates trusted beside Node's roots (internal mail servers, tests). */
  extraCa: readonly string[];
}

export interface DiagnosisOutcome {
  result: DiagnosisResult;
  /** How the server took the credentials, for the sign-in limits; absent when no sign-in was tried. */
  signIn?: 'accepted' | 'refused';
}

/** At most this many MAIL FROM tries for allowed senders: a test is not a sender list validator. */
const MAX_ALLOWED_SENDERS_TRIED = 10;

/** Thrown inside a run to stop after the stage that failed; never leaves this module. */
const STOP = Symbol('stop');

function elapsed(since: number): number {
  return Math.max(0, Math.round(performance.now() - since));
}

/** Version, ciphers and trust as delivery uses them (relay/profiles/server-options.ts); the name and address come from the pinned host. */
function tlsPolicyFor(smtp: DiagnosisSubject['smtp'], extraCa: readonly string[]): TlsPolicy {
  const options = tlsOptionsFor({ host: smtp.host, minTlsVersion: smtp.minTlsVersion ?? 'TLSv1.2', ciphers: smtp.ciphers ?? 'default' }, { extraCa });
  return {
    ...(options.minVersion ? { minVersion: options.minVersion } : {}),
    ...(options.ciphers ? { ciphers: options.ciphers } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
  };
}

/** The EHLO name: the profile's, else this machine's name when it is a usable one (RFC 5321 §4.1.4). */
function ehloNameFor(configured: string | undefined): string {
  if (configured) return configured;
  const hostname = os.hostname();
  return /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(hostname) ? hostname : 'localhost';
}

/** OpenSSL's messages carry an internal prefix ("80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:..."). */
function readableError(error: unknown): string {
  // A refusal is best told by the server's own words (the whole reply is in the stage's `reply`).
  const response = (error as { response?: unknown }).response;
  if (typeof response === 'string' && response) return response.split('\n')[0]!;
  const message = error instanceof Error ? error.message : String(error);
  const ssl = /SSL routines:[^:]*:([^:]+)/.exec(message);
  const text = ssl ? ssl[1]! : message.split('\n')[0]!;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z_0-9]+$/.test(code) && !text.includes(code) ? `${text} (${code})` : text;
}

function describeTls(details: TlsDetails): string {
  const cert = [details.subject && `certificate for ${details.subject}`, details.issuer && `issued by ${details.issuer}`, details.validTo && `valid until ${details.validTo}`]
    .filter(Boolean)
    .join(', ');
  return `${details.protocol} ${details.cipher}${cert ? `; ${cert}` : ''}.`;
}

interface Capabilities {
  lines: string[];
  has(keyword: string): boolean;
  authMechanisms: string[];
  maxMessageBytes?: number;
}

function parseCapabilities(reply: SmtpReply): Capabilities {
  const lines = reply.lines
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean);
  const keywords = new Set(lines.map((line) => line.split(/[\s=]/)[0]!.toUpperCase()));
  const authLine = lines.find((line) => /^AUTH[\s=]/i.test(line));
  const size = lines.map((line) => /^SIZE\s+(\d+)/i.exec(line)).find(Boolean);
  const maxMessageBytes = size ? Number(size[1]) : undefined;
  return {
    lines,
    has: (keyword) => keywords.has(keyword),
    authMechanisms: authLine ? authLine.slice(5).trim().toUpperCase().split(/\s+/).filter(Boolean) : [],
    // SIZE 0 (or none) means "no fixed limit" (RFC 1870 §4).
    ...(maxMessageBytes ? { maxMessageBytes } : {}),
  };
}

function describeSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
}

/**
 * Runs a sender test. Throws only for settings the relay refuses to connect to
 * ({@link PortNotAllowedError}, `PrivateHostError`); every failure of the server is in the result.
 */
export async function runDiagnosis(subject: DiagnosisSubject, options: DiagnosisOptions, env: DiagnosisEnvironment): Promise<DiagnosisOutcome> {
  const outcome = await runDiagnosisSteps(subject, options, env);
  // A server that echoes the AUTH line puts the password (or token) into its reply (redact-secrets.ts).
  return { ...outcome, result: redactSecretsDeep(outcome.result, subject.credentials ? secretForms(subject.credentials) : []) };
}

async function runDiagnosisSteps(subject: DiagnosisSubject, options: DiagnosisOptions, env: DiagnosisEnvironment): Promise<DiagnosisOutcome> {
  const { smtp } = subject;
  if (!isSmtpPortAllowed(smtp.port, env.extraSmtpPorts)) throw new PortNotAllowedError(smtp.port);

  const step = env.stepTimeoutMs;
  const say = stageTexts(options.lang);
  const tlsPolicy = tlsPolicyFor(smtp, env.extraCa);
  const ehloName = ehloNameFor(smtp.ehloName);
  const stages: DiagnosisStage[] = [];
  const outcome: { signIn?: 'accepted' | 'refused'; problem?: ProblemCode; offeredStartTls: boolean } = { offeredStartTls: false };
  let pinned: PinnedHost | undefined;
  let session: SmtpSession | undefined;

  const pass = (stage: DiagnosisStageName, ms: number, detail: string, extra: Partial<DiagnosisStage> = {}) => {
    stages.push({ stage, ok: true, ms: Math.round(ms), detail, ...extra });
  };
  const fail = (stage: DiagnosisStageName, ms: number, error: unknown, what: string, extra: Partial<DiagnosisStage> = {}): never => {
    // The allowed senders' messages end like the test message's: at the end of DATA.
    const classified = classifySmtpFailure(error, { stage: stage === 'senders' ? 'data' : stage });
    outcome.problem = classified.code;
    stages.push({
      stage,
      ok: false,
      ms: Math.round(ms),
      detail: `${what}: ${readableError(error)}`,
      ...(classified.serverReply !== undefined && (error as { response?: unknown }).response !== undefined ? { reply: classified.serverReply } : {}),
      ...extra,
    });
    throw STOP;
  };
  /** Runs one piece of a stage; a throw becomes that stage's failure. */
  const attempt = async <T>(stage: DiagnosisStageName, started: number, what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error === STOP) throw error;
      return fail(stage, elapsed(started), error, what);
    }
  };
  /** A reply other than `expected` fails the stage. */
  const expect = (stage: DiagnosisStageName, started: number, reply: SmtpReply, expected: number[], command: string, what: string) => {
    if (!expected.includes(reply.code)) fail(stage, elapsed(started), replyError(reply, command), what);
  };

  const recipient = options.sendTo ?? subject.fromAddress;
  const message = await composeTestMessage({
    fromName: subject.fromName,
    fromAddress: subject.fromAddress,
    to: recipient,
    server: smtp.host,
    lang: options.lang,
  });

  try {
    // ------------------------------------------------------------------------------------ dns
    let started = performance.now();
    try {
      // The same gate as delivery (relay/net/outbound.ts); the port was checked above, before the test message was built.
      pinned = await pinOutbound({ resolveHost: env.resolveHost, allowPrivateHosts: env.allowPrivateHosts, extraPorts: env.extraSmtpPorts }, { host: smtp.host, port: smtp.port, service: 'smtp' });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'destination_not_allowed') throw error;
      fail('dns', elapsed(started), error, say.lookupFailed(smtp.host));
    }
    const target = pinned!;
    pass('dns', elapsed(started), target.addresses.length > 1 ? say.addresses(target.host, target.addresses.join(', '), target.address) : say.address(target.host, target.address), {
      addresses: [target.address, ...target.addresses.filter((a) => a !== target.address)],
    });
    const endpoint: SmtpEndpoint = { address: target.address, port: smtp.port, ...(target.servername ? { servername: target.servername } : {}) };
    const where = `${target.address}:${smtp.port}`;

    // -------------------------------------------------------------- connect (and implicit TLS)
    started = performance.now();
    if (smtp.security === 'tls') {
      try {
        const opened = await openImplicitTlsSession(endpoint, tlsPolicy, step);
        session = opened.session;
        pass('connect', opened.tcpMs, say.connected(where));
        pass('tls', opened.tlsMs, say.implicitTls(describeTls(opened.tls)), { tls: opened.tls });
      } catch (error) {
        if (!(error instanceof ImplicitTlsError)) throw error;
        if (error.phase === 'connect') fail('connect', elapsed(started), error.failure, say.connectFailed(where));
        pass('connect', error.tcpMs ?? 0, say.connected(where));
        fail('tls', elapsed(started) - Math.round(error.tcpMs ?? 0), error.failure, say.handshakeFailed);
      }
    } else {
      session = await attempt('connect', started, say.connectFailed(where), () => openPlainSession(endpoint, step));
      const greeting = await attempt('connect', started, say.noGreeting(where), () => session!.readReply(step, 'CONN', 'GREETING_TIMEOUT'));
      expect('connect', started, greeting, [220], 'CONN', say.sessionRefusedAt(where));
      pass('connect', elapsed(started), say.greeted(where, greeting.text.split('\n')[0]!));
    }
    const conversation = session!;

    // ------------------------------------------------------------------- tls (STARTTLS) + ehlo
    const sayEhlo = async (stageStarted: number): Promise<Capabilities> => {
      const reply = await attempt('ehlo', stageStarted, say.ehloFailed, () => conversation.command(`EHLO ${ehloName}`, step));
      if (reply.code === 250) return parseCapabilities(reply);
      // A server without ESMTP (RFC 5321 §3.2): HELO works, with no extensions.
      if (reply.code >= 500 && reply.code !== 554) {
        const helo = await attempt('ehlo', stageStarted, say.heloFailed, () => conversation.command(`HELO ${ehloName}`, step));
        if (helo.code === 250) return parseCapabilities({ ...helo, lines: [helo.lines[0] ?? ''] });
      }
      return fail('ehlo', elapsed(stageStarted), replyError(reply, 'EHLO'), say.ehloRefused);
    };

    let ehloMs = 0;
    let capabilities: Capabilities;
    if (smtp.security === 'tls') {
      started = performance.now();
      const greeting = await attempt('ehlo', started, say.noGreetingAfterTls, () => conversation.readReply(step, 'CONN', 'GREETING_TIMEOUT'));
      expect('ehlo', started, greeting, [220], 'CONN', say.sessionRefused);
      capabilities = await sayEhlo(started);
    } else if (smtp.security === 'starttls') {
      started = performance.now();
      const plainCapabilities = await sayEhlo(started);
      ehloMs = elapsed(started);
      started = performance.now();
      if (!plainCapabilities.has('STARTTLS')) {
        fail('tls', elapsed(started), new SmtpSessionError('starttls_not_offered', 'the server did not offer STARTTLS in its EHLO reply', { command: 'EHLO' }), say.startTlsNotOffered, {
          capabilities: plainCapabilities.lines,
        });
      }
      const reply = await attempt('tls', started, say.startTlsFailed, () => conversation.command('STARTTLS', step));
      expect('tls', started, reply, [220], 'STARTTLS', say.startTlsRefused);
      const details = await attempt('tls', started, say.handshakeFailed, () => conversation.startTls(endpoint, tlsPolicy, step));
      pass('tls', elapsed(started), say.upgraded(describeTls(details)), { tls: details });
      started = performance.now();
      capabilities = await sayEhlo(started);
    } else {
      stages.push({ stage: 'tls', ok: true, skipped: true, ms: 0, detail: say.tlsNotUsed });
      started = performance.now();
      capabilities = await sayEhlo(started);
      if (capabilities.has('STARTTLS')) {
        outcome.offeredStartTls = true;
        stages[stages.length - 1]!.detail += say.startTlsOffered;
      }
    }
    const ehloDetail = [
      say.announced(capabilities.lines.length ? capabilities.lines.map((line) => line.split(/\s/)[0]).join(', ') : undefined),
      capabilities.maxMessageBytes ? say.maxSize(describeSize(capabilities.maxMessageBytes)) : '',
    ]
      .filter(Boolean)
      .join(' ');
    pass('ehlo', ehloMs + elapsed(started), ehloDetail, {
      capabilities: capabilities.lines,
      ...(capabilities.maxMessageBytes ? { maxMessageBytes: capabilities.maxMessageBytes } : {}),
    });

    // ----------------------------------------------------------------------------------- auth
    started = performance.now();
    const credentials = subject.credentials;
    if (credentials && !mayAuthenticateOn(smtp)) {
      // Issue 14: the password never crosses an unencrypted connection unless an admin allowed it.
      stages.push({ stage: 'auth', ok: true, skipped: true, ms: 0, detail: say.noPlaintextAuth });
    } else if (!credentials) {
      stages.push({ stage: 'auth', ok: true, skipped: true, ms: 0, detail: say.noPassword });
    } else {
      const offered = capabilities.authMechanisms;
      const mechanism = 'accessToken' in credentials ? (offered.includes('XOAUTH2') ? 'XOAUTH2' : undefined) : PASSWORD_MECHANISMS.find((m) => offered.includes(m));
      if (!mechanism) {
        const why = offered.length
          ? `the server offers only ${offered.join(', ')}, none of which works with ${'accessToken' in credentials ? 'an OAuth2 token' : 'a password'}`
          : 'the server offers no sign-in (AUTH) on this connection';
        fail('auth', elapsed(started), new SmtpSessionError('auth_mechanism_not_offered', why, { command: 'EHLO' }), say.cannotSignIn);
      }
      try {
        await signIn(conversation, mechanism!, credentials, step);
      } catch (error) {
        if (error === STOP) throw error;
        const code = (error as SmtpSessionError).responseCode;
        // Only the server's verdict on the credentials counts towards the growing wait; an unknown
        // mechanism (502/504) or a dropped connection says nothing about the password.
        if (code !== undefined && code >= 400 && ![502, 503, 504].includes(code)) outcome.signIn = 'refused';
        fail('auth', elapsed(started), error, say.signInFailed(credentials.username));
      }
      outcome.signIn = 'accepted';
      pass('auth', elapsed(started), say.signedIn(credentials.username, mechanism!), { mechanism: mechanism! });
    }

    // --------------------------------------------------------------------------------- sender
    started = performance.now();
    const sizeParameter = capabilities.has('SIZE') ? ` SIZE=${message.length}` : '';
    const others = subject.allowedSenders
      .map((entry) => parseAddress(entry))
      .flatMap((parsed) => (parsed.ok ? [parsed.value.address] : []))
      .filter((address, index, all) => !sameAddress(address, subject.fromAddress) && all.indexOf(address) === index)
      .slice(0, MAX_ALLOWED_SENDERS_TRIED);
    const patterns = subject.allowedSenders.filter((entry) => !parseAddress(entry).ok);
    const mailFrom = async (address: string) => {
      const reply = await attempt('sender', started, say.mailFromFailed(address), () => conversation.command(`MAIL FROM:<${address}>${sizeParameter}`, step, 'MAIL FROM'));
      expect('sender', started, reply, [250], 'MAIL FROM', say.senderRefused(address));
    };
    const reset = async () => {
      const reply = await attempt('sender', started, say.rsetFailed, () => conversation.command('RSET', step));
      expect('sender', started, reply, [250], 'RSET', say.rsetRefused);
    };
    await mailFrom(subject.fromAddress);
    for (const address of others) {
      await reset();
      await mailFrom(address);
    }
    if (others.length) {
      await reset();
      await mailFrom(subject.fromAddress);
    }
    const tried = [subject.fromAddress, ...others];
    pass('sender', elapsed(started), say.sendersAccepted(tried.join(', ')) + (patterns.length ? say.patternsNotTried(patterns[0]!) : ''), { senders: tried });

    // ------------------------------------------------------------------------------ recipient
    started = performance.now();
    const rcpt = await attempt('recipient', started, say.rcptFailed(recipient), () => conversation.command(`RCPT TO:<${recipient}>`, step, 'RCPT TO'));
    expect('recipient', started, rcpt, [250, 251], 'RCPT TO', say.rcptRefused(recipient));
    pass('recipient', elapsed(started), say.rcptAccepted(recipient), { recipient });

    // ----------------------------------------------------------------------------------- data
    started = performance.now();
    const data = await attempt('data', started, say.dataFailed, () => conversation.command('DATA', step));
    expect('data', started, data, [354], 'DATA', say.dataRefused);
    // The end of DATA is where servers check the message as a whole (send-as rights, DMARC, size,
    // content scanning), so it may take longer than other replies.
    const queued = await attempt('data', started, say.sendFailed, () => conversation.sendMessage(message, step * 3));
    expect('data', started, queued, [250], 'DATA', say.refusedAfterReceiving);
    pass('data', elapsed(started), say.accepted(recipient, queued.text), { recipient, queueReply: queued.text });

    // ------------------------------------------------------------------------------- senders
    // MAIL FROM proves little for an alias: Exchange accepts it and refuses the From: only at the end of
    // DATA (550 5.7.60 "Client does not have permissions to send as this sender"), so a test that stopped
    // at MAIL FROM said OK and the real send failed. Each allowed sender therefore sends a real test message,
    // to its own mailbox, as delivery would send it: the envelope is the mailbox that signed in, the From:
    // is the alias. Reported per sender; the first refusal ends the test with its problem.
    if (others.length) {
      started = performance.now();
      const results: { address: string; ok: boolean; reply: string }[] = [];
      for (const alias of others) {
        const aliasMessage = await composeTestMessage({ fromName: subject.fromName, fromAddress: alias, to: alias, server: smtp.host, lang: options.lang });
        const aliasSize = capabilities.has('SIZE') ? ` SIZE=${aliasMessage.length}` : '';
        const refused = (error: unknown) => {
          results.push({ address: alias, ok: false, reply: readableError(error) });
          return fail('senders', elapsed(started), error, say.aliasRefused(alias), { senders: results.map((r) => r.address), senderResults: results });
        };
        const step1 = await attempt('senders', started, say.aliasSendFailed(alias), () => conversation.command(`MAIL FROM:<${subject.fromAddress}>${aliasSize}`, step, 'MAIL FROM'));
        if (step1.code !== 250) refused(replyError(step1, 'MAIL FROM'));
        const step2 = await attempt('senders', started, say.aliasSendFailed(alias), () => conversation.command(`RCPT TO:<${alias}>`, step, 'RCPT TO'));
        if (![250, 251].includes(step2.code)) refused(replyError(step2, 'RCPT TO'));
        const step3 = await attempt('senders', started, say.aliasSendFailed(alias), () => conversation.command('DATA', step));
        if (step3.code !== 354) refused(replyError(step3, 'DATA'));
        const done = await attempt('senders', started, say.aliasSendFailed(alias), () => conversation.sendMessage(aliasMessage, step * 3));
        if (done.code !== 250) refused(replyError(done, 'DATA'));
        results.push({ address: alias, ok: true, reply: done.text });
      }
      pass('senders', elapsed(started), results.map((r) => say.aliasAccepted(r.address, r.reply)).join(' '), {
        senders: results.map((r) => r.address),
        senderResults: results,
      });
    }
  } catch (error) {
    if (error !== STOP) {
      session?.close();
      throw error;
    }
  }
  await session?.quit(step);

  const failed = stages.find((stage) => !stage.ok);
  const result: DiagnosisResult = { ok: !failed, stages, testedAt: new Date().toISOString(), language: options.lang };
  if (failed && outcome.problem) {
    result.problem = getProblem(outcome.problem, options.lang);
    if (pinned && mayHaveBetterSettings(outcome.problem, smtp, outcome.offeredStartTls)) {
      const suggestion = await suggestWorkingSettings(outcome.problem, pinned, smtp, {
        extraSmtpPorts: env.extraSmtpPorts,
        stepTimeoutMs: step,
        tlsPolicy,
        ehloName,
      });
      if (suggestion) result.suggestion = suggestion;
    }
  }
  return { result, ...(outcome.signIn ? { signIn: outcome.signIn } : {}) };
}

/**
 * The mechanisms a password signs in with, in the order delivery (nodemailer) prefers them: the test
 * must pass where delivery would, and fail where it would not. A server that offers only CRAM-MD5
 * (older Dovecot and Exim set-ups) takes nodemailer's sign-in, so the test signs in that way too.
 */
const PASSWORD_MECHANISMS = ['PLAIN', 'LOGIN', 'CRAM-MD5'] as const;

type Mechanism = (typeof PASSWORD_MECHANISMS)[number] | 'XOAUTH2';

/** AUTH PLAIN (RFC 4616), LOGIN, CRAM-MD5 (RFC 2195) or XOAUTH2; the credentials never appear in an error (`shownAs`). */
async function signIn(session: SmtpSession, mechanism: Mechanism, credentials: SignInCredentials, step: number): Promise<void> {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const command = `AUTH ${mechanism}`;
  let reply: SmtpReply;
  if ('accessToken' in credentials) {
    // Google's and Microsoft's XOAUTH2: user=<mailbox>^Aauth=Bearer <token>^A^A (the providers' XOAUTH2 documentation).
    reply = await session.command(`AUTH XOAUTH2 ${b64(`user=${credentials.username}\u0001auth=Bearer ${credentials.accessToken}\u0001\u0001`)}`, step, command);
    // A refused token comes as a 334 with a JSON error first; an empty line asks for the final reply.
    if (reply.code === 334) reply = await session.command('', step, command);
  } else if (mechanism === 'PLAIN') {
    const token = b64(`\u0000${credentials.username}\u0000${credentials.password}`);
    reply = await session.command(`AUTH PLAIN ${token}`, step, command);
    // A server that does not take the initial response asks for it (334) instead.
    if (reply.code === 334) reply = await session.command(token, step, command);
  } else if (mechanism === 'CRAM-MD5') {
    reply = await session.command('AUTH CRAM-MD5', step, command);
    if (reply.code === 334) {
      // The reply is the challenge in base64; the answer is the username and HMAC-MD5(password, challenge) in hex.
      const challenge = Buffer.from(reply.lines[0]!.trim(), 'base64').toString('utf8');
      const digest = createHmac('md5', credentials.password).update(challenge, 'utf8').digest('hex');
      reply = await session.command(b64(`${credentials.username} ${digest}`), step, command);
    }
  } else {
    reply = await session.command('AUTH LOGIN', step, command);
    if (reply.code === 334) reply = await session.command(b64(credentials.username), step, command);
    if (reply.code === 334) reply = await session.command(b64(credentials.password), step, command);
  }
  if (reply.code !== 235) throw replyError(reply, command);
}
