/**
 * Signing in with an OAuth2 access token (XOAUTH2) in a sender test. The API reaches this once a
 * profile signs in with OAuth2 (issue 8 fetches the token); here the runner is called directly,
 * against smtp-server checking the token as Exchange Online does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnosis, type DiagnosisEnvironment } from '../../relay/diagnosis/run-diagnosis';
import { createHostResolver } from '../../relay/net/resolve-host';
import { parsePortRanges } from '../../relay/net/port-policy';
import { certs } from '../helpers/certs';
import { expectFailure, TEST_STEP_TIMEOUT_MS } from '../helpers/diagnosis-relay';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const GOOD_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.good';

const env: DiagnosisEnvironment = {
  resolveHost: createHostResolver({ timeoutMs: TEST_STEP_TIMEOUT_MS }),
  allowPrivateHosts: true,
  extraSmtpPorts: parsePortRanges('1024-65535'),
  stepTimeoutMs: TEST_STEP_TIMEOUT_MS,
  extraCa: [certs.ca],
};

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer({
    server: {
      authMethods: ['XOAUTH2'],
      authOptional: false,
      disabledCommands: [],
      onAuth(auth, _session, callback) {
        if (auth.method === 'XOAUTH2' && auth.username === 'anna@firma.se' && auth.accessToken === GOOD_TOKEN) return callback(null, { user: auth.username });
        callback(Object.assign(new Error('5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]'), { responseCode: 535 }));
      },
    },
  });
});
afterAll(() => smtp.close());

const subject = (accessToken: string) => ({
  smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' as const },
  credentials: { username: 'anna@firma.se', accessToken },
  fromAddress: 'anna@firma.se',
  allowedSenders: [],
});

describe('XOAUTH2 in a sender test', () => {
  it('signs in with a valid token and delivers the test message', async () => {
    const { result, signIn } = await runDiagnosis(subject(GOOD_TOKEN), { lang: 'en' }, env);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.stages.find((s) => s.stage === 'auth')).toMatchObject({ ok: true, mechanism: 'XOAUTH2' });
    expect(signIn).toBe('accepted');
    expect(JSON.stringify(result)).not.toContain(GOOD_TOKEN);
  });

  it('names a rejected token (Exchange Online 535 5.7.3 after XOAUTH2)', async () => {
    const { result, signIn } = await runDiagnosis(subject('expired-token'), { lang: 'en' }, env);
    expectFailure(result, { stage: 'auth', code: 'ms_oauth_token_rejected' });
    expect(result.stages.at(-1)!.reply).toBe('535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]');
    expect(signIn).toBe('refused');
  });
});
