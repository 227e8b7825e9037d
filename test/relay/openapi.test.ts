/**
 * `/openapi.json` is generated from the zod schemas, lists every route the app serves, and describes
 * the answers truthfully: real answers parse with the strict response schemas the document is made of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zErrorBody, zHealthResponse, zMessageView, zProfileView, zSendAcceptedView, zUserView, zUserWithAllowancesView } from '../../shared/api-schemas';
import { toOpenApiPath } from '../../relay/routes/openapi-routes';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { createProfile, mailboxProfile, MAILBOX_PASSWORD, waitForFinal } from '../helpers/sender-rules';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let smtp: TestSmtpServer;
let admin: string;
let doc: any;
beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'faktura@firma.se': MAILBOX_PASSWORD } });
  t = await startTestRelay();
  admin = (await t.addUser('admin@firma.se', 'admin')).token;
  doc = (await t.request('GET', '/openapi.json')).body;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document served without a token', async () => {
    const res = await t.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.version).toBe(t.config.version);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists every route the relay serves', () => {
    const served = t.relay.app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'));
    expect(served.length).toBeGreaterThan(10);
    for (const route of served) {
      expect(doc.paths[toOpenApiPath(route.path)]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('describes the sender API completely: request bodies, answers and error codes from the schemas', () => {
    for (const [path, method] of [
      ['/v1/profiles', 'post'],
      ['/v1/profiles/{id}', 'patch'],
      ['/v1/users/{id}', 'patch'],
      ['/v1/discover', 'get'],
      ['/v1/messages', 'post'],
    ] as const) {
      const op = doc.paths[path][method];
      expect(op['x-undescribed'], `${method} ${path}`).toBeUndefined();
      expect(op.responses['403'] ?? op.responses['400'], `${method} ${path}`).toBeDefined();
    }
    const send = doc.paths['/v1/messages'].post;
    expect(send.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/MessageInput' });
    expect(send.responses['403'].description).toMatch(/sender_not_allowed.*member_sender_not_allowed.*reply_to_not_allowed/);
    expect(send.responses['422'].description).toMatch(/no_sender_profile.*profile_unusable/);

    const input = doc.components.schemas.ProfileInput;
    expect(input.properties.smtp.properties.minTlsVersion.enum).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    expect(input.properties.smtp.properties.ciphers.enum).toEqual(['default', 'strong', 'compatible']);
    expect(input.properties.smtp.additionalProperties).toBe(false);
    expect(input.properties.sites.type).toBe('array');
    expect(input.properties.senderStyle.default).toBe('sender_header');
    expect(input.required).toEqual(expect.arrayContaining(['name', 'fromAddress', 'smtp', 'auth']));
    expect(input.required).not.toContain('sites');
    expect(doc.components.schemas.MessageInput.properties.from.type).toBe('string');
    expect(doc.components.schemas.Profile.properties.auth).toBeDefined();
    // Secrets are write-only: the answer has `hasPassword`, never a `password` property.
    expect(JSON.stringify(doc.components.schemas.Profile)).not.toMatch(/"password":\{/);
    expect(JSON.stringify(doc.components.schemas.Profile)).toMatch(/"hasPassword":\{/);
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain('reply_to_not_allowed');
  });

  it('tells the truth: real answers parse with the schemas the document is generated from', async () => {
    zHealthResponse.parse((await t.request('GET', '/healthz')).body);
    zUserView.parse((await t.request('GET', '/v1/me', { token: admin })).body);
    const profileId = await createProfile(
      t,
      admin,
      mailboxProfile(smtp.port, 'faktura@firma.se', { scope: 'company', sites: ['*.erp.example'], projects: ['Nord'], replyTo: 'ekonomi@firma.se', isFallback: true }),
    );
    const profile = await t.request('GET', `/v1/profiles/${profileId}`, { token: admin });
    zProfileView.parse(profile.body);
    for (const p of (await t.request('GET', '/v1/profiles', { token: admin })).body.profiles) zProfileView.parse(p);
    for (const u of (await t.request('GET', '/v1/users', { token: admin })).body.users) zUserWithAllowancesView.parse(u);
    const sent = await t.request('POST', '/v1/messages', { token: admin, body: { profileId, to: ['kund@exempel.se'], subject: 'schema' } });
    zSendAcceptedView.parse(sent.body);
    zMessageView.parse(await waitForFinal(t, admin, sent.body.id));
    zErrorBody.parse((await t.request('POST', '/v1/messages', { token: admin, body: { profileId, replyTo: 'x@evil.example', to: ['k@exempel.se'], subject: 'x' } })).body);
    zErrorBody.parse((await t.request('GET', '/v1/profiles/nope', { token: admin })).body);
  });
});
