/**
 * Sender tests as the API offers them: who may test what, the limits, and the rule that new server
 * settings or credentials are saved only after a passing test (issue 4).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { DiagnosisResult, DiagnosisStage, ProfileVerification } from '../../shared/diagnosis-schemas';
import type { RelayConfig } from '../config';
import { DomainError } from '../errors/domain-error';
import { PrivateHostError } from '../net/host-policy';
import { isSmtpPortAllowed, PortNotAllowedError } from '../net/port-policy';
import { createHostResolver } from '../net/resolve-host';
import type { LimiterStore } from '../limits/limiter-store';
import { MemoryLimiterStore } from '../limits/limiter-store';
import { SenderTestLimits, TestRateLimitedError } from '../limits/sender-test-limits';
import type { AccessToken, SmtpAuthResolver } from '../oauth/access-tokens';
import { observeSenderTest } from '../observability/metrics';
import { OAuthError } from '../oauth/oauth-error';
import { openProfileSecrets, parseProfileData, parseSealedSecrets, storedSmtp, type OpenedProfile, type StoredOAuth2Auth } from '../profiles/profile-record';
import type { SecretCipher } from '../secrets/cipher';
import { canManageProfile } from '../profiles/resolve-profile';
import type { ProfileRow, UserRow } from '../store/types';
import { getProblem, type Language, type ProblemCode } from './catalogue';
import { runDiagnosis, type DiagnosisEnvironment, type DiagnosisSubject } from './run-diagnosis';
import { stageTexts, type StageTexts } from './stage-texts';

export type SenderTestConfig = Pick<RelayConfig, 'allowPrivateHosts' | 'extraCa' | 'extraSmtpPorts' | 'dnsServers' | 'testStepTimeoutMs' | 'senderTestLimits' | 'testBeforeSave'>;

export interface SenderTestServiceDeps {
  config: SenderTestConfig;
  cipher: SecretCipher;
  log: (line: string) => void;
  /** Where the limits count; PostgreSQL can back it for several instances (issue 9). @default in memory */
  limiterStore?: LimiterStore;
  /** Access tokens for OAuth2 senders (relay/oauth/access-tokens.ts); without it they are tested without signing in. */
  smtpAuth?: SmtpAuthResolver;
}

/**
 * Where the test of an OAuth2 sender gets the token it signs in with (AUTH XOAUTH2), or why it has
 * none. Built by `oauthSourceFor`; the test fetches the token first, as its `oauth` stage.
 */
export type OAuthTokenSource =
  | {
      username: string;
      /** Where the token comes from, in the test's language. */
      describe(say: StageTexts): string;
      /** A token; `renew` skips the cache. Throws `OAuthError`. */
      get(renew: boolean): Promise<AccessToken>;
      /** Forgets a cached token the server refused, so that a second try gets a fresh one. */
      forget?(token: AccessToken): Promise<void>;
      /** What the token stands for, for remembering a pass (never a secret in clear: it is HMAC'd). */
      identity: string;
    }
  | { username: string; missing: ProblemCode; detail(say: StageTexts): string };

/**
 * Saving a profile with new server settings or credentials by `user`, who reads `lang`: returns the
 * row to store (with its `verification`), or throws `profile_test_failed` with the test in
 * `details.diagnosis`.
 */
export type TestBeforeSave = (user: UserRow, lang: Language, save: { candidate: ProfileRow; previous?: ProfileRow; force: boolean }) => Promise<ProfileRow>;

/** A passing test lets the same user save exactly those settings without testing again for this long. */
const PASS_REMEMBERED_MS = 15 * 60_000;

/** The test subject of a stored (or about to be stored) profile. */
export function subjectOfProfile(profile: OpenedProfile): DiagnosisSubject {
  const { data } = profile;
  return {
    smtp: storedSmtp(data.smtp),
    ...(profile.password !== undefined && data.auth?.username ? { credentials: { username: data.auth.username, password: profile.password } } : {}),
    ...(data.fromName ? { fromName: data.fromName } : {}),
    fromAddress: data.fromAddress,
    allowedSenders: data.allowedSenders ?? [],
  };
}

