/**
 * `/openapi.json` is generated from the zod schemas, lists every route the app serves, and describes
 * the answers truthfully: real answers parse with the strict response schemas the document is made of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zErrorBody, zHealthResponse, zMeView, zMessageView, zProfileView, zSendAcceptedView, zUserWithAllowancesView } from '../../shared/api-schemas';
import { zOAuthProvidersView } from '../../shared/oauth-schemas';
import { zDeliverySettingsView } from '../../shared/schemas';
import { zTemplateList } from '../../shared/template-schemas';
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

  it('describes every route from its own declaration: no route is left "not described yet", and none is described but not served', () => {
    const served = new Set(t.relay.app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`));
    const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops as object).map(([method, op]) => ({ key: `${method} ${path}`, op })));
    expect(described.map((d) => d.key).sort()).toEqual([...served].sort());
    for (const { key, op } of described) {
      expect(op['x-undescribed'], key).toBeUndefined();
      expect(op.summary, key).not.toMatch(/not described/i);
      const statuses = Object.keys(op.responses).map(Number);
      expect(
        statuses.some((s) => s < 300),
        `${key}: its answer`,
      ).toBe(true);
      // Every route can at least fail inside the relay (500); the guards in front of it answer 403.
      expect(op.responses['500'].description, key).toMatch(/internal_error/);
      expect(op.responses['403'].description, key).toMatch(/host_not_allowed/);
      if (op.security.length) expect(op.responses['401'].description, key).toMatch(/unauthorized/);
      for (const [status, answer] of Object.entries(op.responses) as [string, any][]) {
        if (Number(status) >= 400) expect(answer.content['application/json'].schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  it('describes path parameters, queries and bodies from the same schemas the routes use', () => {
    const put = doc.paths['/v1/templates/{kind}/{language}'].put;
    const kind = put.parameters.find((p: any) => p.name === 'kind' && p.in === 'path');
    expect(kind.required).toBe(true);
    expect(kind.schema.enum).toContain('invoice');
    expect(put.parameters.find((p: any) => p.name === 'scope' && p.in === 'query').schema.enum).toEqual(['company', 'personal']);
    expect(doc.paths['/v1/discover'].get.parameters.find((p: any) => p.name === 'email').required).toBe(true);
    expect(doc.paths['/v1/profiles/{id}'].get.parameters.find((p: any) => p.name === 'id').in).toBe('path');
    expect(doc.paths['/v1/profiles/{id}/test'].post.requestBody.required).toBe(false);
    expect(doc.paths['/v1/profiles/{id}/delivery'].put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/DeliverySettingsInput' });
    expect(doc.paths['/v1/messages'].post.parameters.find((p: any) => p.in === 'header').name).toBe('idempotency-key');
    // A body that is not one is refused the same way on every route that takes one.
    expect(doc.paths['/v1/pair'].post.responses['400'].description).toMatch(/invalid_json.*json_too_deep.*validation_failed/);
    expect(doc.paths['/v1/pair'].post.security).toEqual([]);
    expect(doc.paths['/metrics'].get.responses['200'].content['text/plain']).toBeDefined();
    // ?lang= on every route, once, beside the route's own query.
    for (const [path, item] of Object.entries(doc.paths) as [string, any][]) {
      for (const [method, op] of Object.entries(item) as [string, any][])
        expect(
          op.parameters.filter((p: any) => p.name === 'lang' && p.in === 'query'),
          `${method} ${path}`,
        ).toHaveLength(1);
    }
    expect(put.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['lang', 'scope', 'kind', 'language']));
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
    zMeView.parse((await t.request('GET', '/v1/me', { token: admin })).body);
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
    zDeliverySettingsView.parse((await t.request('GET', `/v1/profiles/${profileId}/delivery`, { token: admin })).body);
    zOAuthProvidersView.parse((await t.request('GET', '/v1/oauth/providers', { token: admin })).body);
    zTemplateList.parse((await t.request('GET', '/v1/templates', { token: admin })).body);
  });
});
