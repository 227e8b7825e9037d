/**
 * Generated requests over the relay's whole HTTP surface, read from its own /openapi.json: for every route
 * and method, as an admin, a member and without a token, requests with bodies valid by the route's schema
 * but with edge values (and wrong types, extra and missing members), malformed JSON, wrong content types,
 * odd and repeated headers, odd path parameters and queries, sent byte for byte to a real relay process.
 *
 * The promises held: never a 5xx; every refusal is JSON with a `code` of the catalogue (shared/errors.ts)
 * and that code's status; no stored secret (mailbox passwords, app password, tokens, passwords in the
 * generated bodies) in any answer or log line; the process still serves afterwards; and the store is whole:
 * every send has its messages, every message its complete, parseable body, and the lists still read.
 *
 * Bounded and seeded: FUZZ_RUNS runs per route and role (default 8), FUZZ_SEED (default below); a failure
 * prints the seed, the path and the request to replay it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../shared/errors';
import { zMessageView, zProfileView, zUserWithAllowancesView } from '../../shared/api-schemas';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { SQLITE_FILE_NAME } from '../../relay/store/open-store';
import { PostgresStore } from '../../relay/store/postgres/postgres-store';
import { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import type { Store } from '../../relay/store/types';
import { asText, EDGE_STRINGS, encode, fromSchema, oddHeaders, oddPathParameter, oddQuery, rawHttp, schemaContext, type RawResponse } from '../helpers/api-fuzz';
import { createSchema, databaseUrlWithSchema, dropSchema, freshSchemaName, postgresRelayEnv, TEST_DATABASE_URL } from '../helpers/postgres';
import { startRelayProcess, type RelayProcess } from '../helpers/relay-process';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const ROLES = ['admin', 'member', 'none'] as const;
type Role = (typeof ROLES)[number];

/** Bodies no JSON parser should take, and some it takes that are still not a request. */
const BROKEN_BODIES = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"a":1,}',
  "{'a':1}",
  '\ufeff{}',
  '"\\ud800"',
  '1e99999',
  '[]',
  '"text"',
  'null',
  '0',
  '{"__proto__":{"isAdmin":true}}',
  '{"a":"\\u0000"}',
  '['.repeat(20_000),
  '{"a":'.repeat(500) + '1' + '}'.repeat(500),
  `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`,
  '\xff\xfe\x00{',
];

interface Operation {
  method: string;
  path: string;
  op: any;
}

interface Fixture {
  relay: RelayProcess;
  port: number;
  tokens: Record<Exclude<Role, 'none'>, string>;
  /** Values a stored secret has: none may appear in an answer or a log line. */
  secrets: string[];
  /** Ids of real records, for GET routes (requests that change things get only generated ids, so the fixtures stay). */
  knownIds: string[];
  profileIds: string[];
  doc: any;
  /** Reads the store's tables after the relay stopped. */
  query(sql: string): Promise<any[]>;
  close(): Promise<void>;
}

async function seedStore(store: Store) {
  const ids: Record<string, string> = {};
  const tokens = {} as Fixture['tokens'];
  for (const role of ['admin', 'member'] as const) {
    const user = await store.createUser({ id: randomUUID(), email: `${role}@firma.se`, name: role, role, createdAt: Date.now() });
    const token = newBearerToken();
    await store.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'fuzz', createdAt: Date.now() });
    ids[role] = user.id;
    tokens[role] = token;
  }
  await store.close();
  return { ids, tokens };
}

// Stored secrets to look for afterwards: the mailbox passwords of a company and a personal profile (and an app password).
const adminPassword = `Lösenord-admin-${randomBytes(9).toString('hex')}`;
const memberPassword = `Lösenord-member-${randomBytes(9).toString('hex')}`;

