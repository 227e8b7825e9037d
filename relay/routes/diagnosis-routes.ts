import { Hono } from 'hono';
import { zDiagnoseRequest, zProfileTestRequest } from '../../shared/diagnosis-schemas';
import { defaultPort } from '../../shared/providers';
import { subjectOfProfile, type SenderTestService } from '../diagnosis/sender-test-service';
import type { DiagnosisSubject } from '../diagnosis/run-diagnosis';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { readJsonBody } from '../http/read-body';
import { openProfileSecrets } from '../profiles/profile-record';
import { canUseProfile } from '../profiles/resolve-profile';
import type { SecretCipher } from '../secrets/cipher';
import type { Store } from '../store/types';

export interface DiagnosisRouteDeps {
  store: Store;
  cipher: SecretCipher;
  senderTests: SenderTestService;
}

/**
 * Sender tests: `POST /v1/diagnose` for settings not saved yet, `POST /v1/profiles/:id/test` for a
 * saved profile. Both answer 200 with the test, passed or not; 4xx only when the relay refuses to
 * run it (bad input, limits, private hosts, ports).
 */
export function diagnosisRoutes({ store, cipher, senderTests }: DiagnosisRouteDeps) {
  return new Hono<AuthEnv>()
    .post('/v1/diagnose', async (c) => {
      const user = c.get('user');
      const { value } = await readJsonBody(c, zDiagnoseRequest);
      let credentials: DiagnosisSubject['credentials'];
      if (value.auth?.password !== undefined) {
        credentials = { username: value.auth.username, password: value.auth.password };
      } else if (value.profileId) {
        const row = await store.getProfile(value.profileId);
        if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
        credentials = senderTests.storedCredentials(user, row, value.auth?.username);
      }
      const subject: DiagnosisSubject = {
        smtp: {
          host: value.smtp.host,
          port: value.smtp.port || defaultPort(value.smtp.security),
          security: value.smtp.security,
          ...(value.smtp.ehloName ? { ehloName: value.smtp.ehloName } : {}),
          minTlsVersion: value.smtp.minTlsVersion,
          ciphers: value.smtp.ciphers,
        },
        ...(credentials ? { credentials } : {}),
        ...(value.fromName ? { fromName: value.fromName } : {}),
        fromAddress: value.fromAddress,
        allowedSenders: value.allowedSenders,
      };
      return c.json(await senderTests.testForUser(user, subject, { sendTo: value.sendTo, lang: preferredLanguage(c) }));
    })
    .post('/v1/profiles/:id/test', async (c) => {
      const user = c.get('user');
      const row = await store.getProfile(c.req.param('id'));
      if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
      // The body is optional: `{}`, `{"sendTo": …}` or nothing at all.
      const hasBody = (await c.req.text()).trim().length > 0;
      const { sendTo } = hasBody ? (await readJsonBody(c, zProfileTestRequest)).value : {};
      const subject = subjectOfProfile(openProfileSecrets(row, cipher));
      return c.json(await senderTests.testForUser(user, subject, { sendTo, lang: preferredLanguage(c) }));
    });
}
