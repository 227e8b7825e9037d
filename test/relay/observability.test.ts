// A relay IT can watch (issue 20): GET /metrics in Prometheus text format, and OWNPOST_LOG=json with
// one record a request and a request id. Against a real relay process, a real SMTP server, the CLI.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNPOST_BIN, startRelayProcess, type RelayProcess } from '../helpers/relay-process';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const run = promisify(execFile);
const PASSWORD = 'correct horse battery staple';
const METRICS_TOKEN = 'metrics-6f1e0c2b9a8d7e6f';
const QUERY_SECRET = 'leaked-in-a-query-3c9d';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-observability-'));
const env = { OWNPOST_DATA_DIR: dataDir, OWNPOST_MASTER_KEY: '', OWNPOST_LOG: 'json', OWNPOST_METRICS_TOKEN: METRICS_TOKEN, OWNPOST_TEST_LIMIT: '1/15m' };
const ownpost = async (...args: string[]) => (await run(process.execPath, [OWNPOST_BIN, ...args], { env: { ...process.env, ...env } })).stdout.trim().split('\n').pop()!;

let smtp: TestSmtpServer;
let relay: RelayProcess;
let pairingCode: string;
let adminToken: string;
let memberToken: string;

async function call(method: string, route: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${relay.url}${route}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** The value of one sample of the metrics text, e.g. `ownpost_outbox_messages{status="sent"}`. */
function sample(metrics: string, name: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD } });
  await ownpost('user', 'add', 'anna@firma.se', '--name', 'Anna Berg');
  await ownpost('user', 'add', 'bo@firma.se');
  pairingCode = await ownpost('pair', 'anna@firma.se');
  memberToken = await ownpost('token', 'bo@firma.se');
  relay = await startRelayProcess(env);
  const paired = await call('POST', '/v1/pair', { body: { code: pairingCode, device: 'Firefox on Anna’s laptop' } });
  expect(paired.status, paired.text).toBe(200);
  adminToken = paired.json().token;
}, 120_000); // four CLI runs and a relay start, each compiling TypeScript on a loaded machine