/** `verification` as the profile view shows it, read from the stored settings. */
export function profileVerification(row: ProfileRow): { verification?: ProfileVerification } {
  const stored = row.data.verification;
  return stored ? { verification: stored } : {};
}

function withVerification(row: ProfileRow, verification: ProfileVerification): ProfileRow {
  return { ...row, data: { ...row.data, verification } };
}

function withoutVerification(row: ProfileRow): ProfileRow {
  const { verification: _dropped, ...data } = row.data;
  return _dropped === undefined ? row : { ...row, data };
}

/** What a test depends on: when none of it changed, an earlier verdict still holds. */
function testedSettings(profile: OpenedProfile) {
  const { smtp } = subjectOfProfile(profile);
  // OAuth2: the app registration, tenant and client secret decide whether a token comes.
  // The secret's expiry date is a note for reminders, not a setting a test could check.
  const oauth = profile.data.auth?.type === 'oauth2' ? { ...profile.data.auth, clientSecretExpiresAt: undefined, clientSecret: profile.clientSecret ?? null } : null;
  return { ...smtp, username: profile.data.auth?.username ?? null, password: profile.password ?? null, oauth };
}

const PROVIDER_NAMES = { microsoft: 'Microsoft', google: 'Google' } as const;

/** A test of an OAuth2 sender that stopped before connecting: no token could be had. */
function tokenFailure(code: ProblemCode, detail: string, ms: number, lang: Language): DiagnosisResult {
  return {
    ok: false,
    stages: [{ stage: 'oauth', ok: false, ms: Math.round(ms), detail }],
    problem: getProblem(code, lang),
    testedAt: new Date().toISOString(),
  };
}

/**
 * Is this a delegated sender (device code, Google) that nobody has signed in to, so that no test can
 * sign in? Such a sender is saved without a test: see `testBeforeSave`.
 */
export function awaitsSignIn(row: ProfileRow): boolean {
  const { auth } = parseProfileData(row);
  return auth.type === 'oauth2' && auth.flow !== 'client_credentials' && !parseSealedSecrets(row).refreshToken;
}

