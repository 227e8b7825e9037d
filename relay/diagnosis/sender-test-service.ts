/**
 * Sender tests as the API offers them: who may test what, the limits, and the rule that new server
 * settings or credentials are saved only after a passing test (issue 4).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { DiagnosisResult, ProfileVerification } from '../../shared/diagnosis-schemas';
import { defaultPort } from '../../shared/providers';
import type { RelayConfig } from '../config';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { PrivateHostError } from '../net/host-policy';
import { isSmtpPortAllowed, PortNotAllowedError } from '../net/port-policy';
import { createHostResolver } from '../net/resolve-host';
import type { LimiterStore } from '../limits/limiter-store';
import { MemoryLimiterStore } from '../limits/limiter-store';
import { SenderTestLimits, TestRateLimitedError } from '../limits/sender-test-limits';
import { openProfileSecrets, type OpenedProfile } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow, UserRow } from '../store/types';
import type { Language } from './catalogue';
import { runDiagnosis, type DiagnosisEnvironment, type DiagnosisSubject } from './run-diagnosis';

export type SenderTestConfig = Pick<
  RelayConfig,
  'allowPrivateHosts' | 'extraCa' | 'extraSmtpPorts' | 'dnsServers' | 'testStepTimeoutMs' | 'senderTestLimits' | 'testBeforeSave'
>;

export interface SenderTestServiceDeps {
  config: SenderTestConfig;
  cipher: SecretCipher;
  log: (line: string) => void;
  /** Where the limits count; PostgreSQL can back it for several instances (issue 9). @default in memory */
  limiterStore?: LimiterStore;
}

/**
 * Saving a profile with new server settings or credentials: returns the row to store (with its
 * `verification`), or throws 422 `profile_test_failed` with the test in `details.diagnosis`.
 */
export type TestBeforeSave = (c: Context<AuthEnv>, save: { candidate: ProfileRow; previous?: ProfileRow; bodyText: string }) => Promise<ProfileRow>;

/** A passing test lets the same user save exactly those settings without testing again for this long. */
const PASS_REMEMBERED_MS = 15 * 60_000;

/** The test subject of a stored (or about to be stored) profile. */
export function subjectOfProfile(profile: OpenedProfile): DiagnosisSubject {
  const { data } = profile;
  return {
    smtp: {
      host: data.smtp.host,
      port: data.smtp.port || defaultPort(data.smtp.security),
      security: data.smtp.security,
      ...(data.smtp.ehloName ? { ehloName: data.smtp.ehloName } : {}),
      ...(data.smtp.minTlsVersion ? { minTlsVersion: data.smtp.minTlsVersion } : {}),
      ...(data.smtp.ciphers ? { ciphers: data.smtp.ciphers } : {}),
    },
    ...(profile.password !== undefined && data.auth?.username ? { credentials: { username: data.auth.username, password: profile.password } } : {}),
    ...(data.fromName ? { fromName: data.fromName } : {}),
    fromAddress: data.fromAddress,
    allowedSenders: data.allowedSenders ?? [],
  };
}

/** `verification` as the profile view shows it, read from the stored settings. */
export function profileVerification(row: ProfileRow): { verification?: ProfileVerification } {
  const stored = (JSON.parse(row.data) as { verification?: ProfileVerification }).verification;
  return stored ? { verification: stored } : {};
}

function withVerification(row: ProfileRow, verification: ProfileVerification): ProfileRow {
  return { ...row, data: JSON.stringify({ ...JSON.parse(row.data), verification }) };
}

function withoutVerification(row: ProfileRow): ProfileRow {
  const { verification: _dropped, ...data } = JSON.parse(row.data) as { verification?: unknown };
  return _dropped === undefined ? row : { ...row, data: JSON.stringify(data) };
}

/** What a test depends on: when none of it changed, an earlier verdict still holds. */
function testedSettings(profile: OpenedProfile) {
  const { smtp } = subjectOfProfile(profile);
  return { ...smtp, username: profile.data.auth?.username ?? null, password: profile.password ?? null };
}

/** `{"force": true}` beside the profile fields (which the profile schema does not keep). */
function asksForForce(bodyText: string): boolean {
  try {
    const body = JSON.parse(bodyText) as unknown;
    return typeof body === 'object' && body !== null && (body as { force?: unknown }).force === true;
  } catch {
    return false;
  }
}