afterAll(async () => {
  await relay?.kill();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a relay IT can watch', () => {
  it('counts a send from accept to delivery, with the outbox by status', async () => {
    const profile = await call('POST', '/v1/profiles', {
      token: adminToken,
      body: {
        name: 'Office',
        fromName: 'Anna Berg',
        fromAddress: 'anna@firma.se',
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' },
        auth: { type: 'password', username: 'anna@firma.se', password: PASSWORD },
      },
    });
    expect(profile.status, profile.text).toBe(201);
    const sent = await call('POST', '/v1/messages', {
      token: adminToken,
      headers: { 'idempotency-key': 'metrics-1' },
      body: { profileId: profile.json().id, to: ['kund@exempel.se'], subject: 'Faktura 4711', text: 'Hej!', context: { documentRef: '4711' } },
    });
    expect(sent.status, sent.text).toBe(202);
    await smtp.waitForMessages(1, 20_000);
    // The worker records the attempt just after the server's 250.
    await expect.poll(async () => (await call('GET', `/v1/messages/${sent.json().id}`, { token: adminToken })).json().status, { timeout: 15_000 }).toBe('sent');

    // The worker counts the attempt once the commit of its result has come back from the store; another
    // request can see the row as sent a moment before that.
    const scrape = () => call('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    await expect.poll(async () => sample((await scrape()).text, 'ownpost_delivery_attempts_total{outcome="sent",problem_code="none"}'), { timeout: 5_000 }).toBe(1);
    const metrics = await scrape();
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(metrics.text, 'ownpost_outbox_messages{status="sent"}')).toBe(1);
    expect(sample(metrics.text, 'ownpost_outbox_messages{status="queued"}')).toBe(0);
    expect(sample(metrics.text, 'ownpost_delivery_attempts_total{outcome="sent",problem_code="none"}')).toBe(1);
    expect(sample(metrics.text, 'ownpost_messages_finished_total{outcome="sent",problem_code="none"}')).toBe(1);
    expect(sample(metrics.text, 'ownpost_message_accept_seconds_count')).toBe(1);
    expect(sample(metrics.text, 'ownpost_delivery_seconds_count{outcome="sent"}')).toBe(1);
    expect(sample(metrics.text, 'ownpost_smtp_connections_total{side="delivery"}')).toBe(1);
    expect(sample(metrics.text, 'ownpost_smtp_delivery_pools_open')).toBe(1);
    expect(sample(metrics.text, 'ownpost_http_requests_total{method="POST",route="/v1/messages",status="202"}')).toBe(1);
    expect(metrics.text).toMatch(/^ownpost_process_resident_memory_bytes \d+/m);
  });

  it('counts sender tests and the refusals of the rate limit', async () => {
    const test = {
      fromAddress: 'anna@firma.se',
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'starttls' },
      auth: { type: 'password', username: 'anna@firma.se', password: PASSWORD },
    };
    const passed = await call('POST', '/v1/diagnose', { token: adminToken, body: test });
    expect(passed.status, passed.text).toBe(200);
    expect(passed.json().ok).toBe(true);
    const refused = await call('POST', '/v1/diagnose', { token: adminToken, body: test });
    expect(refused.status).toBe(429);

    const metrics = (await call('GET', '/metrics', { token: adminToken })).text;
    expect(sample(metrics, 'ownpost_sender_tests_total{outcome="passed",problem_code="none"}')).toBe(1);
    expect(sample(metrics, `ownpost_rate_limited_total{reason="${refused.json().error.details.reason}"}`)).toBe(1);
  });

  it('lets only admins and OWNPOST_METRICS_TOKEN read the metrics', async () => {
    expect((await call('GET', '/metrics')).json().error.code).toBe('unauthorized');
    expect((await call('GET', '/metrics', { token: 'opt_not-a-token' })).status).toBe(401);
    expect((await call('GET', '/metrics', { token: `${METRICS_TOKEN}x` })).status).toBe(401);
    const member = await call('GET', '/metrics', { token: memberToken });
    expect(member.status).toBe(403);
    expect(member.json().error.code).toBe('forbidden');
    expect((await call('GET', '/metrics', { token: adminToken })).status).toBe(200);
  });

  it('logs one JSON record a request, with the id it answers in X-Request-Id and the path without its query', async () => {
    const answered = await call('GET', `/v1/messages?documentRef=4711&token=${QUERY_SECRET}`, { token: adminToken });
    expect(answered.status).toBe(200);
    const requestId = answered.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // A load balancer's id is kept; one that could forge log lines is replaced.
    expect((await call('GET', '/healthz', { headers: { 'x-request-id': 'lb-7f3a.42' } })).headers.get('x-request-id')).toBe('lb-7f3a.42');
    expect((await call('GET', '/healthz', { headers: { 'x-request-id': 'a","msg":"forged' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await expect.poll(() => relay.log().includes(requestId!)).toBe(true);
    const records = relay
      .log()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const record of records) expect(record).toMatchObject({ time: expect.any(String), level: 'info', msg: expect.any(String) });
    expect(records.find((record) => record.requestId === requestId)).toEqual({
      time: expect.any(String),
      level: 'info',
      msg: 'request',
      requestId,
      method: 'GET',
      path: '/v1/messages',
      status: 200,
      ms: expect.any(Number),
    });
    expect(records.filter((record) => record.msg === 'request' && record.path === '/v1/pair')).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);
  });

  it('never writes a password, a token, a pairing code or a query string secret to the log (secret leak in logs)', () => {
    const log = relay.log();
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, adminToken, memberToken, METRICS_TOKEN, pairingCode, QUERY_SECRET]) expect(log).not.toContain(secret);
  });
});
