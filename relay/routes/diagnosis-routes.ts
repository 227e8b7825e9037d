import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { zDiagnoseRequest, zProfileTestRequest } from '../../shared/diagnosis-schemas';
import { subjectOfProfile, type OAuthTokenSource, type SenderTestService } from '../diagnosis/sender-test-service';
import type { DiagnosisSubject } from '../diagnosis/run-diagnosis';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { readJsonBody } from '../http/read-body';
import type { OAuth2AuthInput } from '../../shared/schemas';
import { openProfileSecrets, parseProfileData, sameOAuthClient, storedSmtp, type OpenedProfile, type ProfileData, type StoredOAuth2Auth } from '../profiles/profile-record';
import { canManageProfile, canUseProfile } from '../profiles/resolve-profile';
import { sameMailServer } from '../profiles/secret-destination';
import { assertTestSenderAllowed } from '../profiles/sender-policy';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow, Store } from '../store/types';

export interface DiagnosisRouteDeps {
  store: Store;
  cipher: SecretCipher;
  senderTests: SenderTestService;
}

/** A test answers 200 whatever the server said (the result says it); these are refusals to test. */
const TEST_ERRORS = ['not_found', 'forbidden', 'sender_not_allowed', 'member_sender_not_allowed', 'port_not_allowed', 'private_host_not_allowed', 'rate_limited', 'oauth_not_configured'] as const;

const diagnose = operation(RELAY_CONTRACT.diagnose, {
  tag: 'profiles',
  summary: 'Test server settings before saving them',
  description: 'Connects, signs in and (with `sendTo`) sends a test message, stage by stage; a failing stage comes with the problem and its fix.',
  answers: { 200: 'The test, passed or not' },
  errors: [...TEST_ERRORS, 'profile_password_required'],
});

const testProfile = operation(RELAY_CONTRACT.testProfile, {
  tag: 'profiles',
  summary: 'Test a saved sender profile',
  description: 'The body is optional: `{}`, `{"sendTo": …}` or nothing at all. A passing test marks the profile verified.',
  answers: { 200: 'The test, passed or not' },
  errors: TEST_ERRORS,
});

/**
 * Sender tests: `POST /v1/diagnose` for settings not saved yet, `POST /v1/profiles/:id/test` for a
 * saved profile. Both answer 200 with the test, passed or not; 4xx only when the relay refuses to
 * run it (bad input, limits, private hosts, ports).
 */