export function createSenderTestService(deps: SenderTestServiceDeps) {
  const { config, cipher, log } = deps;
  const limits = new SenderTestLimits(deps.limiterStore ?? new MemoryLimiterStore(), config.senderTestLimits);
  const environment: DiagnosisEnvironment = {
    resolveHost: createHostResolver({ dnsServers: config.dnsServers, timeoutMs: config.testStepTimeoutMs }),
    allowPrivateHosts: config.allowPrivateHosts,
    extraSmtpPorts: config.extraSmtpPorts,
    stepTimeoutMs: config.testStepTimeoutMs,
    extraCa: config.extraCa,
  };

  // Passing tests by fingerprint. Keyed by an HMAC with a per-process key: the map never holds a
  // password, nor anything that could be tried against one offline.
  const passKey = randomBytes(32);
  const passes = new Map<string, { at: string; expires: number }>();
  const fingerprint = (userId: string, subject: DiagnosisSubject) => {
    const { smtp, credentials } = subject;
    const secret = credentials && 'password' in credentials ? credentials.password : '';
    const parts = [userId, smtp.host, smtp.port, smtp.security, smtp.ehloName, smtp.minTlsVersion, smtp.ciphers, credentials?.username, secret, subject.fromAddress.toLowerCase()];
    return createHmac('sha256', passKey).update(JSON.stringify(parts)).digest('hex');
  };
  const rememberPass = (userId: string, subject: DiagnosisSubject, at: string) => {
    const now = Date.now();
    for (const [key, pass] of passes) if (pass.expires < now) passes.delete(key);
    passes.set(fingerprint(userId, subject), { at, expires: now + PASS_REMEMBERED_MS });
  };
  const recentPass = (userId: string, subject: DiagnosisSubject) => {
    const pass = passes.get(fingerprint(userId, subject));
    return pass && pass.expires >= Date.now() ? pass : undefined;
  };

  /** Runs a test for a user within the limits; the relay's refusals become API errors. */
  async function testForUser(user: UserRow, subject: DiagnosisSubject, options: { sendTo?: string; lang: Language }): Promise<DiagnosisResult> {
    const { host, port } = subject.smtp;
    if (!isSmtpPortAllowed(port, config.extraSmtpPorts)) throw refusal(new PortNotAllowedError(port));
    const account = subject.credentials ? { host, username: subject.credentials.username } : undefined;
    let release: () => void;
    try {
      release = await limits.admit(user.id, account);
    } catch (error) {
      throw refusal(error);
    }
    try {
      const outcome = await runDiagnosis(subject, options, environment);
      if (account && outcome.signIn) await limits.recordSignIn(user.id, account, outcome.signIn);
      const { result } = outcome;
      if (result.ok) rememberPass(user.id, subject, result.testedAt);
      // The account and server, never the password; the problem code says what an admin needs to know.
      log(`sender test by ${user.email}: ${host}:${port} (${subject.smtp.security}) ${result.ok ? 'passed' : `failed at ${result.stages.at(-1)?.stage}: ${result.problem?.code}`}`);
      return result;
    } catch (error) {
      throw refusal(error);
    } finally {
      release();
    }
  }

  /**
   * Credentials for testing changed settings of a saved profile: the stored password stands in
   * when none is typed and the username is the stored one. Only for those who may change the
   * profile, as the test sends its password to the (possibly new) server.
   */
  function storedCredentials(user: UserRow, row: ProfileRow, typedUsername: string | undefined): DiagnosisSubject['credentials'] {
    const canManage = row.scope === 'company' ? user.role === 'admin' : row.ownerId === user.id;
    if (!canManage) throw new ApiError('not_found', 'There is no sender profile with this id that you may change.');
    const opened = openProfileSecrets(row, cipher);
    const username = typedUsername ?? opened.data.auth?.username;
    if (!username || opened.password === undefined || username !== opened.data.auth?.username) return undefined;
    return { username, password: opened.password };
  }

  const testBeforeSave: TestBeforeSave = async (c, { candidate, previous, bodyText }) => {
    const user = c.get('user');
    const opened = openProfileSecrets(candidate, cipher);
    if (previous && JSON.stringify(testedSettings(openProfileSecrets(previous, cipher))) === JSON.stringify(testedSettings(opened))) {
      return candidate;
    }
    // Switched off: saved untested, and an earlier verdict no longer describes these settings.
    if (!config.testBeforeSave) return withoutVerification(candidate);
    if (asksForForce(bodyText)) {
      if (user.role !== 'admin') {
        throw new ApiError('forbidden', 'Only an admin can save a sender whose test did not pass.', {
          hint: 'Fix the settings until the test passes, or ask an admin to save them.',
        });
      }
      return withVerification(candidate, { status: 'forced', at: new Date().toISOString(), by: user.email });
    }
    const subject = subjectOfProfile(opened);
    const earlier = recentPass(user.id, subject);
    if (earlier) return withVerification(candidate, { status: 'passed', at: earlier.at, by: user.email });
    const result = await testForUser(user, subject, { lang: preferredLanguage(c) });
    if (!result.ok) {
      throw new ApiError('profile_test_failed', `The sender was not saved because its test failed: ${result.problem?.title ?? 'see the stages'}.`, {
        hint: result.problem?.fix ?? (user.role === 'admin' ? 'An admin can save it anyway with "force": true.' : undefined),
        details: { diagnosis: result },
      });
    }
    return withVerification(candidate, { status: 'passed', at: result.testedAt, by: user.email });
  };

  return { testForUser, storedCredentials, testBeforeSave };
}

export type SenderTestService = ReturnType<typeof createSenderTestService>;

/** The relay's refusals to test, as API errors; anything else is a bug and stays one. */
function refusal(error: unknown): unknown {
  if (error instanceof TestRateLimitedError) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    const message = {
      tests: 'You have run many sender tests in a short time.',
      auth_failures: 'The mail server refused the sign-in several times, so the next test has to wait.',
      busy: 'Another sender test of yours is still running.',
    }[error.reason];
    return new ApiError('rate_limited', `${message} Try again in ${seconds} s.`, {
      hint:
        error.reason === 'auth_failures'
          ? 'Check the username and password (or app password) before the next try: repeated failures can get the mailbox locked.'
          : undefined,
      headers: { 'Retry-After': String(seconds) },
      details: { reason: error.reason, retryAfterSeconds: seconds },
    });
  }
  if (error instanceof PrivateHostError) {
    return new ApiError('private_host_not_allowed', `The server "${error.host}" is on a private network, which this relay does not connect to.`, {
      hint: 'An admin can allow internal mail servers by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1.',
    });
  }
  if (error instanceof PortNotAllowedError) {
    return new ApiError('port_not_allowed', `Port ${error.port} is not a mail port this relay connects to.`, {
      hint: 'Mail servers take messages on 587 (STARTTLS), 465 (TLS), 25 or 2525. An admin can allow other ports with OWNPOST_ALLOWED_PORTS.',
    });
  }
  return error;
}