export function createSenderTestService(deps: SenderTestServiceDeps) {
  const { config, cipher, log, smtpAuth } = deps;
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
  const fingerprint = (userId: string, subject: DiagnosisSubject, oauth?: OAuthTokenSource) => {
    const { smtp } = subject;
    const credentials = oauth ? { username: oauth.username } : subject.credentials;
    const secret = oauth ? ('identity' in oauth ? `oauth:${oauth.identity}` : 'oauth:none') : credentials && 'password' in credentials ? credentials.password : '';
    const parts = [userId, smtp.host, smtp.port, smtp.security, smtp.ehloName, smtp.minTlsVersion, smtp.ciphers, credentials?.username, secret, subject.fromAddress.toLowerCase()];
    return createHmac('sha256', passKey).update(JSON.stringify(parts)).digest('hex');
  };
  const rememberPass = (userId: string, subject: DiagnosisSubject, at: string, oauth?: OAuthTokenSource) => {
    const now = Date.now();
    for (const [key, pass] of passes) if (pass.expires < now) passes.delete(key);
    passes.set(fingerprint(userId, subject, oauth), { at, expires: now + PASS_REMEMBERED_MS });
  };
  const recentPass = (userId: string, subject: DiagnosisSubject, oauth?: OAuthTokenSource) => {
    const pass = passes.get(fingerprint(userId, subject, oauth));
    return pass && pass.expires >= Date.now() ? pass : undefined;
  };

  /**
   * Where an OAuth2 sender's test gets its token. `saved`: the sender as stored, whose token may come
   * from the cache. Otherwise settings not saved yet (`row`, when given, is the saved sender they
   * change): an app-only sender gets a token for exactly these settings, uncached; a delegated one
   * uses the saved sign-in, which exists only if someone signed in to the saved sender and its app
   * registration did not change (relay/profiles/profile-record.ts drops the sign-in otherwise).
   */
  function oauthSourceFor(opened: OpenedProfile, options: { saved: boolean; row?: ProfileRow }): OAuthTokenSource {
    const auth = opened.data.auth as StoredOAuth2Auth;
    const username = auth.username;
    const provider = PROVIDER_NAMES[auth.provider];
    if (!smtpAuth) return { username, missing: 'oauth_token_failed', detail: (say) => say.oauthUnavailable };
    if (auth.flow === 'client_credentials') {
      const describe = (say: StageTexts) => say.oauthAppToken(provider, auth.clientId);
      const identity = JSON.stringify([auth, opened.clientSecret ?? null]);
      if (!options.saved) return { username, describe, identity, get: () => smtpAuth.appOnlyTokenFor(opened) };
      return { username, describe, identity, get: (renew) => smtpAuth.accessToken(opened, { renew }), forget: (token) => smtpAuth.forgetAccessToken(opened.id, token) };
    }
    const row = options.row;
    const grant = row?.oauthState;
    if (!row || awaitsSignIn(row)) {
      return grant?.status === 'sign_in_again'
        ? { username, missing: 'oauth_invalid_grant', detail: (say) => say.oauthSignInStopped(provider, grant.detail) }
        : { username, missing: 'oauth_sign_in_required', detail: (say) => say.oauthNotSignedIn(provider) };
    }
    const describe = (say: StageTexts) => say.oauthSavedToken(provider, grant?.account);
    const identity = JSON.stringify([auth, grant?.at ?? 0]);
    const profile: OpenedProfile = { ...opened, id: row.id };
    return { username, describe, identity, get: (renew) => smtpAuth.accessToken(profile, { renew }), forget: (token) => smtpAuth.forgetAccessToken(row.id, token) };
  }

  /** Runs a test for a user within the limits; the relay's refusals become coded errors. */
  async function testForUser(user: UserRow, subject: DiagnosisSubject, options: { sendTo?: string; lang: Language }, oauth?: OAuthTokenSource): Promise<DiagnosisResult> {
    if (!oauth) return runLimitedTest(user, subject, options);
    const say = stageTexts(options.lang);
    if ('missing' in oauth) return tokenFailure(oauth.missing, oauth.detail(say), 0, options.lang);
    let started = performance.now();
    let token: AccessToken;
    try {
      token = await oauth.get(false);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return tokenFailure(error.code, say.oauthTokenFailed(error.message), performance.now() - started, options.lang);
    }
    const tokenStage = (took: number, fresh: AccessToken): DiagnosisStage => ({
      stage: 'oauth',
      ok: true,
      ms: Math.round(took),
      detail: say.oauthTokenValid(oauth.describe(say), Boolean(fresh.fromCache), new Date(fresh.expiresAt).toISOString()),
    });
    let stage = tokenStage(performance.now() - started, token);
    const withToken = (fresh: AccessToken): DiagnosisSubject => ({ ...subject, credentials: { username: oauth.username, accessToken: fresh.accessToken } });
    let result = await runLimitedTest(user, withToken(token), options, { oauth, rememberAs: subject });
    // A cached token the server refuses may have been revoked early: one more try with a new one,
    // as delivery does (relay/delivery/smtp-transport.ts).
    if (!result.ok && token.fromCache && oauth.forget && result.stages.at(-1)?.stage === 'auth') {
      await oauth.forget(token);
      started = performance.now();
      try {
        token = await oauth.get(true);
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        return tokenFailure(error.code, say.oauthNewTokenFailed(error.message), performance.now() - started, options.lang);
      }
      stage = tokenStage(performance.now() - started, token);
      result = await runLimitedTest(user, withToken(token), options, { oauth, rememberAs: subject });
    }
    return { ...result, stages: [stage, ...result.stages] };
  }

  async function runLimitedTest(
    user: UserRow,
    subject: DiagnosisSubject,
    options: { sendTo?: string; lang: Language },
    remember?: { oauth: OAuthTokenSource; rememberAs: DiagnosisSubject },
  ): Promise<DiagnosisResult> {
    const { host, port } = subject.smtp;
    if (!isSmtpPortAllowed(port, config.extraSmtpPorts)) throw refusal(new PortNotAllowedError(port));
    const account = subject.credentials ? { host, username: subject.credentials.username } : undefined;
    const { result } = await underTestLimits(user, account, () => runDiagnosis(subject, options, environment));
    if (result.ok) {
      if (remember) rememberPass(user.id, remember.rememberAs, result.testedAt, remember.oauth);
      else rememberPass(user.id, subject, result.testedAt);
    }
    observeSenderTest(result);
    // The account and server, never the password; the problem code says what an admin needs to know.
    log(`sender test by ${user.email}: ${host}:${port} (${subject.smtp.security}) ${result.ok ? 'passed' : `failed at ${result.stages.at(-1)?.stage}: ${result.problem?.code}`}`);
    return result;
  }

  /**
   * Credentials for testing changed settings of a saved profile: the stored password stands in
   * when none is typed and the username is the stored one. Only for those who may change the
   * profile, as the test sends its password to the (possibly new) server.
   */
  function storedCredentials(user: UserRow, row: ProfileRow, typedUsername: string | undefined): DiagnosisSubject['credentials'] {
    if (!canManageProfile(user, row)) throw new DomainError('not_found', 'There is no sender profile with this id that you may change.');
    const opened = openProfileSecrets(row, cipher);
    const username = typedUsername ?? opened.data.auth?.username;
    if (!username || opened.password === undefined || username !== opened.data.auth?.username) return undefined;
    return { username, password: opened.password };
  }

  const testBeforeSave: TestBeforeSave = async (user, lang, { candidate, previous, force }) => {
    const opened = openProfileSecrets(candidate, cipher);
    if (previous && JSON.stringify(testedSettings(openProfileSecrets(previous, cipher))) === JSON.stringify(testedSettings(opened))) {
      return candidate;
    }
    // Switched off: saved untested, and an earlier verdict no longer describes these settings.
    if (!config.testBeforeSave) return withoutVerification(candidate);
    // A delegated OAuth2 sender (Microsoft device code, Google) that nobody has signed in to cannot
    // be tested: there is no token until the mailbox owner signs in, and the sign-in needs a saved
    // sender to belong to (POST /v1/profiles/:id/oauth/sign-in). So it is saved untested, and it
    // cannot send until the sign-in (its status says `sign_in_required`). The options page signs in
    // right after saving and then tests it (POST /v1/profiles/:id/test). Once signed in, changed
    // server settings are tested before saving like any other sender, with the saved sign-in.
    if (awaitsSignIn(candidate)) return withoutVerification(candidate);
    if (force) {
      if (user.role !== 'admin') {
        throw new DomainError('forbidden', 'Only an admin can save a sender whose test did not pass.', {
          hint: 'Fix the settings until the test passes, or ask an admin to save them.',
        });
      }
      return withVerification(candidate, { status: 'forced', at: new Date().toISOString(), by: user.email });
    }
    const subject = subjectOfProfile(opened);
    const oauth = opened.data.auth?.type === 'oauth2' ? oauthSourceFor(opened, { saved: false, row: candidate }) : undefined;
    const earlier = recentPass(user.id, subject, oauth);
    if (earlier) return withVerification(candidate, { status: 'passed', at: earlier.at, by: user.email });
    const result = await testForUser(user, subject, { lang }, oauth);
    if (!result.ok) {
      throw new DomainError('profile_test_failed', `The sender was not saved because its test failed: ${result.problem?.title ?? 'see the stages'}.`, {
        hint: result.problem?.fix ?? (user.role === 'admin' ? 'An admin can save it anyway with "force": true.' : undefined),
        details: { diagnosis: result },
      });
    }
    return withVerification(candidate, { status: 'passed', at: result.testedAt, by: user.email });
  };

  /**
   * A saved sender that was never verified (a Microsoft or Google sender is saved before its sign-in,
   * so it cannot be tested then) counts as verified once its own test passes, if whoever ran it may
   * change it and `current` (the row read again after the test) still has the settings tested: a
   * change saved meanwhile wins. The row to store, or undefined when nothing changes.
   */
  function verifiedByTest(user: UserRow, tested: ProfileRow, current: ProfileRow | undefined, result: DiagnosisResult): ProfileRow | undefined {
    if (!result.ok || !current || !canManageProfile(user, current)) return undefined;
    if (profileVerification(current).verification) return undefined;
    const settings = (row: ProfileRow) => JSON.stringify(testedSettings(openProfileSecrets(row, cipher)));
    if (settings(current) !== settings(tested)) return undefined;
    return withVerification(current, { status: 'passed', at: result.testedAt, by: user.email });
  }

  /**
   * Runs another test of a mailbox (the Sent-folder test over IMAP, relay/imap/sent-folder-check.ts)
   * under the sender test's limits: one test at a time per user, a growing wait after refused sign-ins
   * to the same account, so that no test can get a mailbox locked.
   */
  async function underTestLimits<T extends { signIn?: 'accepted' | 'refused' }>(user: UserRow, account: { host: string; username: string } | undefined, work: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await limits.admit(user.id, account);
    } catch (error) {
      throw refusal(error);
    }
    try {
      const outcome = await work();
      if (account && outcome.signIn) await limits.recordSignIn(user.id, account, outcome.signIn);
      return outcome;
    } catch (error) {
      throw refusal(error);
    } finally {
      // Given back before the answer: a test asked for right after this one must not find it still running.
      await release();
    }
  }

  /** Where tests may connect: the same gate as delivery (relay/net/outbound.ts). */
  const outbound = { resolveHost: environment.resolveHost, allowPrivateHosts: config.allowPrivateHosts, extraPorts: config.extraSmtpPorts };

  return { testForUser, storedCredentials, oauthSourceFor, testBeforeSave, verifiedByTest, underTestLimits, outbound, testsBeforeSave: config.testBeforeSave };
}

