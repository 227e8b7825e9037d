import { describe, expect, it } from 'vitest';
import { DECISION_TABLE, decideAfterFailure, type RetrySchedule } from '../../relay/delivery/retry-decision';

const SCHEDULE: RetrySchedule = { retryDelaysMs: [60_000, 300_000, 900_000], authAttempts: 3, quotaRetryDelayMs: 3_600_000 };
const NOW = 1_800_000_000_000;
const noJitter = () => 0.5;

/** Errors as nodemailer reports them: code, command, response and responseCode. */
function reply(response: string, command = 'DATA') {
  const responseCode = Number(response.slice(0, 3));
  return Object.assign(new Error(`Message failed: ${response}`), { code: command.startsWith('AUTH') ? 'EAUTH' : 'EMESSAGE', response, responseCode, command });
}

const CASES: { name: string; error: unknown; attemptsBefore?: number; outcome: 'deferred' | 'failed'; problem: string; delay?: number }[] = [
  { name: '421 4.7.0 try again later (Gmail)', error: reply('421 4.7.0 Try again later, closing connection.', 'MAIL FROM'), outcome: 'deferred', problem: 'rate_limited', delay: 60_000 },
  { name: '451 4.3.0 local error', error: reply('451 4.3.0 Error: queue file write error'), outcome: 'deferred', problem: 'server_temporary', delay: 60_000 },
  {
    name: '432 4.3.2 fourth connection (Microsoft 365)',
    error: reply('432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded', 'MAIL FROM'),
    outcome: 'deferred',
    problem: 'ms_concurrent_connections',
  },
  { name: 'a dropped connection', error: Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'DATA' }), outcome: 'deferred', problem: 'connection_dropped' },
  { name: 'a socket timeout', error: Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT', command: 'DATA', timeoutType: 'SOCKET_TIMEOUT' }), outcome: 'deferred', problem: 'connection_timeout' },
  {
    name: 'a greeting that never comes',
    error: Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT' }),
    outcome: 'deferred',
    problem: 'greeting_timeout',
  },
  { name: '550 5.7.60 send-as denied', error: reply('550 5.7.60 SMTP; Client does not have permissions to send as this sender'), outcome: 'failed', problem: 'send_as_denied' },
  { name: '550 5.1.1 unknown recipient', error: reply('550 5.1.1 <nobody@exempel.se>: Recipient address rejected', 'RCPT TO'), outcome: 'failed', problem: 'recipient_rejected' },
  { name: '552 5.3.4 too big', error: reply('552 5.3.4 Error: message file too big'), outcome: 'failed', problem: 'message_too_large' },
  {
    name: '454 4.7.0 TLS not available on a required-STARTTLS profile',
    error: reply('454 4.7.0 TLS not available due to local problem', 'STARTTLS'),
    outcome: 'failed',
    problem: 'starttls_not_offered',
  },
  { name: '535 5.7.8 wrong password, first attempt', error: reply('535 5.7.8 Authentication credentials invalid', 'AUTH PLAIN'), outcome: 'deferred', problem: 'auth_failed' },
  { name: '535 5.7.8 wrong password, third attempt', error: reply('535 5.7.8 Authentication credentials invalid', 'AUTH PLAIN'), attemptsBefore: 2, outcome: 'failed', problem: 'auth_failed' },
  { name: '535 5.7.139 account locked: never again', error: reply('535 5.7.139 Authentication unsuccessful, account locked.', 'AUTH LOGIN'), outcome: 'failed', problem: 'ms_account_locked' },
  {
    name: '550 5.4.5 daily quota: later, not before an hour',
    error: reply('550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852', 'MAIL FROM'),
    outcome: 'deferred',
    problem: 'daily_quota_exceeded',
    delay: 3_600_000,
  },
  {
    name: '550 5.4.5 daily quota after the schedule ran out',
    error: reply('550 5.4.5 Daily user sending limit exceeded.', 'MAIL FROM'),
    attemptsBefore: 3,
    outcome: 'failed',
    problem: 'daily_quota_exceeded',
  },
  // Issue 15: a mail server that is down is temporary, whatever OWNPOST_AUTH_ATTEMPTS says.
  {
    name: 'connection refused after as many attempts as sign-ins get',
    error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), { code: 'ESOCKET', command: 'CONN' }),
    attemptsBefore: 2,
    outcome: 'deferred',
    problem: 'connection_refused',
  },
  {
    name: 'no greeting after as many attempts as sign-ins get',
    error: Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT' }),
    attemptsBefore: 2,
    outcome: 'deferred',
    problem: 'greeting_timeout',
  },
  {
    name: 'a name that does not resolve after as many attempts as sign-ins get',
    error: Object.assign(new Error('getaddrinfo ENOTFOUND smtp.firma.se'), { code: 'EDNS', command: 'CONN' }),
    attemptsBefore: 2,
    outcome: 'deferred',
    problem: 'host_not_found',
  },
  {
    name: 'a connect timeout after as many attempts as sign-ins get',
    error: Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'CONNECT_TIMEOUT' }),
    attemptsBefore: 2,
    outcome: 'deferred',
    problem: 'connection_timeout',
  },
  {
    name: 'connection refused after the schedule ran out',
    error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), { code: 'ESOCKET', command: 'CONN' }),
    attemptsBefore: 3,
    outcome: 'failed',
    problem: 'connection_refused',
  },
  { name: '451 after the schedule ran out', error: reply('451 4.3.0 Error: queue file write error'), attemptsBefore: 3, outcome: 'failed', problem: 'server_temporary' },
];

describe('the worker’s decision after a failed attempt', () => {
  it('is one table of failure kind against the catalogue’s retry policy', () => {
    expect(DECISION_TABLE).toEqual({
      temporary: { later: 'retry', limited: 'retry_few', never: 'fail' },
      permanent: { later: 'retry', limited: 'retry_few', never: 'fail' },
    });
  });

  it.each(CASES)('$name → $outcome ($problem)', ({ error, attemptsBefore = 0, outcome, problem, delay }) => {
    const decision = decideAfterFailure(error, attemptsBefore, SCHEDULE, NOW, noJitter);
    expect(decision.result.outcome).toBe(outcome);
    expect(decision.result.problemCode).toBe(problem);
    if (decision.result.outcome === 'deferred') {
      const wait = decision.result.nextAttemptAt - NOW;
      expect(wait).toBe(delay ?? SCHEDULE.retryDelaysMs[attemptsBefore]);
    }
  });

  it('keeps the server’s reply and code on the attempt', () => {
    const decision = decideAfterFailure(reply('451 4.3.0 Error: queue file write error'), 0, SCHEDULE, NOW, noJitter);
    expect(decision).toMatchObject({ reply: '451 4.3.0 Error: queue file write error', responseCode: 451, errorCode: 'EMESSAGE' });
  });

  it('spreads retries by ±10 % so that deferred messages do not return all at once', () => {
    const error = reply('451 4.3.0 busy');
    const low = decideAfterFailure(error, 0, SCHEDULE, NOW, () => 0).result;
    const high = decideAfterFailure(error, 0, SCHEDULE, NOW, () => 0.999999).result;
    expect(low.outcome === 'deferred' && low.nextAttemptAt - NOW).toBe(54_000);
    expect(high.outcome === 'deferred' && high.nextAttemptAt - NOW).toBe(66_000);
  });
});