export function diagnosisRoutes({ store, cipher, senderTests }: DiagnosisRouteDeps) {
  /**
   * OAuth2 settings typed in a form, as a profile to test. The client secret, when none is typed,
   * and the saved sign-in come from the saved sender `row` only if it uses the same app registration
   * and the user may change it (the caller passes `row` only then: the test would otherwise borrow
   * someone else's credentials).
   */
  function unsavedOAuthProfile(auth: OAuth2AuthInput, fromAddress: string, row: ProfileRow | undefined): [OpenedProfile, { saved: false; row?: ProfileRow }] {
    const { clientSecret: typedSecret, ...settings } = auth as OAuth2AuthInput & { clientSecret?: string };
    const storedAuth = { ...settings, username: auth.username ?? fromAddress } as StoredOAuth2Auth;
    const saved = row ? openProfileSecrets(row, cipher) : undefined;
    const fits = saved?.data.auth.type === 'oauth2' && sameOAuthClient(saved.data.auth, storedAuth);
    const data = { ...(row ? parseProfileData(row) : {}), fromAddress, auth: storedAuth } as ProfileData;
    const clientSecret = typedSecret ?? (fits ? saved?.clientSecret : undefined);
    const opened: OpenedProfile = {
      id: row?.id ?? 'unsaved',
      scope: row?.scope ?? 'personal',
      ownerId: row?.ownerId ?? null,
      data,
      ...(clientSecret ? { clientSecret } : {}),
    };
    return [opened, { saved: false, ...(fits && row ? { row } : {}) }];
  }

  const app = new OpenAPIHono<AuthEnv>();
  serve(app, diagnose, async (c, answer) => {
    const user = c.get('user');
    const { value } = await readJsonBody(c, zDiagnoseRequest);
    let credentials: DiagnosisSubject['credentials'];
    let oauth: OAuthTokenSource | undefined;
    let row: ProfileRow | undefined;
    if (value.profileId) {
      row = await store.getProfile(value.profileId);
      if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    }
    if (value.smtp.allowPlaintextAuth && user.role !== 'admin') {
      throw new ApiError('forbidden', 'Only an admin can allow signing in over an unencrypted connection (allowPlaintextAuth).');
    }
    // The test message goes out From this address: the sender rules of a send apply (issue 14).
    assertTestSenderAllowed(
      user,
      user.role === 'admin' ? [] : await store.getSenderAllowances(user.id),
      { fromAddress: value.fromAddress, allowedSenders: value.allowedSenders },
      row ? { scope: row.scope, data: parseProfileData(row) } : undefined,
    );
    if (value.auth?.type === 'oauth2') {
      oauth = senderTests.oauthSourceFor(...unsavedOAuthProfile(value.auth, value.fromAddress, row && canManageProfile(user, row) ? row : undefined));
    } else if (value.auth?.password !== undefined) {
      credentials = { username: value.auth.username, password: value.auth.password };
    } else if (row) {
      const stored = openProfileSecrets(row, cipher);
      // A saved password is only ever sent to the server it was entered for (issue 14).
      if (stored.data.auth.type === 'password' && stored.password !== undefined && !sameMailServer(stored.data.smtp, storedSmtp(value.smtp))) {
        throw new ApiError('profile_password_required', `Testing "${stored.data.name}" on another server needs its password again.`, {
          hint: 'A saved password is only ever sent to the server it was entered for. Type the password for the new server.',
          details: { field: 'auth.password' },
        });
      }
      if (stored.data.auth.type === 'oauth2' && value.auth === undefined) {
        // The saved OAuth2 sign-in, with changed server settings: only for those who may change the sender.
        if (!canManageProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id that you may change.');
        oauth = senderTests.oauthSourceFor(stored, { saved: true, row });
      } else {
        credentials = senderTests.storedCredentials(user, row, value.auth?.username);
      }
    }
    const subject: DiagnosisSubject = {
      smtp: storedSmtp(value.smtp),
      ...(credentials ? { credentials } : {}),
      ...(value.fromName ? { fromName: value.fromName } : {}),
      fromAddress: value.fromAddress,
      allowedSenders: value.allowedSenders,
    };
    return answer(200, await senderTests.testForUser(user, subject, { sendTo: value.sendTo, lang: preferredLanguage(c) }, oauth));
  });
  serve(app, testProfile, async (c, answer) => {
    const user = c.get('user');
    const row = await store.getProfile(c.req.param('id'));
    if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    // The body is optional: `{}`, `{"sendTo": …}` or nothing at all.
    const hasBody = (await c.req.text()).trim().length > 0;
    const { sendTo } = hasBody ? (await readJsonBody(c, zProfileTestRequest)).value : {};
    const opened = openProfileSecrets(row, cipher);
    const subject = subjectOfProfile(opened);
    // OAuth2: signs in with a real access token (XOAUTH2), the one delivery would use.
    const oauth = opened.data.auth.type === 'oauth2' ? senderTests.oauthSourceFor(opened, { saved: true, row }) : undefined;
    const result = await senderTests.testForUser(user, subject, { sendTo, lang: preferredLanguage(c) }, oauth);
    const verified = senderTests.verifiedByTest(user, row, await store.getProfile(row.id), result);
    if (verified) await store.updateProfile(verified);
    return answer(200, result);
  });
  return app;
}