export type SenderTestService = ReturnType<typeof createSenderTestService>;

/** The relay's refusals to test, as coded errors; anything else is a bug and stays one. */
function refusal(error: unknown): unknown {
  if (error instanceof TestRateLimitedError) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    const message = {
      tests: 'You have run many sender tests in a short time.',
      auth_failures: 'The mail server refused the sign-in several times, so the next test has to wait.',
      busy: 'Another sender test of yours is still running.',
    }[error.reason];
    return new DomainError('rate_limited', `${message} Try again in ${seconds} s.`, {
      hint: error.reason === 'auth_failures' ? 'Check the username and password (or app password) before the next try: repeated failures can get the mailbox locked.' : undefined,
      retryAfterSeconds: seconds,
      details: { reason: error.reason, retryAfterSeconds: seconds },
    });
  }
  if (error instanceof PrivateHostError) {
    return new DomainError('private_host_not_allowed', `The server "${error.host}" is on a private network, which this relay does not connect to.`, {
      hint: 'An admin can allow internal mail servers by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1.',
    });
  }
  if (error instanceof PortNotAllowedError) {
    return new DomainError('port_not_allowed', `Port ${error.port} is not a mail port this relay connects to.`, {
      hint: 'Mail servers take messages on 587 (STARTTLS), 465 (TLS), 25 or 2525. An admin can allow other ports with OWNPOST_ALLOWED_PORTS.',
    });
  }
  return error;
}