async function startFixture(kind: 'sqlite' | 'postgres', sink: TestSmtpServer): Promise<Fixture> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-fuzz-'));
  const schema = kind === 'postgres' ? await createSchema('ownpost_fuzz') : freshSchemaName('ownpost_fuzz');
  let store: Store;
  if (kind === 'postgres') {
    store = await PostgresStore.open(TEST_DATABASE_URL, { schema });
  } else {
    store = await SqliteStore.open(path.join(dataDir, SQLITE_FILE_NAME));
  }
  const { ids, tokens } = await seedStore(store);
  const relay = await startRelayProcess({
    OWNPOST_DATA_DIR: dataDir,
    OWNPOST_MASTER_KEY: randomBytes(32).toString('base64'),
    ...(kind === 'postgres' ? { OWNPOST_DATABASE_URL: databaseUrlWithSchema(schema) } : {}),
    OWNPOST_POLL: '100ms',
    OWNPOST_RETRY_DELAYS: '200ms,400ms',
    OWNPOST_TRANSPORT_IDLE: '100ms',
    // Only the sink's port besides the mail ports: a generated sender test elsewhere is refused at once.
    OWNPOST_ALLOWED_PORTS: String(sink.port),
    // No DNS server answers here: generated host names fail at once instead of waiting for the system's resolver.
    OWNPOST_DNS_SERVERS: '127.0.0.1:9',
    OWNPOST_DISCOVERY_TIMEOUT: '300ms',
  });
  const port = Number(new URL(relay.url).port);
  const call = async (token: string, method: string, target: string, body?: unknown) =>
    rawHttp(port, {
      method,
      target,
      headers: [
        ['Authorization', `Bearer ${token}`],
        ['Content-Type', 'application/json'],
      ],
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const company = await call(
    tokens.admin,
    'POST',
    '/v1/profiles',
    testProfile(sink.port, { fromAddress: 'admin@firma.se', scope: 'company', auth: { type: 'password', username: 'admin@firma.se', password: adminPassword } }),
  );
  expect(company.status, company.text).toBe(201);
  const personal = await call(
    tokens.member,
    'POST',
    '/v1/profiles',
    testProfile(sink.port, { fromAddress: 'member@firma.se', auth: { type: 'password', username: 'member@firma.se', password: memberPassword } }),
  );
  expect(personal.status, personal.text).toBe(201);
  const appPassword = await call(tokens.member, 'POST', '/v1/app-passwords', { name: 'Planfix' });
  expect(appPassword.status, appPassword.text).toBe(201);
  const sent = await call(tokens.member, 'POST', '/v1/messages', { profileId: (personal.json as any).id, to: ['kund@exempel.se'], subject: 'Faktura 1', text: 'Hej' });
  expect(sent.status, sent.text).toBe(202);
  const doc = (await rawHttp(port, { method: 'GET', target: '/openapi.json', headers: [] })).json;
  const profileIds = [(company.json as any).id, (personal.json as any).id];
  return {
    relay,
    port,
    tokens,
    secrets: [adminPassword, memberPassword, (appPassword.json as any).password, tokens.admin, tokens.member],
    knownIds: [...profileIds, ids.admin!, ids.member!, (sent.json as any).id, (appPassword.json as any).id],
    profileIds,
    doc,
    async query(sql) {
      if (kind === 'sqlite') {
        const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
        try {
          return db.prepare(sql).all();
        } finally {
          db.close();
        }
      }
      const client = new pg.Client({ connectionString: databaseUrlWithSchema(schema) });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    },
    async close() {
      await relay.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') await dropSchema(schema);
    },
  };
}

function operationsOf(doc: any): Operation[] {
  return Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item as object).map(([method, op]) => ({ method: method.toUpperCase(), path: p, op })));
}

interface GeneratedRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body?: string | undefined;
  version?: string;
  omitHost?: boolean;
}

