import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let token: string;
beforeAll(async () => {
  t = await startTestRelay();
  ({ token } = await t.addUser('admin@firma.se', 'admin'));
});
afterAll(() => t.close());

describe('the relay at its edge', () => {
  it('answers /healthz with its version', async () => {
    const res = await t.request('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('answers /readyz while its database answers, and 503 store_unavailable (never a 500) once it does not', async () => {
    const own = await startTestRelay();
    try {
      expect(await own.request('GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } });
      await own.relay.store.close();
      const res = await own.request('GET', '/readyz');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('store_unavailable');
      expect(own.logs.join('\n')).toMatch(/readiness: the sqlite database does not answer/);
      // Liveness stays up: the process still serves HTTP.
      expect((await own.request('GET', '/healthz')).status).toBe(200);
    } finally {
      await own.close().catch(() => {});
    }
  });

  it.each(['127.0.0.1:8787', 'localhost', '[::1]:8787'])('answers requests addressed to its own name %s', async (host) => {
    const res = await t.request('GET', '/healthz', { headers: { Host: host } });
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding, CVE-2018-5702 class)', async () => {
    const res = await t.request('GET', '/healthz', { headers: { Host: 'attacker.example:8787' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('host_not_allowed');
  });

  it('allows cross-origin calls from the Ownpost extension and answers their preflight', async () => {
    // The development build's id (its manifest key); store ids and OWNPOST_EXTENSION_IDS are allowed likewise.
    const origin = 'chrome-extension://nfokdgblhifphjofchidanjcngnbfnef';
    const preflight = await t.request('OPTIONS', '/v1/me', {
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const res = await t.request('GET', '/v1/me', { token, headers: { Origin: origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('lets extension pages use every method the API has (PUT for delivery settings, DELETE, PATCH)', async () => {
    const origin = 'chrome-extension://nfokdgblhifphjofchidanjcngnbfnef';
    const preflight = await t.request('OPTIONS', '/v1/profiles/p1/delivery', {
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    const allowed = (preflight.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
    expect(allowed).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
  });

  it('refuses calls from a web page origin, even simple ones', async () => {
    const res = await t.request('POST', '/v1/pair', { headers: { Origin: 'https://evil.example' }, body: { code: 'AAAA-BBBB' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('needs a bearer token under /v1', async () => {
    const missing = await t.request('GET', '/v1/me');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthorized');
    const wrong = await t.request('GET', '/v1/me', { token: 'opt_not-a-real-token' });
    expect(wrong.status).toBe(401);
  });

  it('answers malformed JSON with 400 invalid_json, never 500', async () => {
    for (const rawBody of ['{', '{"name":', 'not json', '']) {
      const res = await t.request('POST', '/v1/profiles', { token, rawBody });
      expect(res.status, rawBody).toBe(400);
      expect(res.body.error.code).toBe('invalid_json');
    }
  });

  it('answers a body that breaks the schema with 400 validation_failed and the field', async () => {
    const res = await t.request('POST', '/v1/messages', { token, body: { to: ['not-an-address'], subject: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('to.0');
  });

  it.each([null, 42, [], 'text', { to: 'a@b.se' }, { subject: 'Faktura\r\nBcc: victim@x.se', to: ['a@firma.se'] }])('never answers 500 to odd JSON bodies (%j)', async (body) => {
    const res = await t.request('POST', '/v1/messages', { token, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('answers unknown paths with 404 not_found in the error shape', async () => {
    const res = await t.request('GET', '/v1/nothing-here', { token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