/** The request line and Host in odd forms: other methods (never HEAD: its answers have no body to check), absolute and doubled targets, HTTP/1.0, no Host. */
const requestForms = fc.oneof(
  { arbitrary: fc.constant({ method: undefined, prefix: '', version: 'HTTP/1.1', omitHost: false }), weight: 8 },
  {
    arbitrary: fc.record({
      method: fc.constantFrom(undefined, 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO', 'get'),
      prefix: fc.constantFrom('', '/', 'http://127.0.0.1', 'http://evil.example', 'https://127.0.0.1:1'),
      version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.9'),
      omitHost: fc.boolean(),
    }),
    weight: 2,
  },
);

/** One generated request for `operation` as `role`. */
function requestsFor(operation: Operation, role: Role, f: Fixture, context: ReturnType<typeof schemaContext>): fc.Arbitrary<GeneratedRequest> {
  const parameters: any[] = operation.op.parameters ?? [];
  const pathNames = parameters.filter((p) => p.in === 'path');
  // Real ids only where nothing changes: a generated DELETE must not take the fixtures away.
  const known = operation.method === 'GET' ? f.knownIds : [];
  const pathValues = fc.tuple(
    ...pathNames.map((p) =>
      fc.oneof(
        oddPathParameter(known),
        fromSchema(p.schema, context, 0, 0, p.name).map((v) => encode(asText(v))),
      ),
    ),
  );
  const bodySchema = operation.op.requestBody?.content?.['application/json']?.schema;
  const asJson = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' as string | undefined });
  const bodies: fc.Arbitrary<{ body: string | undefined; contentType: string | undefined }> = fc.oneof(
    { arbitrary: fromSchema(bodySchema ?? { type: 'object' }, context, 0.15).map(asJson), weight: bodySchema ? 6 : 1 },
    { arbitrary: fromSchema(bodySchema ?? { type: 'object' }, context, 0).map(asJson), weight: bodySchema ? 2 : 0 },
    { arbitrary: fromSchema(bodySchema ?? { type: 'object' }, { ...context, edges: false }, 0).map(asJson), weight: bodySchema ? 3 : 0 },
    { arbitrary: fc.constantFrom(...BROKEN_BODIES).map((body) => ({ body, contentType: 'application/json' })), weight: 2 },
    {
      arbitrary: fc
        .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', undefined)
        .chain((contentType) => fromSchema(bodySchema ?? { type: 'object' }, context, 0).map((value) => ({ body: JSON.stringify(value), contentType }))),
      weight: 1,
    },
    { arbitrary: fc.constant({ body: undefined, contentType: undefined }), weight: bodySchema ? 1 : 4 },
  );
  const idempotencyKey =
    operation.path === '/v1/messages' && operation.method === 'POST'
      ? fc.option(fc.constantFrom(...EDGE_STRINGS.filter((s) => s.length < 300 && !/[\r\n\0]/.test(s)), randomUUID()))
      : fc.constant(null);
  // A careful client's request: a body by the schema with plain values, real ids for reading, no odd header or query.
  const careful = fc.record({
    pathValues: fc.tuple(
      ...pathNames.map((p) => (known.length && p.name === 'id' ? fc.constantFrom(...known) : fromSchema(p.schema, { ...context, edges: false }, 0, 0, p.name).map((v) => encode(asText(v))))),
    ),
    query: fc.constantFrom('', '?lang=sv', '?lang=de'),
    body: fromSchema(bodySchema ?? { type: 'object' }, { ...context, edges: false }, 0).map((value) => (bodySchema ? asJson(value) : { body: undefined, contentType: undefined })),
    headers: fc.constant<[string, string][]>([]),
    idempotencyKey: fc.option(fc.uuid()),
  });
  const odd = fc.record({ pathValues, query: oddQuery(parameters, context), body: bodies, headers: oddHeaders(), idempotencyKey, form: requestForms });
  const plainForm = { method: undefined, prefix: '', version: 'HTTP/1.1', omitHost: false };
  return fc.oneof({ arbitrary: odd, weight: 3 }, { arbitrary: careful.map((r) => ({ ...r, form: plainForm })), weight: 1 }).map(({ pathValues, query, body, headers, idempotencyKey, form }) => {
    let i = 0;
    const target = form.prefix + operation.path.replace(/\{[^}]+\}/g, () => pathValues[i++] as string) + query;
    return {
      method: form.method ?? operation.method,
      version: form.version,
      omitHost: form.omitHost,
      target,
      headers: [
        ...(role === 'none' ? [] : ([['Authorization', `Bearer ${f.tokens[role]}`]] as [string, string][])),
        ...(body.contentType ? ([['Content-Type', body.contentType]] as [string, string][]) : []),
        ...(idempotencyKey !== null ? ([['Idempotency-Key', idempotencyKey.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?')]] as [string, string][]) : []),
        ...headers,
      ],
      body: body.body,
    };
  });
}

/** Everything the relay promises of one answer. */
function checkAnswer(request: GeneratedRequest, res: RawResponse, secrets: readonly string[]) {
  const what = `${request.method} ${request.target.slice(0, 300)} → ${res.status} ${res.text.slice(0, 500)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    const code = (res.json as any)?.error?.code;
    expect(Object.keys(ERROR_STATUS), `${what}: a code of the catalogue`).toContain(code);
    expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS], `${what}: the status of its code`).toBe(res.status);
    expect(typeof (res.json as any).error.message, what).toBe('string');
  }
  const whole = JSON.stringify(res.headers) + res.text;
  for (const secret of secrets) expect(whole.includes(secret), `${what}: a stored secret in the answer`).toBe(false);
}

function fuzzSuite(kind: 'sqlite' | 'postgres') {
  let sink: TestSmtpServer;
  let f: Fixture;
  let context: ReturnType<typeof schemaContext>;
  const answered = { requests: 0, byStatus: new Map<number, number>() };
  beforeAll(async () => {
    sink = await startSmtpServer({ users: { 'admin@firma.se': adminPassword, 'member@firma.se': memberPassword } });
    f = await startFixture(kind, sink);
    context = schemaContext(f.doc);
    // The senders' own addresses as From and Reply-To, so that some generated sends pass the sender rules.
    context.known = { profileId: f.profileIds, from: ['admin@firma.se', 'member@firma.se'], replyTo: ['admin@firma.se', 'member@firma.se'] };
  }, 60_000);
  afterAll(async () => {
    await f?.close();
    await sink?.close();
  });

  it('answers every generated request to every route, as every role, with a catalogued refusal or an answer, and leaks no secret', async () => {
    const operations = operationsOf(f.doc);
    expect(operations.length).toBeGreaterThan(40);
    let seed = SEED;
    for (const operation of operations) {
      for (const role of ROLES) {
        const property = fc.asyncProperty(requestsFor(operation, role, f, context), async (request) => {
          const res = await rawHttp(f.port, { ...request, timeoutMs: 20_000 });
          answered.requests++;
          if (process.env.FUZZ_DEBUG && `${operation.method} ${operation.path}` === process.env.FUZZ_DEBUG) console.log(role, res.status, res.text.slice(0, 300));
          answered.byStatus.set(res.status, (answered.byStatus.get(res.status) ?? 0) + 1);
          if (res.status === 0) {
            // Refused by closing while the body still came (helpers/api-fuzz.ts): it must still serve.
            expect((await rawHttp(f.port, { method: 'GET', target: '/healthz', headers: [] })).status).toBe(200);
            return;
          }
          checkAnswer(request, res, [...f.secrets, ...context.secrets]);
        });
        const result = await fc.check(property, { numRuns: RUNS, seed: seed++, endOnFailure: true });
        if (result.failed) {
          throw new Error(
            `${operation.method} ${operation.path} as ${role}: seed ${result.seed}, path "${result.counterexamplePath}"\n` +
              `request: ${JSON.stringify(result.counterexample?.[0], (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v))}\n${String(result.errorInstance).slice(0, 3000)}`,
          );
        }
      }
    }
    expect(f.relay.child.exitCode).toBeNull();
    console.log(`${kind}: ${operations.length} operations × ${ROLES.length} roles × ${RUNS} runs = ${answered.requests} requests; statuses ${JSON.stringify(Object.fromEntries(answered.byStatus))}`);
  }, 600_000);

  it('still serves afterwards, lists well-formed records, and logged no secret', async () => {
    expect(f.relay.child.exitCode).toBeNull();
    const get = (token: string, target: string) => rawHttp(f.port, { method: 'GET', target, headers: [['Authorization', `Bearer ${token}`]] });
    expect((await rawHttp(f.port, { method: 'GET', target: '/healthz', headers: [] })).status).toBe(200);
    expect((await rawHttp(f.port, { method: 'GET', target: '/readyz', headers: [] })).status).toBe(200);
    for (const role of ['admin', 'member'] as const) {
      const profiles = await get(f.tokens[role], '/v1/profiles');
      expect(profiles.status, profiles.text).toBe(200);
      for (const p of (profiles.json as any).profiles) zProfileView.parse(p);
      const messages = await get(f.tokens[role], '/v1/messages?limit=100');
      expect(messages.status, messages.text).toBe(200);
      for (const m of (messages.json as any).messages) zMessageView.parse(m);
      for (const route of ['/v1/me', '/v1/me/devices', '/v1/recipes', '/v1/templates', '/v1/customers?name=a', '/v1/app-passwords', '/v1/oauth/providers']) {
        const res = await get(f.tokens[role], route);
        expect(res.status, `${route} ${res.text.slice(0, 300)}`).toBe(200);
      }
    }
    const users = await get(f.tokens.admin, '/v1/users');
    expect(users.status).toBe(200);
    for (const u of (users.json as any).users) zUserWithAllowancesView.parse(u);
    // The messages accepted meanwhile were delivered or are on their way; none is stuck half-sent.
    await waitFor(
      'every accepted message to settle',
      async () => ((await get(f.tokens.admin, '/v1/messages?limit=100')).json as any).messages.filter((m: any) => m.status === 'sending'),
      (sending) => sending.length === 0,
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    const log = f.relay.log() + f.relay.stdout();
    for (const secret of [...f.secrets, ...context.secrets]) expect(log.includes(secret), `a secret in the log: ${secret.slice(0, 40)}`).toBe(false);
    expect(log).not.toMatch(/internal error|unhandled|uncaught/i);
  });

  it('leaves the store whole: every send has its messages, every message its complete body', async () => {
    await f.relay.kill('SIGTERM');
    const orphanSends = await f.query('SELECT s.id FROM sends s WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.send_id = s.id)');
    expect(orphanSends).toEqual([]);
    const orphanMessages = await f.query('SELECT m.id FROM messages m WHERE m.send_id IS NULL OR NOT EXISTS (SELECT 1 FROM sends s WHERE s.id = m.send_id)');
    expect(orphanMessages).toEqual([]);
    const messages = await f.query('SELECT id, size_bytes, part_count FROM messages');
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      const body = await bodyOf(f, kind, m.id);
      expect(body.length, `message ${m.id}`).toBe(Number(m.size_bytes));
      const parsed = await simpleParser(body);
      expect(parsed.headers.get('from'), `message ${m.id}`).toBeDefined();
      expect(parsed.messageId, `message ${m.id}`).toBeTruthy();
    }
    const tokens = await f.query('SELECT t.hash FROM tokens t WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)');
    expect(tokens).toEqual([]);
    for (const p of await f.query('SELECT data FROM profiles')) expect(() => JSON.parse(p.data)).not.toThrow();
  });
}

async function bodyOf(f: Fixture, kind: 'sqlite' | 'postgres', id: string): Promise<Buffer> {
  const whole = kind === 'sqlite' ? await f.query(`SELECT raw FROM message_bodies WHERE message_id = '${id}'`) : await f.query(`SELECT raw FROM messages WHERE id = '${id}' AND raw IS NOT NULL`);
  if (whole[0]) return Buffer.from(whole[0].raw);
  const chunks = await f.query(`SELECT bytes FROM message_body_chunks WHERE message_id = '${id}' ORDER BY seq`);
  return Buffer.concat(chunks.map((c) => Buffer.from(c.bytes)));
}

describe('the HTTP API under generated requests, on SQLite', () => fuzzSuite('sqlite'));
describe('the HTTP API under generated requests, on PostgreSQL', () => fuzzSuite('postgres'));

/** What the properties found, kept as plain examples, on both stores. */
describe.each(['sqlite', 'postgres'] as const)('inputs the properties found, on %s', (kind) => {
  let t: TestRelay;
  let admin: string;
  let schema: string | undefined;
  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (kind === 'postgres') ({ schema, env } = await postgresRelayEnv('ownpost_fuzz_found'));
    t = await startTestRelay({}, env);
    admin = (await t.addUser('admin@firma.se', 'admin')).token;
  });
  afterAll(async () => {
    await t?.close();
    if (schema) await dropSchema(schema);
  });

  it('refuses %00 in a path parameter or the query as validation_failed (PostgreSQL answered 500)', async () => {
    for (const target of ['/v1/profiles/%00/test', '/v1/profiles/%00', '/v1/customers?name=%00', '/v1/messages?documentRef=a%00b']) {
      const res = await t.request(target.includes('/test') ? 'POST' : 'GET', target, { token: admin, ...(target.includes('/test') ? { body: { sendTo: '(v' } } : {}) });
      expect(res.status, target).toBe(400);
      expect(res.body.error.code, target).toBe('validation_failed');
    }
  });

  it('refuses \\u0000 in a JSON string or key as validation_failed, and keeps an escaped backslash before "u0000"', async () => {
    for (const rawBody of ['{"name":"a\\u0000b"}', '{"a\\u0000":"x","name":"n"}', '{"name":"\\\\\\u0000"}']) {
      const res = await t.request('POST', '/v1/app-passwords', { token: admin, rawBody });
      expect(res.status, rawBody).toBe(400);
      expect(res.body.error.code, rawBody).toBe('validation_failed');
    }
    const literal = await t.request('POST', '/v1/app-passwords', { token: admin, rawBody: '{"name":"C:\\\\u0000"}' });
    expect(literal.status).toBe(201);
    expect(literal.body.name).toBe('C:\\u0000');
  });
});

describe("what Node's HTTP server refuses before the app", () => {
  let t: TestRelay;
  let port: number;
  beforeAll(async () => {
    t = await startTestRelay();
    port = Number(new URL(await t.relay.listen()).port);
  });
  afterAll(() => t?.close());

  it('is answered as JSON with a catalogued code, not a bare status (a header with control characters, headers over 16 KB, a broken request line, no or a broken Host)', async () => {
    const cases: [Parameters<typeof rawHttp>[1], number, string][] = [
      [{ method: 'GET', target: '/healthz', headers: [['V', '\u0011hS\u0001[!k']] }, 400, 'malformed_request'],
      [{ method: 'GET', target: '/healthz', headers: [['X-Big', 'b'.repeat(20_000)]] }, 431, 'headers_too_large'],
      [{ method: 'GET', target: '/healthz x', headers: [] }, 400, 'malformed_request'],
      // Refused by Node (no Host in HTTP/1.1) and by @hono/node-server (no URL can be made of it), also with bare statuses before.
      [{ method: 'GET', target: '/healthz', headers: [], omitHost: true }, 400, 'malformed_request'],
      [{ method: 'OPTIONS', target: '*', headers: [] }, 400, 'malformed_request'],
      [{ method: 'GET', target: '/healthz', headers: [['Host', '127.0.0.1:99999']] }, 400, 'malformed_request'],
      [{ method: 'GET', target: '/healthz', headers: [['Host', '[::1']] }, 400, 'malformed_request'],
      [{ method: 'GET', target: '/healthz', headers: [['Host', '127.0.0.1@evil.example']] }, 400, 'malformed_request'],
    ];
    for (const [request, status, code] of cases) {
      const res = await rawHttp(port, request);
      expect(res.status, request.target).toBe(status);
      expect(res.headers['content-type']).toBe('application/json');
      expect((res.json as any).error.code).toBe(code);
    }
    expect((await rawHttp(port, { method: 'GET', target: '/healthz', headers: [] })).status).toBe(200);
    // HTTP/1.0 needs no Host: the relay's own name stands in.
    expect((await rawHttp(port, { method: 'GET', target: '/healthz', headers: [], omitHost: true, version: 'HTTP/1.0' })).status).toBe(200);
  });
});
